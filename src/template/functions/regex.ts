/**
 * Go regexp (RE2) patterns on JS RegExp: translates the common syntax
 * differences and implements Go's replacement template expansion.
 */

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Compiles a Go regular expression; throws with Go's "error parsing regexp" prefix. */
export function compileGoRegex(pattern: string, global = false): RegExp {
  let source = pattern;
  let flags = global ? 'g' : '';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading) {
    source = source.slice(leading[0].length);
    for (const f of leading[1] ?? '') if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negate: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      return cls === undefined ? whole : negate ? `^${cls}` : cls;
    })
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])');
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new Error(
        `error parsing regexp: ${error instanceof Error ? error.message : String(error)}: \`${pattern}\``,
      );
    }
  }
}

interface MatchInfo {
  groups: readonly (string | undefined)[];
  named: Readonly<Record<string, string | undefined>>;
}

/** Go's Regexp.Expand template syntax: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, match: MatchInfo): string {
  return template.replace(
    /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
    (_whole, body: string, braced?: string, bare?: string) => {
      if (body === '$') return '$';
      const name = braced ?? bare ?? '';
      if (/^\d+$/.test(name)) return match.groups[Number(name)] ?? '';
      return match.named[name] ?? '';
    },
  );
}

export function replaceAll(pattern: string, text: string, replacement: string, literal: boolean): string {
  const re = compileGoRegex(pattern, true);
  return text.replace(re, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const hasNamed = typeof last === 'object' && last !== null;
    const groupEnd = args.length - (hasNamed ? 3 : 2);
    const groups = args.slice(0, groupEnd) as (string | undefined)[];
    const named = (hasNamed ? last : {}) as Record<string, string | undefined>;
    return literal ? replacement : expand(replacement, { groups, named });
  });
}

export function findAll(pattern: string, text: string, limit: number): string[] {
  const re = compileGoRegex(pattern, true);
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    if (limit >= 0 && out.length >= limit) break;
    out.push(m[0]);
  }
  return out;
}

export function splitRegex(pattern: string, text: string, limit: number): string[] {
  if (limit === 0) return [];
  const re = compileGoRegex(pattern, true);
  if (pattern.length > 0 && text === '') return [''];
  const out: string[] = [];
  let begin = 0;
  for (const m of text.matchAll(re)) {
    if (limit > 0 && out.length === limit - 1) break;
    const start = m.index;
    const end = start + m[0].length;
    if (end === 0) continue;
    out.push(text.slice(begin, start));
    begin = end;
  }
  out.push(text.slice(begin));
  return out;
}

export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
