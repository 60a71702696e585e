/**
 * Go-like view of plain JS data: objects are maps, arrays are slices,
 * null is nil and undefined is a missing ("invalid") value.
 */

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map' | 'func';

export type GoMap = Record<string, unknown>;

export function isMap(value: unknown): value is GoMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(value: unknown): Kind {
  if (value === undefined) return 'invalid';
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    default:
      return Array.isArray(value) ? 'slice' : 'map';
  }
}

/** The Go type a value would have after decoding YAML/JSON into interface{}. */
export function goTypeName(value: unknown): string {
  switch (kindOf(value)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'func':
      return 'func';
  }
}

export function hasOwn(map: GoMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** Map entry lookup: own properties only; a stored undefined reads as nil. */
export function mapGet(map: GoMap, key: string): { found: boolean; value: unknown } {
  if (!hasOwn(map, key)) return { found: false, value: undefined };
  const value = map[key];
  return { found: true, value: value === undefined ? null : value };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys in Go's map order for printing and ranging (sorted). */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareStrings);
}

export function sortStrings(values: string[]): string[] {
  return values.sort(compareStrings);
}

/** Go template truth: false, 0, nil, missing and empty string/slice/map are false. */
export function isTrue(value: unknown): boolean {
  switch (kindOf(value)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return value === true;
    case 'int':
    case 'float':
      return typeof value === 'bigint' ? value !== 0n : value !== 0;
    case 'string':
      return (value as string).length > 0;
    case 'slice':
      return (value as unknown[]).length > 0;
    case 'map':
      return Object.keys(value as GoMap).length > 0;
    case 'func':
      return true;
  }
}

/** reflect.DeepEqual on plain data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
