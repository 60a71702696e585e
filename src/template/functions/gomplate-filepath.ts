/**
 * Gomplate's `filepath` namespace with POSIX semantics (Go's path/filepath
 * on Linux): the `path` functions plus Rel, ToSlash, FromSlash and
 * VolumeName. Purely lexical; the file system is never read.
 */
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { toGoString } from './gomplate-cast.js';
import { cleanPath, pathMethods } from './gomplate-path.js';

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '' && s !== '.');

/** filepath.Rel: a relative path from base to target, lexically. */
export function relPath(basepath: string, targpath: string): string {
  const base = cleanPath(basepath);
  const targ = cleanPath(targpath);
  if (base === targ) return '.';
  if (base.startsWith('/') !== targ.startsWith('/'))
    throw new Error(`Rel: can't make ${targpath} relative to ${basepath}`);
  const from = segments(base);
  const to = segments(targ);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  if (from[common] === '..') throw new Error(`Rel: can't make ${targpath} relative to ${basepath}`);
  const up: string[] = Array<string>(from.length - common).fill('..');
  return [...up, ...to.slice(common)].join('/') || '.';
}

const unary =
  (f: (path: string) => unknown): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return f(toGoString(args[0]));
  };

export const filepathMethods: Record<string, TemplateFunction> = {
  ...pathMethods,
  Rel: (...args) => {
    arity(args, 2);
    return relPath(toGoString(args[0]), toGoString(args[1]));
  },
  ToSlash: unary((p) => p),
  FromSlash: unary((p) => p),
  VolumeName: unary(() => ''),
};

export const gomplateFilepath: Record<string, TemplateFunction> = {
  filepath: namespaceFunction(new TemplateNamespace('filepath', filepathMethods)),
};
