/**
 * Gomplate's `regexp` namespace: Go (RE2) regular expressions, with the input
 * last. All arguments are converted to strings.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { toGoString, toInt64 } from './gomplate-cast.js';
import { compileGoRegex, findAll, quoteMeta, replaceAll, splitRegex } from './regex.js';

/** expression [n] input, with n defaulting to -1 (no limit). */
const withLimit =
  (f: (pattern: string, n: number, input: string) => unknown): TemplateFunction =>
  (...args) => {
    if (args.length < 2 || args.length > 3)
      throw new Error(`wrong number of args: want 2 or 3, got ${args.length}`);
    const n = args.length === 3 ? Number(toInt64(args[1])) : -1;
    return f(toGoString(args[0]), n, toGoString(args[args.length - 1]));
  };

const replacer =
  (literal: boolean): TemplateFunction =>
  (...args) => {
    arity(args, 3);
    const [pattern, replacement, input] = args.map(toGoString);
    return replaceAll(pattern ?? '', input ?? '', replacement ?? '', literal);
  };

export const regexpMethods: Record<string, TemplateFunction> = {
  Find: (...args) => {
    arity(args, 2);
    return compileGoRegex(toGoString(args[0])).exec(toGoString(args[1]))?.[0] ?? '';
  },
  FindAll: withLimit((pattern, n, input) => findAll(pattern, input, n)),
  Match: (...args) => {
    arity(args, 2);
    return compileGoRegex(toGoString(args[0])).test(toGoString(args[1]));
  },
  QuoteMeta: (...args) => {
    arity(args, 1);
    return quoteMeta(toGoString(args[0]));
  },
  Replace: replacer(false),
  ReplaceLiteral: replacer(true),
  Split: withLimit((pattern, n, input) => splitRegex(pattern, input, n)),
};

export const gomplateRegexp: Record<string, TemplateFunction> = {
  regexp: namespaceFunction(new TemplateNamespace('regexp', regexpMethods)),
};
