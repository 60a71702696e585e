/**
 * Token definitions shared by the lexer and the parser.
 */

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'charConst'
  | 'number'
  | 'string'
  | 'rawString'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'assign'
  | 'declare'
  | 'comma'
  | 'punct'
  | 'eof'
  | 'error';

export interface Token {
  type: TokenType;
  /** Offset of the token in the template text. */
  pos: number;
  /** Offset just past the token. */
  end: number;
  /** Token text (trimmed text for 'text', the message for 'error'). */
  text: string;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'template',
  'with',
]);

const SPACE = new Set([' ', '\t', '\r', '\n']);
const ALNUM = /^[\p{L}\p{Nd}_]$/u;

export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.has(c);
export const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && ALNUM.test(c);

/** Go's %#U rendering of a character, e.g. U+0040 '@'. */
export function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
