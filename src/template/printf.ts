/**
 * Go's fmt.Sprintf for plain data: verbs %v %s %d %q %t %f %e %g %x %X %o %b %c %U %T %%,
 * flags (- + # 0 space), width, precision, `*` and explicit argument indexes.
 */
import { formatFixed, formatFloatE, formatFloatG, formatValue, goQuote, goQuoteRune } from './format.js';
import { goTypeName, isMap, sortedKeys, utf8Bytes } from './values.js';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const readIndex = (): boolean => {
    const match = /^\[(\d+)\]/.exec(format.slice(i));
    if (!match) return true;
    reordered = true;
    i += match[0].length;
    const n = Number(match[1]);
    if (n < 1 || n > args.length) return false;
    argNum = n - 1;
    return true;
  };
  const readNumber = (): number | undefined => {
    const match = /^\d+/.exec(format.slice(i));
    if (!match) return undefined;
    i += match[0].length;
    return Number(match[0]);
  };
  const readStar = (): number | 'bad' => {
    const arg = args[argNum++];
    return typeof arg === 'number' && Number.isInteger(arg) && Math.abs(arg) <= 1e6 ? arg : 'bad';
  };
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') [spec.minus, spec.zero] = [true, false];
      else if (c === '+') spec.plus = true;
      else if (c === '#') spec.sharp = true;
      else if (c === ' ') spec.space = true;
      else if (c === '0') spec.zero = !spec.minus;
      else break;
    }
    let good = readIndex();
    if (format[i] === '*') {
      i++;
      const width = readStar();
      if (width === 'bad') out += '%!(BADWIDTH)';
      else if (width < 0) [spec.minus, spec.zero, spec.width] = [true, false, -width];
      else spec.width = width;
    } else {
      spec.width = readNumber();
    }
    if (format[i] === '.') {
      i++;
      good = readIndex() && good;
      if (format[i] === '*') {
        i++;
        const precision = readStar();
        if (precision === 'bad' || precision < 0) out += '%!(BADPREC)';
        else spec.precision = precision;
      } else {
        spec.precision = readNumber() ?? 0;
      }
    }
    good = readIndex() && good;
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!good) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum++], verb, spec);
  }
  if (!reordered && argNum < args.length) {
    out += `%!(EXTRA ${args.slice(argNum).map(describeArg).join(', ')})`;
  }
  return out;
}

function describeArg(arg: unknown): string {
  return arg === null || arg === undefined ? '<nil>' : `${goTypeName(arg)}=${formatValue(arg)}`;
}

function badVerb(arg: unknown, verb: string): string {
  return `%!${verb}(${describeArg(arg)})`;
}

function pad(text: string, spec: Spec): string {
  const width = spec.width ?? 0;
  const length = [...text].length;
  if (length >= width) return text;
  const fill = ' '.repeat(width - length);
  return spec.minus ? text + fill : fill + text;
}

/** Pads a number: zero padding goes between the sign/prefix and the digits. */
function padNumber(sign: string, body: string, spec: Spec, allowZero: boolean): string {
  const width = spec.width ?? 0;
  if (spec.zero && allowZero && !spec.minus && sign.length + body.length < width) {
    return sign + '0'.repeat(width - sign.length - body.length) + body;
  }
  return pad(sign + body, spec);
}

function signOf(negative: boolean, spec: Spec): string {
  return negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
}

function formatArg(arg: unknown, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(arg), spec);
  if (arg === null || arg === undefined) return verb === 'v' ? pad('<nil>', spec) : badVerb(arg, verb);
  switch (typeof arg) {
    case 'boolean':
      return verb === 't' || verb === 'v' ? pad(String(arg), spec) : badVerb(arg, verb);
    case 'number':
      return Number.isInteger(arg) && Math.abs(arg) < 2 ** 63
        ? formatInt(arg, verb, spec)
        : formatFloat(arg, verb, spec);
    case 'bigint':
      return formatInt(Number(arg), verb, spec);
    case 'string':
      return formatString(arg, verb, spec);
  }
  if (Array.isArray(arg)) return `[${arg.map((e) => formatArg(e, verb, spec)).join(' ')}]`;
  if (isMap(arg)) {
    const entries = sortedKeys(arg).map(
      (k) => `${formatArg(k, verb, spec)}:${formatArg(arg[k], verb, spec)}`,
    );
    return `map[${entries.join(' ')}]`;
  }
  return verb === 'v' ? pad(formatValue(arg), spec) : badVerb(arg, verb);
}

const INT_BASES: Readonly<Record<string, number>> = { d: 10, v: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };

function formatInt(n: number, verb: string, spec: Spec): string {
  const base = INT_BASES[verb];
  if (base !== undefined) {
    let digits = Math.abs(n).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    if (spec.precision !== undefined)
      digits = n === 0 && spec.precision === 0 ? '' : digits.padStart(spec.precision, '0');
    let prefix = verb === 'O' ? '0o' : '';
    if (spec.sharp) prefix = { b: '0b', o: '0', x: '0x', X: '0X' }[verb] ?? prefix;
    return padNumber(signOf(n < 0, spec) + prefix, digits, spec, spec.precision === undefined);
  }
  switch (verb) {
    case 'c':
      return pad(n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd', spec);
    case 'q':
      return pad(goQuoteRune(n), spec);
    case 'U': {
      const hex = `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;
      return pad(spec.sharp && n >= 0 && n <= 0x10ffff ? `${hex} '${String.fromCodePoint(n)}'` : hex, spec);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return formatFloat(n, verb, spec);
  }
  return badVerb(n, verb);
}

function formatFloat(x: number, verb: string, spec: Spec): string {
  let text: string;
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      text = formatFloatG(x, spec.precision, verb === 'G');
      break;
    case 'e':
    case 'E':
      text = formatFloatE(x, spec.precision ?? 6, verb === 'E');
      break;
    case 'f':
    case 'F':
      text = formatFixed(x, spec.precision ?? 6);
      break;
    default:
      return badVerb(x, verb);
  }
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text.replace(/^\+/, '');
  const sign = body === 'NaN' ? (spec.plus ? '+' : spec.space ? ' ' : '') : signOf(negative, spec);
  const finite = Number.isFinite(x);
  return padNumber(body === 'Inf' ? (negative ? '-' : '+') : sign, body, spec, finite);
}

function formatString(s: string, verb: string, spec: Spec): string {
  const limited = spec.precision === undefined ? s : [...s].slice(0, spec.precision).join('');
  switch (verb) {
    case 'v':
    case 's':
      return pad(limited, spec);
    case 'q':
      return pad(spec.sharp && !/[`\p{Cc}]/u.test(limited) ? `\`${limited}\`` : goQuote(limited), spec);
    case 'x':
    case 'X': {
      let bytes = [...utf8Bytes(s)];
      if (spec.precision !== undefined) bytes = bytes.slice(0, spec.precision);
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0'));
      const prefix = spec.sharp ? '0x' : '';
      let text = spec.space ? hex.map((h) => prefix + h).join(' ') : prefix + hex.join('');
      if (verb === 'X') text = text.toUpperCase();
      return pad(text, spec);
    }
  }
  return badVerb(s, verb);
}
