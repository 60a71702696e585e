import { FUNCTION_TAGS } from '../load/custom-tags.js';

/** A YAML function as the loader keeps it: the literal string `"!tag args"`. */
export interface FunctionCall {
  readonly tag: string;
  /** The argument text after the tag. */
  readonly text: string;
}

export function parseCall(value: unknown): FunctionCall | undefined {
  if (typeof value !== 'string' || !value.startsWith('!')) return undefined;
  const space = value.search(/\s/);
  const tag = space < 0 ? value : value.slice(0, space);
  if (!FUNCTION_TAGS.includes(tag)) return undefined;
  return { tag, text: space < 0 ? '' : value.slice(space + 1).trim() };
}

/** Splits arguments on whitespace, keeping 'single' and "double" quoted words together. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}
