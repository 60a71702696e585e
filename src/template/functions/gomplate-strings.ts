/**
 * Gomplate's `strings` namespace. Gomplate puts the input last so that the
 * functions read well in pipelines (`{{ .name | strings.TrimPrefix "x-" }}`),
 * and converts any input value to a string (nil as "nil").
 */
import { goQuote } from '../format.js';
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { decodeUtf8, sortStrings, utf8Bytes } from '../values.js';
import { arity, asInt, asString } from './args.js';
import { reflectKind, toGoString, toInt64 } from './gomplate-cast.js';
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
  (f: (s: string) => unknown): TemplateFunction =>
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

/** func(string, input) with Go's type check on the first argument. */
const stringThenInput =
  (f: (a: string, s: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 2);
    return f(asString(args[0]), toGoString(args[1]));
  };

/** func(int, input) with Go's type check on the first argument. */
const intThenInput =
  (f: (n: number, s: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 2);
    return f(asInt(args[0]), toGoString(args[1]));
  };

const anyInput =
  (f: (s: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(toGoString(args[0]));
  };

/** Go's strings.SplitN: n < 0 all parts, n == 0 none, an empty separator splits into characters. */
export function splitN(text: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = [...text];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = text.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function trimCutset(text: string, cutset: string, left: boolean, right: boolean): string {
  const cut = new Set(cutset);
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (left && start < end && cut.has(chars[start] ?? '')) start++;
  while (right && end > start && cut.has(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** Indents every non-empty line; Gomplate v3 leaves the input alone for a bad width or indent. */
function indent(...args: unknown[]): string {
  arity(args, 1, 3);
  const input = toGoString(args[args.length - 1]);
  let width = 1;
  let unit = ' ';
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (args.length === 2) {
    if (typeof args[0] === 'string') unit = args[0];
    else if (isInt(args[0])) width = args[0];
    else throw new Error('indent: invalid arguments');
  } else if (args.length === 3) {
    if (!isInt(args[0]) || typeof args[1] !== 'string') throw new Error('indent: invalid arguments');
    [width, unit] = [args[0], args[1]];
  }
  if (width <= 0 || unit.includes('\n')) return input;
  const pad = unit.repeat(width);
  return input.replace(/^(?=[^\n])/gm, pad);
}

/** Cuts to `length` bytes, as Gomplate's Trunc does. */
function trunc(length: number, text: string): string {
  const bytes = utf8Bytes(text);
  return length < 0 || bytes.length <= length ? text : decodeUtf8(bytes.slice(0, length));
}

/** Abbreviation with "..." (the Apache Commons StringUtils.abbreviate algorithm). */
function abbreviate(text: string, offset: number, width: number): string {
  if (text === '') return '';
  if (width < 4) throw new Error('minimum abbreviation width is 4');
  if (text.length <= width) return text;
  let from = Math.min(offset, text.length);
  if (text.length - from < width - 3) from = text.length - (width - 3);
  if (from <= 4) return `${text.slice(0, width - 3)}...`;
  if (width < 7) throw new Error('minimum abbreviation width with offset is 7');
  if (from + width - 3 < text.length) return `...${abbreviate(text.slice(from), 0, width - 3)}`;
  return `...${text.slice(text.length - (width - 3))}`;
}

function abbrev(...args: unknown[]): string {
  if (args.length < 2 || args.length > 3)
    throw new Error("abbrev requires a 'maxWidth' and 'input' argument");
  const [offset, width] = args.length === 3 ? [args[0], args[1]] : [0, args[0]];
  const text = toGoString(args[args.length - 1]);
  const max = Number(toInt64(width));
  if (utf8Bytes(text).length <= max) return text;
  return abbreviate(text, Number(toInt64(offset)), max);
}

/** Greedy wrapping at spaces; words longer than the width are kept whole. */
function wrap(text: string, width: number, newline: string): string {
  if (text === '') return '';
  const max = Math.max(width, 1);
  let out = '';
  let offset = 0;
  while (text.length - offset > max) {
    if (text[offset] === ' ') {
      offset++;
      continue;
    }
    let at = text.lastIndexOf(' ', max + offset);
    if (at < offset) at = text.indexOf(' ', max + offset);
    if (at < 0) break;
    out += text.slice(offset, at) + newline;
    offset = at + 1;
  }
  return out + text.slice(offset);
}

function wordWrap(...args: unknown[]): string {
  if (args.length < 1 || args.length > 3) throw new Error(`expected 1, 2, or 3 args, got ${args.length}`);
  const input = toGoString(args[args.length - 1]);
  let width = 0;
  let newline = '';
  if (args.length === 2) {
    if (typeof args[0] === 'string') newline = args[0];
    else width = Number(toInt64(args[0]));
  } else if (args.length === 3) {
    width = Number(toInt64(args[0]));
    newline = toGoString(args[1]);
  }
  return wrap(input, width || 80, newline || '\n');
}

/** Keeps the case of the first character, lower-cases the rest and turns non-alphanumerics into spaces. */
function casePrepare(text: string): string {
  const trimmed = text.trim();
  const [first = ''] = trimmed;
  const lowered = trimmed.toLowerCase();
  const kept = first + lowered.slice(first.toLowerCase().length);
  return kept.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function camelCase(text: string): string {
  const trimmed = text.trim();
  const [first = ''] = trimmed;
  const titled = titleCase(trimmed);
  const [titledFirst = ''] = titled;
  return (first + titled.slice(titledFirst.length)).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Transliterations for common letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** A URL slug like github.com/gosimple/slug makes for Latin-script text. */
function slug(text: string): string {
  return text
    .trim()
    .replace(/["'’]/g, '')
    .replace(/[‒–—―]/g, '-')
    .replace(/&/g, 'and')
    .replace(/@/g, 'at')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/./gu, (c) => LETTERS[c] ?? c)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'"'"'`)}'`;

/** Go's strings.Repeat, with Gomplate's error for a negative count. */
function repeat(count: number, text: string): string {
  if (count < 0) throw new Error(`negative count ${count}`);
  if (text.length * count > 1 << 28) throw new Error(`count ${count} too long: causes overflow`);
  return text.repeat(count);
}

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
  Split: binary((sep, s) => splitN(s, sep, -1)),
  ReplaceAll: (...args) => {
    arity(args, 3);
    return strval(args[2]).replaceAll(strval(args[0]), strval(args[1]));
  },
  Trim: stringThenInput((cutset, s) => trimCutset(s, cutset, true, true)),
  TrimLeft: stringThenInput((cutset, s) => trimCutset(s, cutset, true, false)),
  TrimRight: stringThenInput((cutset, s) => trimCutset(s, cutset, false, true)),
  /** strings.SplitN separator count input */
  SplitN: (...args) => {
    arity(args, 3);
    return splitN(toGoString(args[2]), asString(args[0]), asInt(args[1]));
  },
  Indent: indent,
  Repeat: intThenInput(repeat),
  Trunc: intThenInput(trunc),
  Abbrev: abbrev,
  WordWrap: wordWrap,
  RuneCount: (...args) => [...args.map(toGoString).join('')].length,
  Slug: anyInput(slug),
  CamelCase: anyInput(camelCase),
  SnakeCase: anyInput((s) => casePrepare(s).replace(/[\t\n\f\r ]+/g, '_')),
  KebabCase: anyInput((s) => casePrepare(s).replace(/[\t\n\f\r ]+/g, '-')),
  ShellQuote: (...args) => {
    arity(args, 1);
    const [input] = args;
    return Array.isArray(input)
      ? input.map((v) => shellQuote(toGoString(v))).join(' ')
      : shellQuote(toGoString(input));
  },
  /** Deprecated in Gomplate in favour of coll.Sort: the list's elements as sorted strings. */
  Sort: (...args) => {
    arity(args, 1);
    const [list] = args;
    if (!Array.isArray(list))
      throw new Error(
        `wrong type for value; expected []string; got ${list === null ? '<nil>' : reflectKind(list)}`,
      );
    return sortStrings(list.map(toGoString));
  },
  SkipLines: (...args) => {
    arity(args, 2);
    const skip = asInt(args[0]);
    if (skip < 0) throw new Error('skip must be >= 0');
    const lines = splitN(asString(args[1]), '\n', skip + 1);
    return skip === 0 ? asString(args[1]) : (lines[skip] ?? '');
  },
};

export const gomplateStrings: Record<string, TemplateFunction> = {
  strings: namespaceFunction(new TemplateNamespace('strings', methods)),
};
