/**
 * Go text/template's predefined functions.
 */
import { sprint, sprintln } from '../format.js';
import { sprintf } from '../printf.js';
import { decodeUtf8, goTypeName, isMap, isTrue, kindOf, mapGet, utf8Bytes } from '../values.js';
import { arity, asString } from './args.js';
import { eq, ge, gt, le, lt, ne } from './compare.js';
import { html, js, urlquery } from './escape.js';

/** Returns the first falsy argument or the last one (short-circuited by the executor). */
export function and(...args: unknown[]): unknown {
  arity(args, 1, Infinity);
  for (const arg of args) if (!isTrue(arg)) return arg;
  return args[args.length - 1];
}

/** Returns the first truthy argument or the last one (short-circuited by the executor). */
export function or(...args: unknown[]): unknown {
  arity(args, 1, Infinity);
  for (const arg of args) if (isTrue(arg)) return arg;
  return args[args.length - 1];
}

function not(...args: unknown[]): boolean {
  arity(args, 1);
  return !isTrue(args[0]);
}

function len(...args: unknown[]): number {
  arity(args, 1);
  const [item] = args;
  switch (kindOf(item)) {
    case 'invalid':
    case 'nil':
      throw new Error('len of nil pointer');
    case 'string':
      return utf8Bytes(item as string).length;
    case 'slice':
      return (item as unknown[]).length;
    case 'map':
      return Object.keys(item as object).length;
    default:
      throw new Error(`len of type ${goTypeName(item)}`);
  }
}

/** Go's indexArg: an int in [0, cap]. */
function indexArg(index: unknown, cap: number): number {
  if (index === null || index === undefined) throw new Error('cannot index slice/array with nil');
  if (kindOf(index) !== 'int') throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function index(...args: unknown[]): unknown {
  arity(args, 1, Infinity);
  let [item] = args;
  if (item === null || item === undefined) throw new Error('index of untyped nil');
  for (const key of args.slice(1)) {
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item)) {
      const seq: ArrayLike<unknown> = typeof item === 'string' ? utf8Bytes(item) : item;
      const x = indexArg(key, seq.length);
      if (x === seq.length) throw new Error(`index out of range: ${x}`);
      item = seq[x];
    } else if (isMap(item)) {
      if (typeof key !== 'string') {
        throw new Error(
          key === null
            ? 'value is nil; should be of type string'
            : `value has type ${goTypeName(key)}; should be string`,
        );
      }
      item = mapGet(item, key).value ?? null;
    } else {
      throw new Error(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(...args: unknown[]): unknown {
  arity(args, 1, Infinity);
  const [item, ...indexes] = args;
  if (item === null || item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  if (typeof item === 'string' && indexes.length === 3) throw new Error('cannot 3-index slice a string');
  if (typeof item !== 'string' && !Array.isArray(item))
    throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const seq = typeof item === 'string' ? utf8Bytes(item) : item;
  const idx = [0, seq.length, seq.length];
  indexes.forEach((value, i) => (idx[i] = indexArg(value, seq.length)));
  const [from = 0, to = 0, max = 0] = idx;
  if (from > to) throw new Error(`invalid slice index: ${from} > ${to}`);
  if (to > max) throw new Error(`invalid slice index: ${to} > ${max}`);
  return typeof item === 'string'
    ? decodeUtf8((seq as Uint8Array).slice(from, to))
    : (seq as unknown[]).slice(from, to);
}

function printf(...args: unknown[]): string {
  arity(args, 1, Infinity);
  return sprintf(asString(args[0]), args.slice(1));
}

function call(...args: unknown[]): unknown {
  arity(args, 1, Infinity);
  const [fn, ...rest] = args;
  if (fn === null || fn === undefined) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function of type ${goTypeName(fn)}`);
  return (fn as (...a: unknown[]) => unknown)(...rest);
}

export const goBuiltins = {
  and,
  or,
  not,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  len,
  index,
  slice,
  print: (...args: unknown[]): string => sprint(args),
  printf,
  println: (...args: unknown[]): string => sprintln(args),
  html,
  js,
  urlquery,
  call,
};
