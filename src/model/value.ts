/** Plain data as parsed from YAML. Values are never mutated once built: merges copy on write. */
export type Value = null | boolean | number | string | readonly Value[] | ValueMap;
export interface ValueMap {
  readonly [key: string]: Value;
}

export function isMap(v: unknown): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asMap(v: unknown): ValueMap {
  return isMap(v) ? v : EMPTY;
}

export const EMPTY: ValueMap = Object.freeze({});

export function isEmptyMap(v: unknown): boolean {
  if (!isMap(v)) return true;
  for (const _ in v) return false;
  return true;
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
