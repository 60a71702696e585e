/**
 * Sprig string functions (argument orders as in Sprig, e.g. `trimPrefix "pre" .x`).
 */
import { formatValue, goQuote } from '../format.js';
import { arity, asInt, asString, intStringFn, string2Fn, stringFn } from './args.js';
import { camelcase, kebabcase, snakecase } from './sprig-case.js';

const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\p{Z}]$/u;
const isGoSpace = (c: string): boolean => GO_SPACE.test(c);

/** Sprig's strval: strings as is, everything else as %v. */
export function strval(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

function trimSet(text: string, drop: (c: string) => boolean): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && drop(chars[start] ?? '')) start++;
  while (end > start && drop(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** Word separators as in Go's strings.Title. */
function isTitleSeparator(c: string): boolean {
  if (c <= '\x7f') return !/[0-9A-Za-z_]/.test(c);
  if (/^[\p{L}\p{Nd}]$/u.test(c)) return false;
  return isGoSpace(c);
}

/** strings.Title: upper-cases the first letter of each word. */
function title(text: string): string {
  let out = '';
  let atWordStart = true;
  for (const c of text) {
    out += atWordStart ? c.toUpperCase() : c;
    atWordStart = isTitleSeparator(c);
  }
  return out;
}

/** goutils.Uncapitalize: lower-cases the first letter of each whitespace-separated word. */
function untitle(text: string): string {
  let out = '';
  let atWordStart = true;
  for (const c of text) {
    out += atWordStart && !isGoSpace(c) ? c.toLowerCase() : c;
    atWordStart = isGoSpace(c);
  }
  return out;
}

function trunc(count: number, text: string): string {
  const chars = [...text];
  if (count < 0 && chars.length + count > 0) return chars.slice(chars.length + count).join('');
  if (count >= 0 && chars.length > count) return chars.slice(0, count).join('');
  return text;
}

function substr(start: number, end: number, text: string): string {
  const chars = [...text];
  const cut = (from: number, to: number): string => {
    if (from < 0 || to > chars.length || from > to) {
      throw new Error(`runtime error: slice bounds out of range [${from}:${to}] with length ${chars.length}`);
    }
    return chars.slice(from, to).join('');
  };
  if (start < 0) return cut(0, end);
  if (end < 0 || end > chars.length) return cut(start, chars.length);
  return cut(start, end);
}

function indent(spaces: number, text: string): string {
  const pad = ' '.repeat(Math.max(0, spaces));
  return pad + text.replaceAll('\n', `\n${pad}`);
}

function repeat(count: number, text: string): string {
  if (count < 0) throw new Error('strings: negative Repeat count');
  return text.repeat(count);
}

const nonNil = (args: unknown[]): unknown[] => args.filter((v) => v !== null && v !== undefined);

export const sprigStrings = {
  upper: stringFn((s) => s.toUpperCase()),
  lower: stringFn((s) => s.toLowerCase()),
  title: stringFn(title),
  untitle: stringFn(untitle),
  trim: stringFn((s) => trimSet(s, isGoSpace)),
  trimAll: string2Fn((cutset, s) => trimSet(s, (c) => cutset.includes(c))),
  trimPrefix: string2Fn((prefix, s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
  trimSuffix: string2Fn((suffix, s) => (s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s)),
  trunc: intStringFn(trunc),
  substr: (...args: unknown[]): string => {
    arity(args, 3);
    return substr(asInt(args[0]), asInt(args[1]), asString(args[2]));
  },
  replace: (...args: unknown[]): string => {
    arity(args, 3);
    return asString(args[2]).replaceAll(asString(args[0]), asString(args[1]));
  },
  repeat: intStringFn(repeat),
  contains: string2Fn((sub, s) => s.includes(sub)),
  hasPrefix: string2Fn((prefix, s) => s.startsWith(prefix)),
  hasSuffix: string2Fn((suffix, s) => s.endsWith(suffix)),
  quote: (...args: unknown[]): string =>
    nonNil(args)
      .map((v) => goQuote(strval(v)))
      .join(' '),
  squote: (...args: unknown[]): string =>
    nonNil(args)
      .map((v) => `'${formatValue(v)}'`)
      .join(' '),
  cat: (...args: unknown[]): string => nonNil(args).map(formatValue).join(' '),
  indent: intStringFn(indent),
  nindent: intStringFn((n, s) => `\n${indent(n, s)}`),
  nospace: stringFn((s) => [...s].filter((c) => !isGoSpace(c)).join('')),
  snakecase: stringFn(snakecase),
  kebabcase: stringFn(kebabcase),
  camelcase: stringFn(camelcase),
  swapcase: stringFn((s) =>
    [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  ),
  plural: (...args: unknown[]): string => {
    arity(args, 3);
    return asInt(args[2]) === 1 ? asString(args[0]) : asString(args[1]);
  },
  toString: (...args: unknown[]): string => {
    arity(args, 1);
    return strval(args[0]);
  },
};
