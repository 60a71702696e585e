/**
 * Gomplate's `base64` namespace: standard encoding; decoding accepts the
 * standard and the URL-safe alphabets (padded, as Go's encodings require).
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { decodeUtf8, utf8Bytes } from '../values.js';
import { arity } from './args.js';
import { toGoString } from './gomplate-cast.js';

const STD = /^[A-Za-z0-9+/]$/;
const URL = /^[A-Za-z0-9_-]$/;

/** The offset of the first byte that makes `text` invalid padded base64, or -1 if it is valid. */
function invalidAt(text: string, alphabet: RegExp): number {
  const quanta = Math.ceil(text.length / 4);
  for (let q = 0; q < quanta; q++) {
    const chunk = text.slice(q * 4, q * 4 + 4);
    const last = q === quanta - 1;
    for (let j = 0; j < chunk.length; j++) {
      const c = chunk[j] ?? '';
      if (alphabet.test(c)) continue;
      // Padding may only end the final quantum, after at least two data characters.
      const padding = c === '=' && last && j >= 2 && chunk.slice(j) === '='.repeat(4 - j);
      return padding ? (chunk.length === 4 ? -1 : q * 4 + j) : q * 4 + j;
    }
    if (chunk.length < 4) return q * 4 + Math.max(chunk.length - 1, 0);
  }
  return -1;
}

export function decodeBase64(input: string): Uint8Array {
  const text = input.replace(/[\r\n]/g, '');
  const std = invalidAt(text, STD);
  if (std < 0) return Buffer.from(text, 'base64');
  const url = invalidAt(text, URL);
  if (url < 0) return Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  throw new Error(`illegal base64 data at input byte ${url}`);
}

export const base64Methods: Record<string, TemplateFunction> = {
  Encode: (...args) => {
    arity(args, 1);
    return Buffer.from(utf8Bytes(toGoString(args[0]))).toString('base64');
  },
  Decode: (...args) => {
    arity(args, 1);
    return decodeUtf8(decodeBase64(toGoString(args[0])));
  },
  DecodeBytes: (...args) => {
    arity(args, 1);
    return [...decodeBase64(toGoString(args[0]))];
  },
};

export const gomplateBase64: Record<string, TemplateFunction> = {
  base64: namespaceFunction(new TemplateNamespace('base64', base64Methods)),
};
