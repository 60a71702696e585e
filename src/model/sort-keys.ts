import { setKey } from './value.js';

/**
 * Key order for output and digests: every map's keys in sorted order (as JavaScript orders them:
 * integer-like keys first, ascending, then the rest sorted by UTF-16 code units).
 *
 * Copy on write: a map or list whose keys are already in order is returned as it is, so sorting a
 * value that was sorted before (a compiled section, one read back from the compile cache) allocates
 * nothing and `JSON.stringify` can print it directly.
 */
export function sortKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortKeys(item);
      if (sorted !== item) (out ??= value.slice())[i] = sorted;
    }
    return (out ?? value) as T;
  }
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map);
  if (inOrder(keys)) {
    let out: Record<string, unknown> | undefined;
    for (const k of keys) {
      const item = map[k];
      const sorted = sortKeys(item);
      if (sorted !== item) setKey((out ??= copyOf(map, keys)), k, sorted);
    }
    return (out ?? value) as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) setKey(out, k, sortKeys(map[k]));
  return out as T;
}

/** Whether a map already has the key order a sort would give it (integer-like keys always lead). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) {
    const prev = keys[i - 1]!;
    if (prev > keys[i]! && !isIndex(prev)) return false;
  }
  return true;
}

/** An array-index key, which JavaScript lists first, in numeric order, whatever the insertion order. */
function isIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

function copyOf(map: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) setKey(out, k, map[k]);
  return out;
}
