/**
 * Gomplate's loose value conversions (its `conv` package, v3 semantics as
 * Atmos ships them): strings are parsed like Go number literals, commas are
 * ignored, and anything that cannot be converted becomes zero or false
 * instead of failing. Shared by the Gomplate namespaces.
 */
import { Computed } from '../computed.js';
import { formatValue } from '../format.js';
import { type GoMap, kindOf } from '../values.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go integer literal syntax, as strconv.ParseInt(s, 0, 64) accepts it. */
const GO_INT =
  /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const GO_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GO_FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** An int64 as a number, or as a bigint when a number would lose precision. */
export type Int64 = number | bigint;

function narrow(value: bigint): Int64 {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** An int64 result of bigint arithmetic, wrapped around on overflow as Go does. */
export function fromBigInt(value: bigint): Int64 {
  return narrow(BigInt.asIntN(64, value));
}

/** strconv.ParseInt(text, 0, 64); undefined when the text is not an int64. */
export function parseGoInt(text: string): Int64 | undefined {
  if (!GO_INT.test(text)) return undefined;
  const negative = text.startsWith('-');
  let body = text.replace(/^[+-]/, '').replaceAll('_', '');
  if (/^0[0-7]/.test(body)) body = `0o${body.slice(1)}`;
  const magnitude = BigInt(body);
  const value = negative ? -magnitude : magnitude;
  if (value < INT64_MIN || value > INT64_MAX) return undefined;
  return narrow(value);
}

/** strconv.ParseFloat(text, 64) for decimal and special (Inf, NaN) values. */
export function parseGoFloat(text: string): number | undefined {
  const special = GO_FLOAT_SPECIAL.exec(text);
  if (special) {
    if (special[2]?.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return GO_FLOAT.test(text) ? Number(text) : undefined;
}

/** Go's int64(f) for the finite range; zero for values that do not fit. */
function truncate(value: number): Int64 {
  if (!Number.isFinite(value)) return 0;
  const t = Math.trunc(value) + 0;
  if (Number.isSafeInteger(t)) return t;
  const big = BigInt(t);
  return big < INT64_MIN || big > INT64_MAX ? 0 : big;
}

/** Gomplate's conv.ToInt64: numbers truncated, strings parsed, bools as 0/1, anything else 0. */
export function toInt64(value: unknown): Int64 {
  switch (typeof value) {
    case 'number':
      return truncate(value);
    case 'bigint':
      return narrow(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const text = value.replaceAll(',', '');
      const int = parseGoInt(text);
      if (int !== undefined) return int;
      const float = parseGoFloat(text);
      return float === undefined ? 0 : truncate(float);
    }
    default:
      return 0;
  }
}

/** Gomplate's conv.ToFloat64: like toInt64 but keeping fractions. */
export function toFloat64(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const text = value.replaceAll(',', '');
      const int = parseGoInt(text);
      if (int !== undefined) return Number(int);
      return parseGoFloat(text) ?? 0;
    }
    default:
      return 0;
  }
}

/** Gomplate's conv.ToBool: true, 1, or (any case) "1", "t", "true", "yes" or a string equal to 1. */
export function toBool(value: unknown): boolean {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string': {
      const text = value.toLowerCase();
      return ['1', 't', 'true', 'yes'].includes(text) || toFloat64(text) === 1;
    }
    case 'number':
      return value === 1;
    case 'bigint':
      return value === 1n;
    default:
      return false;
  }
}

/** Gomplate's conv.ToString: strings as is, nil as "nil", everything else as %v. */
export function toGoString(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  return typeof value === 'string' ? value : formatValue(value);
}

/** reflect.Kind name of a value (`invalid` for nil). */
export function reflectKind(value: unknown): string {
  if (value instanceof Computed) return 'string';
  const kind = kindOf(value);
  switch (kind) {
    case 'invalid':
    case 'nil':
      return 'invalid';
    case 'float':
      return 'float64';
    default:
      return kind;
  }
}

/** Sets a key as an own property (safe for keys such as `__proto__`). */
export function setKey(map: GoMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The error Gomplate reports when a list argument is not a slice. */
export function asSlice(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new Error(`expected an array or slice, but got ${reflectKind(value)}`);
}
