/**
 * Sprig encoding, hashing, JSON and regular-expression functions.
 */
import { createHash } from 'node:crypto';
import { arity, asInt, asString, string2Fn, stringFn } from './args.js';
import { encodeJson } from './json.js';
import { compileGoRegex, findAll, quoteMeta, replaceAll, splitRegex } from './regex.js';

/** base64.StdEncoding.DecodeString; Sprig returns the error text on failure. */
function b64dec(text: string): string {
  const clean = text.replace(/[\r\n]/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(clean);
  const padding = /=*$/.exec(clean)?.[0].length ?? 0;
  const body = clean.slice(0, clean.length - padding);
  let error: number | undefined;
  if (bad && bad.index < body.length) error = bad.index;
  else if (body.includes('=')) error = body.indexOf('=');
  else if (clean.length % 4 !== 0 || padding > 2 || (padding > 0 && (body.length + padding) % 4 !== 0)) {
    error = clean.length - (clean.length % 4 || 4);
  }
  if (error !== undefined) return `illegal base64 data at input byte ${Math.max(0, error)}`;
  return Buffer.from(clean, 'base64').toString('utf8');
}

function hash(algorithm: string): (...args: unknown[]) => string {
  return stringFn((s) => createHash(algorithm).update(s, 'utf8').digest('hex')) as (
    ...args: unknown[]
  ) => string;
}

const json =
  (options: { escapeHTML: boolean; indent?: string }, must: boolean) =>
  (...args: unknown[]): string => {
    arity(args, 1);
    try {
      return encodeJson(args[0], options);
    } catch (error) {
      if (must) throw error;
      return '';
    }
  };

function fromJson(must: boolean) {
  return stringFn((text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (must) throw error;
      return null;
    }
  });
}

const intLimit = (args: unknown[], index: number): number => (args.length > index ? asInt(args[index]) : -1);

export const sprigEncoding = {
  b64enc: stringFn((s) => Buffer.from(s, 'utf8').toString('base64')),
  b64dec: stringFn(b64dec),
  sha1sum: hash('sha1'),
  sha256sum: hash('sha256'),
  toJson: json({ escapeHTML: true }, false),
  mustToJson: json({ escapeHTML: true }, true),
  toPrettyJson: json({ escapeHTML: true, indent: '  ' }, false),
  mustToPrettyJson: json({ escapeHTML: true, indent: '  ' }, true),
  toRawJson: json({ escapeHTML: false }, true),
  mustToRawJson: json({ escapeHTML: false }, true),
  fromJson: fromJson(false),
  mustFromJson: fromJson(true),
  regexMatch: string2Fn((re, s) => {
    try {
      return compileGoRegex(re).test(s);
    } catch {
      return false;
    }
  }),
  mustRegexMatch: string2Fn((re, s) => compileGoRegex(re).test(s)),
  regexFind: string2Fn((re, s) => compileGoRegex(re).exec(s)?.[0] ?? ''),
  regexFindAll: (...args: unknown[]): string[] => {
    arity(args, 3);
    return findAll(asString(args[0]), asString(args[1]), intLimit(args, 2));
  },
  regexReplaceAll: (...args: unknown[]): string => {
    arity(args, 3);
    return replaceAll(asString(args[0]), asString(args[1]), asString(args[2]), false);
  },
  regexReplaceAllLiteral: (...args: unknown[]): string => {
    arity(args, 3);
    return replaceAll(asString(args[0]), asString(args[1]), asString(args[2]), true);
  },
  regexSplit: (...args: unknown[]): string[] => {
    arity(args, 3);
    return splitRegex(asString(args[0]), asString(args[1]), intLimit(args, 2));
  },
  regexQuoteMeta: stringFn(quoteMeta),
};
