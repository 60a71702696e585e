/** Helpers for the cache's JSON index files (name-index.ts, validation-index.ts). */

/** Distinct values, numbered in order of first appearance. */
export class Interned<T> {
  readonly items: T[] = [];
  readonly #ids = new Map<string, number>();
  constructor(private readonly key: (value: T) => string) {}
  id(value: T): number {
    const k = this.key(value);
    let n = this.#ids.get(k);
    if (n === undefined) this.#ids.set(k, (n = this.items.push(value) - 1));
    return n;
  }
}

/** Whether a value read from JSON is the list its type says (no narrowing to any[]). */
export function isList<T>(value: readonly T[] | undefined): boolean {
  return Array.isArray(value);
}
