/**
 * Gomplate's `test` namespace: assertions that fail the rendering, and
 * checks on values.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity, asString } from './args.js';
import { reflectKind, toBool, toGoString } from './gomplate-cast.js';

const NUMBER_KINDS = new Set(['int', 'int64', 'uint64', 'float64']);

/** The optional message argument, which must be a string. */
function message(args: unknown[]): string {
  if (args.length < 2) return '';
  const [text] = args;
  if (typeof text !== 'string') throw new Error(`at <1>: expected string; found ${reflectKind(text)}`);
  return text;
}

export const testMethods: Record<string, TemplateFunction> = {
  /** test.Assert [message] value */
  Assert: (...args) => {
    arity(args, 1, 2);
    const text = message(args);
    if (!toBool(args[args.length - 1]))
      throw new Error(text ? `assertion failed: ${text}` : 'assertion failed');
    return '';
  },
  /** test.Fail [message] */
  Fail: (...args) => {
    arity(args, 0, 1);
    const text = args.length > 0 ? toGoString(args[0]) : '';
    throw new Error(text ? `template generation failed: ${text}` : 'template generation failed');
  },
  /** test.Required [message] value: the value, unless it is nil or "". */
  Required: (...args) => {
    arity(args, 1, 2);
    const text = message(args) || 'can not render template: a required value was not set';
    const value = args[args.length - 1];
    if (value === null || value === undefined || value === '') throw new Error(text);
    return value;
  },
  /** test.Ternary true-value false-value condition (the condition converted by conv.ToBool). */
  Ternary: (...args) => {
    arity(args, 3);
    return toBool(args[2]) ? args[0] : args[1];
  },
  Kind: (...args) => {
    arity(args, 1);
    return reflectKind(args[0]);
  },
  /** test.IsKind kind value; the kind `number` matches any numeric kind. */
  IsKind: (...args) => {
    arity(args, 2);
    const kind = asString(args[0]);
    const actual = reflectKind(args[1]);
    return actual === kind || (kind === 'number' && NUMBER_KINDS.has(actual));
  },
};

export const gomplateTest: Record<string, TemplateFunction> = {
  test: namespaceFunction(new TemplateNamespace('test', testMethods)),
};
