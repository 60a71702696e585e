/**
 * Sprig's snakecase, kebabcase and camelcase, following huandu/xstrings v1.5
 * (ToSnakeCase, ToKebabCase and ToPascalCase, which Sprig v3.3 uses for camelcase).
 */

const isGoSpace = (c: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\p{Z}]$/u.test(c);
const isConnector = (c: string): boolean => c === '-' || c === '_' || isGoSpace(c);
const isPunct = (c: string): boolean => /^\p{P}$/u.test(c);
const isUpper = (c: string): boolean => /^\p{Lu}$/u.test(c);
const isNumber = (c: string): boolean => /^\p{N}$/u.test(c);

/** A letter that is not a CJK ideograph. */
function isAlphabet(c: string): boolean {
  if (!/^\p{L}$/u.test(c)) return false;
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x3400) return true;
  if (code >= 0x4e00 && code <= 0x9fcc) return false;
  if (code >= 0x3400 && code <= 0x4d85) return false;
  if (code >= 0x20000 && code <= 0x2b81d) return false;
  return true;
}

type WordType = 'none' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  type: WordType;
  text: string;
  /** Index just past the word. */
  next: number;
}

function nextWord(chars: readonly string[], start: number): Word {
  const n = chars.length;
  if (start >= n) return { type: 'none', text: '', next: n };
  const at = (i: number): string => chars[i] ?? '';
  const run = (from: number, accept: (c: string) => boolean): number => {
    let j = from;
    while (j < n && accept(at(j))) j++;
    return j;
  };
  const first = at(start);
  let type: WordType;
  let end: number;
  if (isConnector(first)) [type, end] = ['connector', run(start + 1, isConnector)];
  else if (isPunct(first)) [type, end] = ['punct', run(start + 1, isPunct)];
  else if (isUpper(first)) {
    type = 'upper';
    end = start + 1;
    const second = at(end);
    if (end < n && isUpper(second)) {
      end = run(end, isUpper);
      // "HTTPStatus" splits into "HTTP" and "Status".
      if (end < n && isAlphabet(at(end))) end--;
    } else if (end < n && isAlphabet(second)) {
      end = run(end, (c) => isAlphabet(c) && !isUpper(c));
    }
  } else if (isAlphabet(first))
    [type, end] = ['alphabet', run(start + 1, (c) => isAlphabet(c) && !isUpper(c))];
  else if (isNumber(first)) [type, end] = ['number', run(start + 1, isNumber)];
  else {
    type = 'other';
    end = run(start + 1, (c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { type, text: chars.slice(start, end).join(''), next: end };
}

function lowerWord(word: Word, connector: string): string {
  if (word.type !== 'upper' && word.type !== 'connector') return word.text;
  return [...word.text].map((c) => (isConnector(c) ? connector : isUpper(c) ? c.toLowerCase() : c)).join('');
}

function toLowerCase(text: string, connector: string): string {
  const chars = [...text];
  const n = chars.length;
  let out = '';
  let word: Word = nextWord(chars, 0);
  const step = (w: Word): Word => nextWord(chars, w.next);
  const separates = (w: Word): boolean => w.type !== 'none' && w.type !== 'connector' && w.type !== 'punct';
  while (word.next < n) {
    if (word.type !== 'connector') out += lowerWord(word, connector);
    const prev = word;
    word = step(word);
    if (prev.type === 'number') {
      while (word.type === 'alphabet' || word.type === 'number') {
        out += lowerWord(word, connector);
        word = step(word);
      }
      if (separates(word)) out += connector;
    } else if (prev.type === 'connector') {
      out += lowerWord(prev, connector);
    } else if (prev.type !== 'punct') {
      if (word.type !== 'number') {
        if (separates(word)) out += connector;
        continue;
      }
      if (word.next >= n) continue;
      const digits = word;
      word = step(word);
      if (word.type !== 'alphabet') {
        // A number directly after a word belongs to it: "Bld4Floor" => "bld4_floor".
        out += digits.text;
        if (separates(word)) out += connector;
        continue;
      }
      // Lower case letters after a number start a new word: "HTTP2xx" => "http_2xx".
      out += connector + digits.text;
      while (word.type === 'alphabet' || word.type === 'number') {
        out += lowerWord(word, connector);
        word = step(word);
      }
      if (separates(word)) out += connector;
    }
  }
  return out + lowerWord(word, connector);
}

export const snakecase = (text: string): string => toLowerCase(text, '_');
export const kebabcase = (text: string): string => toLowerCase(text, '-');

/** Upper camel case: "http_server" => "HttpServer", "GOLANG_IS_GREAT" => "GolangIsGreat". */
export function camelcase(text: string): string {
  const chars = [...text];
  if (chars.length === 0) return '';
  let out = '';
  let i = 0;
  let current = '';
  let firstUpper = false;
  for (; i < chars.length;) {
    current = chars[i++] ?? '';
    if (!isConnector(current)) {
      firstUpper = isUpper(current);
      current = current.toUpperCase();
      break;
    }
    out += current;
  }
  if (i >= chars.length) return out + current;
  for (; i < chars.length; i++) {
    const prev = current;
    current = chars[i] ?? '';
    if (isConnector(current) && isConnector(prev)) {
      out += prev;
      continue;
    }
    if (isConnector(prev)) {
      firstUpper = isUpper(current);
      current = current.toUpperCase();
    } else {
      if (firstUpper) {
        if (isUpper(current)) current = current.toLowerCase();
        else firstUpper = false;
      }
      out += prev;
    }
  }
  return out + current;
}
