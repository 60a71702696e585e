/**
 * Gomplate's `coll` namespace: building and querying lists and maps. Like
 * the rest of Gomplate, the collection comes last so that the functions work
 * in pipelines (`{{ $list | coll.Append 5 }}`). Nothing modifies its input.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import {
  type GoMap,
  deepEqual,
  hasOwn,
  isMap,
  kindOf,
  sortStrings,
  sortedKeys,
  utf8Bytes,
} from '../values.js';
import { arity, asMap, asString } from './args.js';
import { goBuiltins } from './builtin.js';
import { asSlice, reflectKind, setKey, toGoString, toInt64 } from './gomplate-cast.js';

export function dict(...args: unknown[]): GoMap {
  const out: GoMap = {};
  for (let i = 0; i < args.length; i += 2)
    setKey(out, toGoString(args[i]), i + 1 < args.length ? args[i + 1] : '');
  return out;
}

/** Map key or list element membership; the key must be a string, as in Gomplate. */
export function has(...args: unknown[]): boolean {
  arity(args, 2);
  const [collection] = args;
  const key = asString(args[1]);
  if (isMap(collection)) return hasOwn(collection, key);
  if (Array.isArray(collection)) return collection.some((item) => deepEqual(item, key));
  return false;
}

function mapsArg(args: unknown[]): GoMap[] {
  if (args.length === 0) throw new Error('need at least one argument');
  return args.map(asMap);
}

/** Deep merge where the values of `over` win, as Gomplate's coll.Merge does for each source. */
function mergeValues(defaults: GoMap, over: GoMap): GoMap {
  const out: GoMap = {};
  for (const key of Object.keys(defaults)) setKey(out, key, defaults[key]);
  for (const key of Object.keys(over)) {
    const value = over[key];
    const current = out[key];
    setKey(
      out,
      key,
      hasOwn(out, key) && isMap(value) && isMap(current) ? mergeValues(current, value) : value,
    );
  }
  return out;
}

/** Kind used to decide whether a list is sortable: all elements must share it. */
function sortKind(value: unknown): string {
  return reflectKind(value);
}

function lessThan(key: string): (a: unknown, b: unknown) => boolean {
  const less = (a: unknown, b: unknown, byKey: string): boolean => {
    const kind = sortKind(a);
    if (kind !== sortKind(b)) return false;
    switch (kind) {
      case 'int':
      case 'float64':
        return Number(a) < Number(b);
      case 'string':
        return (a as string) < (b as string);
      case 'map': {
        const left = a as GoMap;
        const right = b as GoMap;
        if (!hasOwn(left, byKey) || !hasOwn(right, byKey)) return false;
        return less(left[byKey], right[byKey], '');
      }
      default:
        return false;
    }
  };
  return (a, b) => less(a, b, key);
}

/** coll.Sort: natural order when all elements have the same kind, otherwise the list unchanged. */
function sort(...args: unknown[]): unknown[] | null {
  arity(args, 1, 2);
  const key = args.length === 2 ? toGoString(args[0]) : '';
  const list = args[args.length - 1];
  if (list === null || list === undefined) return null;
  const items = [...asSlice(list)];
  const first = items[0];
  if (items.some((item) => sortKind(item) !== sortKind(first))) return items;
  const less = lessThan(key);
  // Array.prototype.sort is stable, like sort.SliceStable.
  return items.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

function flatten(list: unknown[], depth: number): unknown[] {
  if (depth === 0) return [...list];
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item, depth - 1) : [item]));
}

/** Arguments of Pick and Omit: keys (or one list of keys), then the map. */
function pickOmitArgs(args: unknown[]): { map: GoMap; keys: string[] } {
  if (args.length < 2) throw new Error(`wrong number of args: wanted 2 or more, got ${args.length}`);
  const map = args[args.length - 1];
  if (!isMap(map))
    throw new Error(`wrong map type: must be map[string]interface {}, got ${reflectKind(map)}`);
  let keyArgs = args.slice(0, -1);
  if (keyArgs.length === 1 && Array.isArray(keyArgs[0])) keyArgs = keyArgs[0] as unknown[];
  const keys = keyArgs.map((k) => {
    if (typeof k !== 'string')
      throw new Error(`wrong key type: must be string, got ${reflectKind(k)} (${toGoString(k)})`);
    return k;
  });
  return { map, keys };
}

function filterMap(map: GoMap, keep: (key: string) => boolean): GoMap {
  const out: GoMap = {};
  for (const key of Object.keys(map)) if (keep(key)) setKey(out, key, map[key]);
  return out;
}

/** coll.Index: like `index` with the collection last, and strict about missing map keys. */
function index(...args: unknown[]): unknown {
  arity(args, 2, Infinity);
  let item = args[args.length - 1];
  if (item === null || item === undefined) throw new Error('index of untyped nil');
  for (const key of args.slice(0, -1)) {
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item)) {
      const seq: ArrayLike<unknown> = typeof item === 'string' ? utf8Bytes(item) : item;
      if (key === null || key === undefined) throw new Error('cannot index slice/array with nil');
      if (kindOf(key) !== 'int') throw new Error(`cannot index slice/array with type ${reflectKind(key)}`);
      const i = Number(key);
      if (i < 0 || i >= seq.length) throw new Error(`index out of range: ${i}`);
      item = seq[i];
    } else if (isMap(item)) {
      if (typeof key !== 'string') {
        throw new Error(
          key === null || key === undefined
            ? 'value is nil; should be of type string'
            : `value has type ${reflectKind(key)}; should be string`,
        );
      }
      if (!hasOwn(item, key)) throw new Error(`map has no key ${key}`);
      item = item[key] ?? null;
    } else {
      throw new Error(`can't index item of type ${reflectKind(item)}`);
    }
  }
  return item;
}

export const collMethods: Record<string, TemplateFunction> = {
  Dict: dict,
  Slice: (...args) => [...args],
  GoSlice: goBuiltins.slice,
  Has: has,
  Index: index,
  Keys: (...args) => mapsArg(args).flatMap((m) => sortStrings(Object.keys(m))),
  Values: (...args) => mapsArg(args).flatMap((m) => sortedKeys(m).map((k) => m[k])),
  Append: (...args) => {
    arity(args, 2);
    return [...asSlice(args[1]), args[0]];
  },
  Prepend: (...args) => {
    arity(args, 2);
    return [args[0], ...asSlice(args[1])];
  },
  Uniq: (...args) => {
    arity(args, 1);
    const out: unknown[] = [];
    for (const item of asSlice(args[0])) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
    return out;
  },
  Reverse: (...args) => {
    arity(args, 1);
    return [...asSlice(args[0])].reverse();
  },
  Merge: (...args) => {
    arity(args, 1, Infinity);
    const [dst, ...srcs] = args.map(asMap);
    return srcs.reduce<GoMap>((merged, src) => mergeValues(src, merged), mergeValues({}, dst ?? {}));
  },
  Sort: sort,
  Flatten: (...args) => {
    arity(args, 1, 2);
    const depth = args.length === 2 ? Number(toInt64(args[0])) : -1;
    return flatten(asSlice(args[args.length - 1]), depth);
  },
  Pick: (...args) => {
    const { map, keys } = pickOmitArgs(args);
    return filterMap(map, (k) => keys.includes(k));
  },
  Omit: (...args) => {
    const { map, keys } = pickOmitArgs(args);
    return filterMap(map, (k) => !keys.includes(k));
  },
};

export const gomplateColl: Record<string, TemplateFunction> = {
  coll: namespaceFunction(new TemplateNamespace('coll', collMethods)),
};
