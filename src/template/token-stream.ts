/**
 * Cursor over the lexer's tokens with the look-ahead the parser needs.
 * Reaching an 'error' token raises the lexical error as a syntax failure.
 */
import { TemplateFailure, syntaxFailure } from './errors.js';
import type { Token, TokenType } from './tokens.js';

export class TokenStream {
  private index = 0;
  /** End offset of the last non-space token consumed. */
  lastEnd = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private at(i: number): Token {
    const token = this.tokens[Math.min(i, this.tokens.length - 1)];
    if (token === undefined) throw new TemplateFailure('syntax', 0, 'internal error: no tokens');
    if (token.type === 'error') throw syntaxFailure(token.pos, token.text);
    return token;
  }

  peek(): Token {
    return this.at(this.index);
  }

  next(): Token {
    const token = this.at(this.index);
    this.index++;
    if (token.type !== 'space') this.lastEnd = token.end;
    return token;
  }

  backup(): void {
    this.index--;
  }

  /** Skips spaces, then returns the next token without consuming it. */
  peekNonSpace(): Token {
    while (this.at(this.index).type === 'space') this.index++;
    return this.at(this.index);
  }

  nextNonSpace(): Token {
    this.peekNonSpace();
    return this.next();
  }

  mark(): { index: number; lastEnd: number } {
    return { index: this.index, lastEnd: this.lastEnd };
  }

  reset(mark: { index: number; lastEnd: number }): void {
    this.index = mark.index;
    this.lastEnd = mark.lastEnd;
  }
}

/** Go's rendering of a token in "unexpected X in Y" messages. */
export function describeToken(token: Token): string {
  if (token.type === 'eof') return 'EOF';
  if (token.type === 'keyword') return `<${token.text}>`;
  return token.text.length > 10
    ? `${JSON.stringify(token.text.slice(0, 10))}...`
    : JSON.stringify(token.text);
}

export function unexpected(token: Token, context: string): never {
  throw syntaxFailure(token.pos, `unexpected ${describeToken(token)} in ${context}`);
}

export function expect(ts: TokenStream, type: TokenType, context: string): Token {
  const token = ts.nextNonSpace();
  if (token.type !== type) unexpected(token, context);
  return token;
}
