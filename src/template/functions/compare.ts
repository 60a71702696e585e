/**
 * Go text/template comparison builtins: eq, ne, lt, le, gt, ge.
 */
import { formatValue } from '../format.js';
import { goTypeName } from '../values.js';
import { arity } from './args.js';

type BasicKind = 'nil' | 'bool' | 'number' | 'string' | 'other';

function basicKind(value: unknown): BasicKind {
  if (value === null || value === undefined) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'other';
  }
}

function equalBasic(a: unknown, b: unknown, kind: BasicKind): boolean {
  return kind === 'number' ? Number(a) === Number(b) : a === b;
}

/** eq a b c ... is true if a equals any of b, c, ... */
export function eq(...args: unknown[]): boolean {
  arity(args, 1, Infinity);
  const [first, ...rest] = args;
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(first);
  for (const other of rest) {
    const k2 = basicKind(other);
    let truth: boolean;
    if (k1 === 'nil' || k2 === 'nil') truth = k1 === k2;
    else if (k1 !== k2) throw new Error('incompatible types for comparison');
    else if (k1 === 'other')
      throw new Error(`non-comparable type ${formatValue(first)}: ${goTypeName(first)}`);
    else truth = equalBasic(first, other, k1);
    if (truth) return true;
  }
  return false;
}

export function ne(...args: unknown[]): boolean {
  arity(args, 2);
  return !eq(args[0], args[1]);
}

export function lt(...args: unknown[]): boolean {
  arity(args, 2);
  const [a, b] = args;
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  const comparable = (k: BasicKind): boolean => k === 'number' || k === 'string' || k === 'bool';
  if (!comparable(k1) || !comparable(k2)) throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  return k1 === 'number' ? Number(a) < Number(b) : (a as string) < (b as string);
}

export function le(...args: unknown[]): boolean {
  arity(args, 2);
  return lt(args[0], args[1]) || eq(args[0], args[1]);
}

export function gt(...args: unknown[]): boolean {
  arity(args, 2);
  return !le(args[0], args[1]);
}

export function ge(...args: unknown[]): boolean {
  arity(args, 2);
  return !lt(args[0], args[1]);
}
