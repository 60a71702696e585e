/**
 * The html, js and urlquery builtins (Go's HTMLEscapeString, JSEscapeString
 * and url.QueryEscape applied to fmt.Sprint of the arguments).
 */
import { sprint } from '../format.js';
import { utf8Bytes } from '../values.js';

function evalArgs(args: readonly unknown[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\uFFFD',
};

export function htmlEscape(text: string): string {
  return text.replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function jsEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const simple = JS_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (code < 0x20) out += `\\u00${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code >= 0x80 && !PRINTABLE.test(ch))
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

export function queryEscape(text: string): string {
  let out = '';
  for (const byte of utf8Bytes(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const html = (...args: unknown[]): string => htmlEscape(evalArgs(args));
export const js = (...args: unknown[]): string => jsEscape(evalArgs(args));
export const urlquery = (...args: unknown[]): string => queryEscape(evalArgs(args));
