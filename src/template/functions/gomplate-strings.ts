/**
 * The subset of Gomplate's `strings` namespace that Atmos stacks use. Gomplate
 * puts the input last so that the functions read well in pipelines
 * (`{{ .name | strings.TrimPrefix "x-" }}`), and converts any value to a string.
 */
import { goQuote } from '../format.js';
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { strval } from './sprig-strings.js';

/**
 * Title case as golang.org/x/text/cases.Title(language.Und) does for common
 * text: the first letter of each word upper-cased, the rest lower-cased. A
 * word starts after any character that is not a letter, digit or apostrophe.
 */
export function titleCase(text: string): string {
  let out = '';
  let inWord = false;
  for (const ch of text) {
    const wordChar = /[\p{L}\p{N}'’]/u.test(ch);
    out += wordChar ? (inWord ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    inWord = wordChar;
  }
  return out;
}

const unary =
  (f: (s: string) => string): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(strval(args[0]));
  };

const binary =
  (f: (a: string, s: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 2);
    return f(strval(args[0]), strval(args[1]));
  };

const methods: Record<string, TemplateFunction> = {
  Title: unary(titleCase),
  ToUpper: unary((s) => s.toUpperCase()),
  ToLower: unary((s) => s.toLowerCase()),
  TrimSpace: unary((s) => s.trim()),
  Quote: unary(goQuote),
  Squote: unary((s) => `'${s.replaceAll("'", "''")}'`),
  TrimPrefix: binary((prefix, s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
  TrimSuffix: binary((suffix, s) => (suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s)),
  HasPrefix: binary((prefix, s) => s.startsWith(prefix)),
  HasSuffix: binary((suffix, s) => s.endsWith(suffix)),
  Contains: binary((substr, s) => s.includes(substr)),
  Split: binary((sep, s) => s.split(sep)),
  ReplaceAll: (...args) => {
    arity(args, 3);
    return strval(args[2]).replaceAll(strval(args[0]), strval(args[1]));
  },
};

export const gomplateNamespaces: Record<string, TemplateFunction> = {
  strings: namespaceFunction(new TemplateNamespace('strings', methods)),
};
