/**
 * Gomplate's `conv` namespace: loose type conversions. Conversions never
 * fail: input that cannot be converted gives 0 (numbers) or false (bools),
 * as in Gomplate v3, which Atmos uses. `Has`, `Slice` and `Dict` are the
 * deprecated aliases of the `coll` functions.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { isTrue } from '../values.js';
import { arity, asString } from './args.js';
import { asSlice, toBool, toFloat64, toGoString, toInt64 } from './gomplate-cast.js';
import { dict, has } from './gomplate-coll.js';

const unary =
  (f: (value: unknown) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(args[0]);
  };

/** strconv.ParseBool: 1, t, T, TRUE, true, True are true; anything else false. */
const parseBool = (value: unknown): boolean =>
  ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(toGoString(value));

export const convMethods: Record<string, TemplateFunction> = {
  Bool: unary(parseBool),
  ToBool: unary(toBool),
  ToBools: (...args) => args.map(toBool),
  ToInt: unary(toInt64),
  ToInt64: unary(toInt64),
  ToInts: (...args) => args.map(toInt64),
  ToInt64s: (...args) => args.map(toInt64),
  ToFloat64: unary(toFloat64),
  ToFloat64s: (...args) => args.map(toFloat64),
  ToString: unary(toGoString),
  ToStrings: (...args) => args.map(toGoString),
  /** conv.Default default input: the input unless it is empty (zero, "", false, nil, empty list or map). */
  Default: (...args) => {
    arity(args, 2);
    return isTrue(args[1]) ? args[1] : args[0];
  },
  /** conv.Join list separator */
  Join: (...args) => {
    arity(args, 2);
    const sep = asString(args[1]);
    let list: unknown[];
    try {
      list = asSlice(args[0]);
    } catch (error) {
      throw new Error(`input to Join must be an array: ${(error as Error).message}`);
    }
    return list.map(toGoString).join(sep);
  },
  Has: has,
  Slice: (...args) => [...args],
  Dict: dict,
};

export const gomplateConv: Record<string, TemplateFunction> = {
  conv: namespaceFunction(new TemplateNamespace('conv', convMethods)),
};
