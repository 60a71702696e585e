import type { Value, ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';

export type Query = (section: ValueMap) => boolean;

/**
 * `--query`: a small expression over an instance's merged config: terms joined by `and`, each a path
 * (`.vars.tags.Team`, truthy test), or `path == value` / `path != value` where value is JSON or a bare
 * word. Returns an error message for a query it cannot read.
 */
export function parseQuery(text: string): { ok: true; query: Query } | { ok: false; message: string } {
  const terms = text.split(/\s+and\s+/);
  const tests: Query[] = [];
  for (const term of terms) {
    const m = /^\s*(\.[A-Za-z0-9_.\-/]*)\s*(?:(==|!=)\s*(.+?))?\s*$/.exec(term);
    if (!m)
      return {
        ok: false,
        message: `cannot read '${term.trim()}': write .path, .path == value or .path != value, joined by 'and'`,
      };
    const path = m[1]!.split('.').filter(Boolean);
    const op = m[2];
    const expected = m[3] === undefined ? undefined : literal(m[3]);
    tests.push((section) => {
      const actual = get(section, path);
      if (op === undefined) return truthy(actual);
      const equal = JSON.stringify(actual) === JSON.stringify(expected);
      return op === '==' ? equal : !equal;
    });
  }
  return { ok: true, query: (section) => tests.every((t) => t(section)) };
}

function literal(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.replace(/^'(.*)'$/, '$1');
  }
}

function get(v: Value | undefined, path: readonly string[]): Value | undefined {
  let cur = v;
  for (const k of path) cur = isMap(cur) ? cur[k] : undefined;
  return cur;
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}
