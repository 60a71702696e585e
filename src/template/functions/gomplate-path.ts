/**
 * Gomplate's `path` namespace: Go's `path` package (slash-separated paths,
 * purely lexical). Inputs are converted to strings.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { toGoString } from './gomplate-cast.js';

/** path.Clean: the shortest equivalent path ("." for an empty one). */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') out.push(part);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push('..');
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined === '' ? '.' : joined;
}

/** path.Split: [directory including the final slash, file]. */
export function splitPath(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return [path.slice(0, i + 1), path.slice(i + 1)];
}

export function basePath(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function extPath(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

export function joinPath(elems: readonly string[]): string {
  const parts = elems.filter((e) => e !== '');
  return parts.length === 0 ? '' : cleanPath(parts.join('/'));
}

/** Translates one `[...]` class of a path.Match pattern; throws for a malformed one. */
function classSource(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  const escapeChar = (c: string): string => (/[\\\]^-]/.test(c) ? `\\${c}` : c);
  const readChar = (): string => {
    let c = pattern[i];
    if (c === '\\') c = pattern[++i];
    if (c === undefined) throw new Error('syntax error in pattern');
    i += c.length;
    return c;
  };
  let body = '';
  let first = true;
  for (;;) {
    if (i >= pattern.length) throw new Error('syntax error in pattern');
    if (pattern[i] === ']' && !first) break;
    first = false;
    if (pattern[i] === '-' || pattern[i] === ']') throw new Error('syntax error in pattern');
    const lo = readChar();
    if (pattern[i] === '-') {
      i++;
      if (pattern[i] === ']' || i >= pattern.length) throw new Error('syntax error in pattern');
      const hi = readChar();
      body += `${escapeChar(lo)}-${escapeChar(hi)}`;
    } else body += escapeChar(lo);
  }
  return { source: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
}

/** path.Match: shell file name pattern matching (`*`, `?`, `[...]`, `\` escapes); `/` is never matched by a wildcard. */
export function matchPath(pattern: string, name: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] ?? '';
    if (c === '*') {
      source += '[^/]*';
      i++;
    } else if (c === '?') {
      source += '[^/]';
      i++;
    } else if (c === '[') {
      const cls = classSource(pattern, i);
      source += cls.source;
      i = cls.end;
    } else if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new Error('syntax error in pattern');
      source += next.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 2;
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${source}$`, 'su').test(name);
}

const unary =
  (f: (path: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(toGoString(args[0]));
  };

export const pathMethods: Record<string, TemplateFunction> = {
  Base: unary(basePath),
  Clean: unary(cleanPath),
  Dir: unary((p) => cleanPath(splitPath(p)[0])),
  Ext: unary(extPath),
  IsAbs: unary((p) => p.startsWith('/')),
  Join: (...args) => joinPath(args.map(toGoString)),
  Split: unary(splitPath),
  Match: (...args) => {
    arity(args, 2);
    return matchPath(toGoString(args[0]), toGoString(args[1]));
  },
};

export const gomplatePath: Record<string, TemplateFunction> = {
  path: namespaceFunction(new TemplateNamespace('path', pathMethods)),
};
