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

/**
 * A shallow copy of a map that keys will be added to. Not `{...map}`: on Node.js 20, adding keys to
 * an object made by spread builds a new hidden class each time, about ten times slower. Small maps
 * are copied by Object.assign, larger ones (which V8 keeps as dictionaries, where Object.assign is
 * slow too) key by key; both ways, a `__proto__` key stays an ordinary key (docs/performance.md).
 */
export function copyMap<T>(map: { readonly [key: string]: T }): Record<string, T> {
  const keys = Object.keys(map);
  if (keys.length < 16 && !Object.prototype.hasOwnProperty.call(map, '__proto__'))
    return Object.assign({}, map);
  const out: Record<string, T> = {};
  for (const key of keys) setKey(out, key, map[key]!);
  return out;
}

/** Assigns without invoking the `__proto__` setter: a `__proto__` key from YAML stays an ordinary key. */
export function setKey<T>(out: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** `{...map, ...extra}`, built by copyMap (see there for why not spread). */
export function extendMap<T>(
  map: { readonly [key: string]: T },
  extra: { readonly [key: string]: T },
): Record<string, T> {
  const out = copyMap(map);
  for (const key of Object.keys(extra)) setKey(out, key, extra[key]!);
  return out;
}

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

/**
 * A run's string table: equal strings built apart (read from many cache entries, computed for many
 * instances) are given back as the first one seen, so a run that holds them all keeps each once.
 */
export function stringInterner(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const seen = known.get(text);
    if (seen !== undefined) return seen;
    known.set(text, text);
    return text;
  };
}
