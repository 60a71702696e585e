/**
 * Sprig default/flow functions and reflection helpers.
 */
import { goTypeName, isTrue, kindOf } from '../values.js';
import { arity, asBool, asString } from './args.js';

const empty = (value: unknown): boolean => !isTrue(value);

function kindName(value: unknown): string {
  const kind = kindOf(value);
  return kind === 'nil' || kind === 'invalid' ? 'invalid' : kind === 'float' ? 'float64' : kind;
}

export const sprigDefaults = {
  /** default "fallback" .value */
  default: (...args: unknown[]): unknown => {
    arity(args, 1, Infinity);
    return args.length < 2 || empty(args[1]) ? args[0] : args[1];
  },
  empty: (...args: unknown[]): boolean => {
    arity(args, 1);
    return empty(args[0]);
  },
  coalesce: (...args: unknown[]): unknown => args.find((v) => !empty(v)) ?? null,
  all: (...args: unknown[]): boolean => args.every((v) => !empty(v)),
  any: (...args: unknown[]): boolean => args.some((v) => !empty(v)),
  /** ternary "yes" "no" condition */
  ternary: (...args: unknown[]): unknown => {
    arity(args, 3);
    return asBool(args[2]) ? args[0] : args[1];
  },
  fail: (...args: unknown[]): never => {
    arity(args, 1);
    throw new Error(asString(args[0]));
  },
  typeOf: (...args: unknown[]): string => {
    arity(args, 1);
    return goTypeName(args[0]);
  },
  kindOf: (...args: unknown[]): string => {
    arity(args, 1);
    return kindName(args[0]);
  },
  kindIs: (...args: unknown[]): boolean => {
    arity(args, 2);
    return asString(args[0]) === kindName(args[1]);
  },
};
