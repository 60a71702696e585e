/**
 * Gomplate's `env` namespace over an environment the caller passes in (never
 * the process's own). The `_FILE` fallback of Gomplate's Getenv reads files
 * and is not supported.
 */
import type { TemplateFunction } from '../types.js';
import { arity, asString } from './args.js';
import { toGoString } from './gomplate-cast.js';

type Env = Readonly<Record<string, string | undefined>>;

const isShellSpecial = (c: string): boolean => /^[*#$@!?\-0-9]$/.test(c);
const isNameChar = (c: string): boolean => /^[A-Za-z0-9_]$/.test(c);

/** The variable name after a `$` and how many characters it takes, like Go's os.Expand. */
function shellName(text: string): { name: string; width: number } {
  const [first = ''] = text;
  if (first === '{') {
    if (text.length > 2 && isShellSpecial(text[1] ?? '') && text[2] === '}')
      return { name: text[1] ?? '', width: 3 };
    const close = text.indexOf('}');
    if (close === 1) return { name: '', width: 2 };
    if (close < 0) return { name: '', width: 1 };
    return { name: text.slice(1, close), width: close + 1 };
  }
  if (isShellSpecial(first)) return { name: first, width: 1 };
  let i = 0;
  while (i < text.length && isNameChar(text[i] ?? '')) i++;
  return { name: text.slice(0, i), width: i };
}

/** Go's os.Expand: replaces `$var` and `${var}`; a `$` not followed by a name is kept. */
export function expandEnv(text: string, lookup: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar + 1 >= text.length) break;
    out += text.slice(i, dollar);
    const { name, width } = shellName(text.slice(dollar + 1));
    if (name !== '') out += lookup(name);
    else if (width === 0) out += '$';
    i = dollar + 1 + width;
  }
  return out + text.slice(i);
}

export function envMethods(env: Env): Record<string, TemplateFunction> {
  const lookup = (name: string): string => env[name] ?? '';
  return {
    /** env.Getenv name [default]: the default replaces an unset or empty variable. */
    Getenv: (...args) => {
      arity(args, 1, Infinity);
      const value = lookup(toGoString(args[0]));
      return value === '' && args.length > 1 ? asString(args[1]) : value;
    },
    ExpandEnv: (...args) => {
      arity(args, 1);
      return expandEnv(toGoString(args[0]), lookup);
    },
  };
}
