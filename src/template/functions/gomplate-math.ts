/**
 * Gomplate's `math` namespace. Inputs are converted loosely (see
 * gomplate-cast.ts); a function returns a float when any input is a float
 * (a non-integral number, or a string that only parses as a float), and an
 * int64 otherwise. Integer arithmetic wraps around at 64 bits, as in Go.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { type Int64, fromBigInt, parseGoFloat, parseGoInt, toFloat64, toInt64 } from './gomplate-cast.js';

/** Longest sequence math.Seq builds, so that a typo cannot exhaust memory. */
const MAX_SEQ = 10_000_000;

export function isInt(value: unknown): boolean {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value);
    case 'bigint':
      return true;
    case 'string':
      return parseGoInt(value) !== undefined;
    default:
      return false;
  }
}

export function isFloat(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  if (typeof value === 'string') return parseGoFloat(value) !== undefined && !isInt(value);
  return false;
}

const big = (value: unknown): bigint => BigInt(toInt64(value));

/** Applies an integer or a float operation, depending on the inputs. */
function numeric(
  values: unknown[],
  ints: (xs: bigint[]) => bigint,
  floats: (xs: number[]) => number,
): Int64 | number {
  return values.some(isFloat) ? floats(values.map(toFloat64)) : fromBigInt(ints(values.map(big)));
}

const unaryFloat =
  (f: (x: number) => number): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(toFloat64(args[0]));
  };

/** Go's math.Round: half away from zero. */
function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

function seq(...args: unknown[]): number[] {
  if (args.length < 1 || args.length > 3)
    throw new Error(`expected 1, 2, or 3 arguments, got ${args.length}`);
  const n = args.map((a) => Number(toInt64(a)));
  const [start, end, step] = n.length === 1 ? [1, n[0] ?? 0, 1] : [n[0] ?? 1, n[1] ?? 0, n[2] ?? 1];
  if (step === 0) return [];
  const delta = end >= start ? Math.abs(step) : -Math.abs(step);
  const count = Math.floor((end - start) / delta) + 1;
  if (count > MAX_SEQ) throw new Error(`sequence of ${count} numbers is too long (at most ${MAX_SEQ})`);
  return Array.from({ length: count }, (_, i) => start + i * delta);
}

const extreme =
  (pick: (a: bigint, b: bigint) => boolean, pickFloat: (...xs: number[]) => number): TemplateFunction =>
  (...args) => {
    arity(args, 1, Infinity);
    return numeric(
      args,
      (xs) => xs.reduce((m, x) => (pick(x, m) ? x : m)),
      (xs) => pickFloat(...xs),
    );
  };

export const mathMethods: Record<string, TemplateFunction> = {
  IsInt: (...args) => {
    arity(args, 1);
    return isInt(args[0]);
  },
  IsFloat: (...args) => {
    arity(args, 1);
    return isFloat(args[0]);
  },
  IsNum: (...args) => {
    arity(args, 1);
    return isInt(args[0]) || isFloat(args[0]);
  },
  Abs: (...args) => {
    arity(args, 1);
    if (!isInt(args[0])) return Math.abs(toFloat64(args[0]));
    const n = big(args[0]);
    return fromBigInt(n < 0n ? -n : n);
  },
  Add: (...args) =>
    numeric(
      args,
      (xs) => xs.reduce((a, b) => a + b, 0n),
      (xs) => xs.reduce((a, b) => a + b, 0),
    ),
  Mul: (...args) =>
    numeric(
      args,
      (xs) => xs.reduce((a, b) => a * b, 1n),
      (xs) => xs.reduce((a, b) => a * b, 1),
    ),
  Sub: (...args) => {
    arity(args, 2);
    return numeric(
      args,
      ([a = 0n, b = 0n]) => a - b,
      ([a = 0, b = 0]) => a - b,
    );
  },
  Div: (...args) => {
    arity(args, 2);
    const divisor = toFloat64(args[1]);
    if (divisor === 0) throw new Error('error: division by 0');
    return toFloat64(args[0]) / divisor;
  },
  Rem: (...args) => {
    arity(args, 2);
    const divisor = big(args[1]);
    if (divisor === 0n) throw new Error('runtime error: integer divide by zero');
    return fromBigInt(big(args[0]) % divisor);
  },
  /** math.Pow base exponent: a float only when the base is a float. */
  Pow: (...args) => {
    arity(args, 2);
    const result = toFloat64(args[0]) ** toFloat64(args[1]);
    return isFloat(args[0]) ? result : toInt64(result);
  },
  Max: extreme((a, b) => a > b, Math.max),
  Min: extreme((a, b) => a < b, Math.min),
  Ceil: unaryFloat(Math.ceil),
  Floor: unaryFloat(Math.floor),
  Round: unaryFloat(round),
  Seq: seq,
};

export const gomplateMath: Record<string, TemplateFunction> = {
  math: namespaceFunction(new TemplateNamespace('math', mathMethods)),
};
