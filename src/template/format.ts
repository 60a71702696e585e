/**
 * Go fmt-style printing of plain data: %v rendering, float formats and quoting.
 */
import { Computed } from './computed.js';
import { isMap, sortedKeys } from './values.js';

/** Go's %v (and fmt.Sprint) rendering of a value. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'number':
      return formatNumber(value);
    case 'function':
      return '<func>';
  }
  if (value instanceof Computed) return value.toString();
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (isMap(value))
    return `map[${sortedKeys(value)
      .map((k) => `${k}:${formatValue(value[k])}`)
      .join(' ')}]`;
  return typeof value === 'symbol' ? value.toString() : '';
}

/** Integers print without a decimal point; other numbers as Go's %v for float64. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Object.is(n, -0) ? '0' : String(n);
  return formatFloatG(n);
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return undefined;
}

/** Significant digits (no trailing zeros) and decimal exponent of |x|. */
function decimalDigits(x: number, precision?: number): { digits: string; exp: number } {
  const text =
    precision === undefined ? Math.abs(x).toExponential() : Math.abs(x).toExponential(precision - 1);
  const [mantissa = '0', exponent = '0'] = text.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(exponent) };
}

function exponentSuffix(exp: number, upper: boolean): string {
  const abs = Math.abs(exp);
  return `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/** Go's %g with an optional precision (shortest representation without one). */
export function formatFloatG(x: number, precision?: number, upper = false): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const p = precision === undefined ? undefined : Math.max(precision, 1);
  const { digits, exp } = decimalDigits(x, p);
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = p ?? 6;
  if (p !== undefined && eprec > nd && nd >= dp) eprec = nd;
  if (exp < -4 || exp >= eprec) {
    const mantissa = nd > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}${exponentSuffix(exp, upper)}`;
  }
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= nd) return `${sign}${digits}${'0'.repeat(dp - nd)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** Go's %e. */
export function formatFloatE(x: number, precision = 6, upper = false): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential(Math.min(precision, 100)).split('e');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${mantissa}${exponentSuffix(Number(exponent), upper)}`;
}

/** Go's %f: like toFixed but with round-half-to-even on exact ties. */
export function formatFixed(x: number, precision = 6): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  const prec = Math.min(precision, 100);
  if (abs >= 1e21) return `${sign}${BigInt(abs).toString()}${prec > 0 ? `.${'0'.repeat(prec)}` : ''}`;
  let text = abs.toFixed(prec);
  if (prec < 60) {
    const exact = abs.toFixed(100);
    const point = exact.indexOf('.');
    const rest = exact.slice(point + 1 + prec);
    if (/^50*$/.test(rest)) {
      const truncated = exact.slice(0, prec === 0 ? point : point + 1 + prec);
      const lastDigit = Number(truncated[truncated.length - 1]);
      if (lastDigit % 2 === 0) text = truncated;
    }
  }
  return `${sign}${text}`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const isPrintable = (ch: string): boolean => ch === ' ' || PRINTABLE.test(ch);

const CONTROL_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function escapeRune(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (isPrintable(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  const control = CONTROL_ESCAPES[code];
  if (control !== undefined) return control;
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Go's strconv.Quote (%q on strings). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) out += escapeRune(ch, '"');
  return `${out}"`;
}

/** Go's strconv.QuoteRune (%q on integers). */
export function goQuoteRune(code: number): string {
  const valid =
    Number.isInteger(code) && code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return `'${escapeRune(valid ? String.fromCodePoint(code) : '\ufffd', "'")}'`;
}

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(arg);
  });
  return out;
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: readonly unknown[]): string {
  return `${args.map(formatValue).join(' ')}\n`;
}
