/**
 * Sprig integer math (values converted like spf13/cast: strings parsed,
 * floats truncated, bools as 0/1, anything else 0).
 */
import { arity, asString } from './args.js';

function parseIntString(text: string): number {
  const trimmed = /^[+-]?\d+\.0*$/.test(text) ? text.replace(/\.0*$/, '') : text;
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.exec(
    trimmed.replace(/_/g, ''),
  );
  if (!match) return 0;
  const [, sign = '', body = ''] = match;
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
  else if (/^0[0-7]/.test(body)) value = parseInt(body.slice(1), 8);
  else value = parseInt(body, 10);
  return sign === '-' ? -value : value;
}

/** spf13/cast ToInt64. */
export function toInt64(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? Math.trunc(value) : 0;
    case 'bigint':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string':
      return parseIntString(value);
    default:
      return 0;
  }
}

/** spf13/cast ToFloat64. */
export function toFloat64(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const n = Number(value.trim());
      return value.trim() !== '' && !Number.isNaN(n) ? n : 0;
    }
    default:
      return 0;
  }
}

const int = (value: unknown): number => toInt64(value);

function divide(a: number, b: number, op: 'div' | 'mod'): number {
  if (b === 0) throw new Error('runtime error: integer divide by zero');
  return op === 'div' ? Math.trunc(a / b) : a % b;
}

export const sprigMath = {
  add: (...args: unknown[]): number => args.reduce<number>((sum, v) => sum + int(v), 0),
  add1: (...args: unknown[]): number => {
    arity(args, 1);
    return int(args[0]) + 1;
  },
  sub: (...args: unknown[]): number => {
    arity(args, 2);
    return int(args[0]) - int(args[1]);
  },
  mul: (...args: unknown[]): number => {
    arity(args, 1, Infinity);
    return args.reduce<number>((product, v) => product * int(v), 1);
  },
  div: (...args: unknown[]): number => {
    arity(args, 2);
    return divide(int(args[0]), int(args[1]), 'div');
  },
  mod: (...args: unknown[]): number => {
    arity(args, 2);
    return divide(int(args[0]), int(args[1]), 'mod');
  },
  max: (...args: unknown[]): number => {
    arity(args, 1, Infinity);
    return Math.max(...args.map(int));
  },
  min: (...args: unknown[]): number => {
    arity(args, 1, Infinity);
    return Math.min(...args.map(int));
  },
  int: (...args: unknown[]): number => {
    arity(args, 1);
    return int(args[0]);
  },
  int64: (...args: unknown[]): number => {
    arity(args, 1);
    return int(args[0]);
  },
  float64: (...args: unknown[]): number => {
    arity(args, 1);
    return toFloat64(args[0]);
  },
  atoi: (...args: unknown[]): number => {
    arity(args, 1);
    const text = asString(args[0]);
    return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
  },
};
