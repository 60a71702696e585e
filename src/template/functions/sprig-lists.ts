/**
 * Sprig list and dict functions. Results that Sprig leaves in Go map order
 * (keys, values) are sorted by key for determinism.
 */
import { type GoMap, deepEqual, isTrue, kindOf, mapGet, sortStrings, sortedKeys } from '../values.js';
import { arity, asInt, asMap, asString, string2Fn } from './args.js';
import { strval } from './sprig-strings.js';

/** reflect.Kind name, as Sprig uses in its error messages. */
function kindName(value: unknown): string {
  const kind = kindOf(value);
  return kind === 'nil' ? 'invalid' : kind === 'float' ? 'float64' : kind;
}

function listArg(value: unknown, message: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${message} ${kindName(value)}`);
  return value;
}

/** Sprig's strslice: elements as strings, nil elements dropped. */
export function strslice(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(strval);
  return value === null || value === undefined ? [] : [strval(value)];
}

/** One-list-argument function with Sprig's "Cannot ... on type X" error. */
const listFn =
  (message: string, f: (list: unknown[]) => unknown) =>
  (...args: unknown[]): unknown => {
    arity(args, 1);
    return f(listArg(args[0], message));
  };

function dict(...args: unknown[]): GoMap {
  const out: GoMap = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = strval(args[i]);
    Object.defineProperty(out, key, {
      value: i + 1 < args.length ? args[i + 1] : '',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function until(...args: unknown[]): number[] {
  arity(args, 1);
  const count = asInt(args[0]);
  const step = count < 0 ? -1 : 1;
  const out: number[] = [];
  for (let i = 0; step > 0 ? i < count : i > count; i += step) out.push(i);
  return out;
}

function uniq(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}

export const sprigLists = {
  list: (...args: unknown[]): unknown[] => [...args],
  dict,
  get: (...args: unknown[]): unknown => {
    arity(args, 2);
    const { found, value } = mapGet(asMap(args[0]), asString(args[1]));
    return found ? value : '';
  },
  hasKey: (...args: unknown[]): boolean => {
    arity(args, 2);
    return mapGet(asMap(args[0]), asString(args[1])).found;
  },
  keys: (...args: unknown[]): string[] => sortStrings(args.flatMap((d) => Object.keys(asMap(d)))),
  values: (...args: unknown[]): unknown[] => {
    arity(args, 1);
    const map = asMap(args[0]);
    return sortedKeys(map).map((k) => map[k]);
  },
  first: listFn('Cannot find first on type', (l) => (l.length ? l[0] : null)),
  last: listFn('Cannot find last on type', (l) => (l.length ? l[l.length - 1] : null)),
  rest: listFn('Cannot find rest on type', (l) => (l.length ? l.slice(1) : null)),
  initial: listFn('Cannot find initial on type', (l) => (l.length ? l.slice(0, -1) : null)),
  reverse: listFn('Cannot find reverse on type', (l) => [...l].reverse()),
  uniq: listFn('Cannot find uniq on type', uniq),
  compact: listFn('Cannot compact on type', (l) => l.filter(isTrue)),
  sortAlpha: (...args: unknown[]): string[] => {
    arity(args, 1);
    return sortStrings(strslice(args[0]));
  },
  append: (...args: unknown[]): unknown[] => {
    arity(args, 2);
    return [...listArg(args[0], 'Cannot push on type'), args[1]];
  },
  prepend: (...args: unknown[]): unknown[] => {
    arity(args, 2);
    return [args[1], ...listArg(args[0], 'Cannot prepend on type')];
  },
  concat: (...args: unknown[]): unknown[] =>
    args.flatMap((l) => {
      if (!Array.isArray(l)) throw new Error(`Cannot concat type ${kindName(l)} as list`);
      return l as unknown[];
    }),
  has: (...args: unknown[]): boolean => {
    arity(args, 2);
    const [needle, haystack] = args;
    if (haystack === null) return false;
    return listArg(haystack, 'Cannot find has on type').some((v) => deepEqual(v, needle));
  },
  without: (...args: unknown[]): unknown[] => {
    arity(args, 1, Infinity);
    const omit = args.slice(1);
    return listArg(args[0], 'Cannot find without on type').filter((v) => !omit.some((o) => deepEqual(o, v)));
  },
  until,
  splitList: string2Fn((sep, text) => (sep === '' ? [...text] : text.split(sep))),
  split: string2Fn((sep, text) =>
    dict(...(sep === '' ? [...text] : text.split(sep)).flatMap((part, i) => [`_${i}`, part])),
  ),
  join: (...args: unknown[]): string => {
    arity(args, 2);
    return strslice(args[1]).join(asString(args[0]));
  },
  toStrings: (...args: unknown[]): string[] => {
    arity(args, 1);
    return strslice(args[0]);
  },
};
