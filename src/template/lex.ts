/**
 * Lexer for Go text/template: splits a template into text and action tokens.
 * Mirrors the token rules of Go's text/template/parse lexer (trim markers,
 * comments, fields, variables, literals, keywords). A lexical error becomes an
 * 'error' token that ends the stream; the parser reports it when it gets there.
 */

import { type Token, type TokenType, KEYWORDS, describeChar, isAlphaNumeric, isSpace } from './tokens.js';

export function lex(input: string, leftDelim: string, rightDelim: string): Token[] {
  return new Lexer(input, leftDelim, rightDelim).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private pos = 0;
  private actionStart = 0;
  private parenDepth = 0;
  private trimNextText = false;

  constructor(
    private readonly input: string,
    private readonly left: string,
    private readonly right: string,
  ) {}

  run(): Token[] {
    while (this.lexText() && this.lexAction()) {
      // each round lexes one text run and one action
    }
    return this.tokens;
  }

  private emit(type: TokenType, pos: number, end: number, text = this.input.slice(pos, end)): void {
    this.tokens.push({ type, pos, end, text });
  }

  private fail(pos: number, message: string): false {
    this.emit('error', pos, pos, message);
    return false;
  }

  private charAt(p: number): string | undefined {
    if (p >= this.input.length) return undefined;
    const code = this.input.codePointAt(p) ?? 0;
    return String.fromCodePoint(code);
  }

  private hasLeftTrim(p: number): boolean {
    return this.input[p] === '-' && isSpace(this.input[p + 1]);
  }

  private rightDelimAt(p: number): { end: number; trim: boolean } | undefined {
    const { input, right } = this;
    if (isSpace(input[p]) && input[p + 1] === '-' && input.startsWith(right, p + 2)) {
      return { end: p + 2 + right.length, trim: true };
    }
    return input.startsWith(right, p) ? { end: p + right.length, trim: false } : undefined;
  }

  /** Lexes text up to the next left delimiter; false at end of input. */
  private lexText(): boolean {
    const { input } = this;
    const found = input.indexOf(this.left, this.pos);
    let start = this.pos;
    let end = found < 0 ? input.length : found;
    if (this.trimNextText) {
      while (start < end && isSpace(input[start])) start++;
      this.trimNextText = false;
    }
    if (found >= 0 && this.hasLeftTrim(found + this.left.length)) {
      while (end > start && isSpace(input[end - 1])) end--;
    }
    if (end > start) this.emit('text', start, end);
    if (found < 0) {
      this.emit('eof', input.length, input.length, '');
      return false;
    }
    this.pos = found;
    return true;
  }

  private lexAction(): boolean {
    const start = this.pos;
    let p = start + this.left.length;
    if (this.hasLeftTrim(p)) p += 2;
    if (this.input.startsWith('/*', p)) return this.lexComment(start, p);
    this.emit('leftDelim', start, p);
    this.actionStart = start;
    this.pos = p;
    this.parenDepth = 0;
    return this.lexInsideAction();
  }

  private lexComment(start: number, p: number): boolean {
    const close = this.input.indexOf('*/', p + 2);
    if (close < 0) return this.fail(start, 'unclosed comment');
    const delim = this.rightDelimAt(close + 2);
    if (!delim) return this.fail(start, 'comment ends before closing delimiter');
    this.pos = delim.end;
    this.trimNextText = delim.trim;
    return true;
  }

  private lexInsideAction(): boolean {
    const { input } = this;
    for (;;) {
      const p = this.pos;
      const delim = this.rightDelimAt(p);
      if (delim) {
        if (this.parenDepth > 0) return this.fail(p, 'unclosed left paren');
        this.emit('rightDelim', p, delim.end);
        this.pos = delim.end;
        this.trimNextText = delim.trim;
        return true;
      }
      const c = this.charAt(p);
      if (c === undefined) return this.fail(this.actionStart, 'unclosed action');
      if (!this.lexActionToken(c, p)) return false;
      if (this.pos === p) throw new Error(`template lexer made no progress at ${p} (${input[p]})`);
    }
  }

  /** Lexes one token starting with character c at p; false on error. */
  private lexActionToken(c: string, p: number): boolean {
    const { input } = this;
    if (isSpace(c)) return this.lexSpace(p);
    switch (c) {
      case '=':
        return this.single('assign', p);
      case ':':
        if (input[p + 1] !== '=') return this.fail(p, 'expected :=');
        this.emit('declare', p, p + 2);
        this.pos = p + 2;
        return true;
      case '|':
        return this.single('pipe', p);
      case ',':
        return this.single('comma', p);
      case '(':
        this.parenDepth++;
        return this.single('leftParen', p);
      case ')':
        if (--this.parenDepth < 0) return this.fail(p, 'unexpected right paren');
        return this.single('rightParen', p);
      case '"':
        return this.lexQuoted(p, '"', 'string', 'unterminated quoted string');
      case "'":
        return this.lexQuoted(p, "'", 'charConst', 'unterminated character constant');
      case '`':
        return this.lexRawString(p);
      case '$':
        return this.lexFieldOrVariable(p, 'variable');
      case '.':
        if (/[0-9]/.test(input[p + 1] ?? '')) return this.lexNumber(p);
        return this.lexFieldOrVariable(p, 'field');
    }
    if (c === '+' || c === '-' || /[0-9]/.test(c)) return this.lexNumber(p);
    if (isAlphaNumeric(c)) return this.lexIdentifier(p);
    if (c.length === 1 && c >= ' ' && c <= '~') return this.single('punct', p);
    return this.fail(p, `unrecognized character in action: ${describeChar(c)}`);
  }

  private single(type: TokenType, p: number): true {
    this.emit(type, p, p + 1);
    this.pos = p + 1;
    return true;
  }

  private lexSpace(p: number): true {
    const { input } = this;
    let q = p;
    while (isSpace(input[q])) q++;
    // Leave the last space for a trim-marked right delimiter (" -}}").
    if (input[q] === '-' && input.startsWith(this.right, q + 1)) q--;
    if (q > p) this.emit('space', p, q);
    this.pos = q;
    return true;
  }

  private lexQuoted(p: number, quote: string, type: TokenType, unterminated: string): boolean {
    const { input } = this;
    let q = p + 1;
    for (;;) {
      const c = input[q];
      if (c === undefined || c === '\n') return this.fail(p, unterminated);
      if (c === '\\') {
        const escaped = input[q + 1];
        if (escaped === undefined || escaped === '\n') return this.fail(p, unterminated);
        q += 2;
        continue;
      }
      q++;
      if (c === quote) break;
    }
    this.emit(type, p, q);
    this.pos = q;
    return true;
  }

  private lexRawString(p: number): boolean {
    const close = this.input.indexOf('`', p + 1);
    if (close < 0) return this.fail(p, 'unterminated raw quoted string');
    this.emit('rawString', p, close + 1);
    this.pos = close + 1;
    return true;
  }

  private atTerminator(p: number): boolean {
    const c = this.input[p];
    if (c === undefined || isSpace(c) || '.,|:()'.includes(c)) return true;
    return this.input.startsWith(this.right, p);
  }

  private scanAlphaNumeric(p: number): number {
    let q = p;
    for (let c = this.charAt(q); c !== undefined && isAlphaNumeric(c); c = this.charAt(q)) q += c.length;
    return q;
  }

  private badCharacterAfter(q: number): false {
    return this.fail(q, `bad character ${describeChar(this.charAt(q) ?? '')}`);
  }

  private lexFieldOrVariable(p: number, type: 'field' | 'variable'): boolean {
    const q = this.scanAlphaNumeric(p + 1);
    if (q === p + 1 && type === 'field') {
      if (!this.atTerminator(q)) return this.badCharacterAfter(q);
      this.emit('dot', p, q);
    } else {
      if (!this.atTerminator(q)) return this.badCharacterAfter(q);
      this.emit(type, p, q);
    }
    this.pos = q;
    return true;
  }

  private lexIdentifier(p: number): boolean {
    const q = this.scanAlphaNumeric(p);
    if (!this.atTerminator(q)) return this.badCharacterAfter(q);
    const word = this.input.slice(p, q);
    const type: TokenType = KEYWORDS.has(word)
      ? 'keyword'
      : word === 'true' || word === 'false'
        ? 'bool'
        : word === 'nil'
          ? 'nil'
          : 'identifier';
    this.emit(type, p, q);
    this.pos = q;
    return true;
  }

  private lexNumber(p: number): boolean {
    const { input } = this;
    let q = p;
    const acceptRun = (set: string): void => {
      while (q < input.length && set.includes(input[q] ?? '')) q++;
    };
    const accept = (set: string): boolean => {
      if (q < input.length && set.includes(input[q] ?? '')) {
        q++;
        return true;
      }
      return false;
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    const next = this.charAt(q);
    if (next !== undefined && isAlphaNumeric(next)) {
      return this.fail(p, `bad number syntax: ${JSON.stringify(input.slice(p, q + next.length))}`);
    }
    this.emit('number', p, q);
    this.pos = q;
    return true;
  }
}
