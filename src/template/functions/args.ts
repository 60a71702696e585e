/**
 * Argument checking for template functions, with Go's messages for wrong
 * argument counts and types.
 */
import { ArityError, FunctionArgumentError } from '../errors.js';
import { type GoMap, goTypeName, isMap } from '../values.js';

/** Checks the argument count; max defaults to min (use Infinity for variadic). */
export function arity(args: readonly unknown[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const want = max === Infinity ? `at least ${min}` : min === max ? String(min) : `${min} to ${max}`;
  throw new ArityError(want, args.length);
}

function wrongType(value: unknown, expected: string): FunctionArgumentError {
  return new FunctionArgumentError(
    value === null || value === undefined
      ? `invalid value; expected ${expected}`
      : `wrong type for value; expected ${expected}; got ${goTypeName(value)}`,
  );
}

export function asString(value: unknown): string {
  if (typeof value !== 'string') throw wrongType(value, 'string');
  return value;
}

export function asInt(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(value, 'int');
  return value;
}

export function asBool(value: unknown): boolean {
  if (typeof value !== 'boolean') throw wrongType(value, 'bool');
  return value;
}

export function asMap(value: unknown): GoMap {
  if (!isMap(value)) throw wrongType(value, 'map[string]interface {}');
  return value;
}

export function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw wrongType(value, '[]interface {}');
  return value;
}

type Fn = (...args: unknown[]) => unknown;

/** func(string) T */
export const stringFn =
  (f: (s: string) => unknown): Fn =>
  (...args) => {
    arity(args, 1);
    return f(asString(args[0]));
  };

/** func(string, string) T */
export const string2Fn =
  (f: (a: string, b: string) => unknown): Fn =>
  (...args) => {
    arity(args, 2);
    return f(asString(args[0]), asString(args[1]));
  };

/** func(int, string) T */
export const intStringFn =
  (f: (n: number, s: string) => unknown): Fn =>
  (...args) => {
    arity(args, 2);
    return f(asInt(args[0]), asString(args[1]));
  };
