/**
 * Go literal syntax: quoted strings, raw strings, character constants and numbers,
 * as accepted by text/template (strconv.Unquote / strconv.ParseInt rules).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
};

interface Escape {
  /** Code point, or byte value when isByte. */
  value: number;
  isByte: boolean;
  /** Index just past the escape. */
  next: number;
}

/** Reads the escape starting at s[i] === '\\'; throws on invalid syntax. */
function readEscape(s: string, i: number, quote: string): Escape {
  const c = s[i + 1] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { value: simple, isByte: false, next: i + 2 };
  if (c === quote) return { value: c.charCodeAt(0), isByte: false, next: i + 2 };
  const hex = (len: number): number => {
    const digits = s.slice(i + 2, i + 2 + len);
    if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) throw new Error('invalid syntax');
    return parseInt(digits, 16);
  };
  switch (c) {
    case 'x':
      return { value: hex(2), isByte: true, next: i + 4 };
    case 'u':
    case 'U': {
      const len = c === 'u' ? 4 : 8;
      const value = hex(len);
      if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) throw new Error('invalid syntax');
      return { value, isByte: false, next: i + 2 + len };
    }
  }
  if (c >= '0' && c <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new Error('invalid syntax');
    const value = parseInt(digits, 8);
    if (value > 255) throw new Error('invalid syntax');
    return { value, isByte: true, next: i + 4 };
  }
  throw new Error('invalid syntax');
}

/** Unquotes a Go double-quoted string literal (including the quotes). */
export function unquoteString(token: string): string {
  const body = token.slice(1, -1);
  if (!body.includes('\\')) return body;
  const bytes: number[] = [];
  let run = 0;
  const flush = (to: number): void => {
    if (to > run) bytes.push(...encoder.encode(body.slice(run, to)));
  };
  for (let i = 0; i < body.length;) {
    if (body[i] !== '\\') {
      i++;
      continue;
    }
    flush(i);
    const esc = readEscape(body, i, '"');
    if (esc.isByte) bytes.push(esc.value);
    else bytes.push(...encoder.encode(String.fromCodePoint(esc.value)));
    i = run = esc.next;
  }
  flush(body.length);
  return decoder.decode(new Uint8Array(bytes));
}

/** Unquotes a Go raw string literal; carriage returns are discarded as Go does. */
export function unquoteRaw(token: string): string {
  return token.slice(1, -1).replace(/\r/g, '');
}

/** The value of a Go character constant such as 'a' or '\n'; throws on bad syntax. */
export function unquoteChar(token: string): number {
  const body = token.slice(1, -1);
  if (body.startsWith('\\')) {
    const esc = readEscape(body, 0, "'");
    if (esc.next !== body.length) throw new Error(`malformed character constant: ${token}`);
    return esc.value;
  }
  const code = body.codePointAt(0);
  if (code === undefined || String.fromCodePoint(code).length !== body.length || body === "'") {
    throw new Error(`malformed character constant: ${token}`);
  }
  return code;
}

/** Parses a Go number literal as text/template does; throws with a Go-like message. */
export function parseNumber(text: string): number {
  if (text.endsWith('i')) throw new Error(`complex numbers are not supported: ${JSON.stringify(text)}`);
  const clean = text.replace(/_/g, '');
  const negative = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  const sign = negative ? -1 : 1;
  let match: RegExpExecArray | null;
  if ((match = /^0[xX]([0-9a-fA-F]+)$/.exec(body))) return sign * parseInt(match[1] ?? '', 16);
  if ((match = /^0[oO]([0-7]+)$/.exec(body))) return sign * parseInt(match[1] ?? '', 8);
  if ((match = /^0[bB]([01]+)$/.exec(body))) return sign * parseInt(match[1] ?? '', 2);
  if (/^0[0-7]+$/.test(body)) return sign * parseInt(body.slice(1), 8);
  if (/^(0|[1-9][0-9]*)$/.test(body)) return sign * Number(body);
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(body) && !/^0[0-9]+$/.test(body)) {
    return sign * Number(body);
  }
  throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
}
