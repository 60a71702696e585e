import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { Value } from '../model/value.js';
import { isMap } from '../model/value.js';
import { splitArgs } from '../evaluate/function-call.js';

/** Reads a file an `!include` names: absolute, relative to the manifest (`./`, `../`), else to the CWD, then base_path. */
export type IncludeReader = (
  written: string,
  fromFile: string,
) => { ok: true; path: string; text: string } | { ok: false; tried: readonly string[] };

/** HCL files (`.tf`, `.tfvars`, `.hcl`) parsed ahead of time (the HCL parser is asynchronous). */
export type HclCache = ReadonlyMap<string, unknown>;

/**
 * `!include` and `!include.raw` are evaluated at load time (spec §13.1): YAML and JSON files become
 * values (an optional `.a.b[0]` query picks part of them), HCL files become their attributes, anything
 * else (and every `!include.raw`) stays text.
 */
export function resolveIncludes(
  source: SourceFile,
  fromFile: string,
  read: IncludeReader,
  hcl: HclCache,
): { value: Value; diagnostics: Diagnostic[]; hclWanted: string[] } {
  const diagnostics: Diagnostic[] = [];
  const hclWanted: string[] = [];
  const walk = (v: Value, path: (string | number)[]): Value => {
    if (typeof v === 'string') return v.startsWith('!include') ? include(v, path) : v;
    if (Array.isArray(v)) return v.map((x: Value, i) => walk(x, [...path, i]));
    if (isMap(v)) {
      let changed = false;
      const out: Record<string, Value> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = walk(x, [...path, k]);
        if (out[k] !== x) changed = true;
      }
      return changed ? out : v;
    }
    return v;
  };
  const include = (literal: string, path: (string | number)[]): Value => {
    const raw = literal.startsWith('!include.raw ');
    if (!raw && !literal.startsWith('!include ')) return literal;
    const [target, query] = splitArgs(literal.slice(raw ? 13 : 9));
    if (!target) return literal;
    const where = { file: source.file, position: positionAt(source, path), source: source.text };
    const found = read(target, fromFile);
    if (!found.ok) {
      diagnostics.push(
        error('include-missing', `${literal}: no such file`, {
          ...where,
          hint: `looked for ${found.tried.join(', ')}`,
        }),
      );
      return literal;
    }
    let value: unknown;
    if (raw) value = found.text;
    else if (/\.(ya?ml)$/i.test(found.path)) {
      const parsed = parseYaml(found.path, found.text);
      if (!parsed.source) {
        diagnostics.push(error('include-missing', `${literal}: ${found.path} is not valid YAML`, where));
        return literal;
      }
      value = parsed.source.value;
    } else if (/\.json$/i.test(found.path)) {
      try {
        value = JSON.parse(found.text);
      } catch (e) {
        diagnostics.push(
          error(
            'include-missing',
            `${literal}: ${found.path} is not valid JSON (${(e as Error).message})`,
            where,
          ),
        );
        return literal;
      }
    } else if (/\.(tf|tfvars|hcl)$/i.test(found.path)) {
      if (!hcl.has(found.path)) {
        hclWanted.push(found.path);
        diagnostics.push(
          error('include-missing', `${literal}: ${found.path} could not be read as HCL`, {
            ...where,
            hint: 'check the file with terraform fmt',
          }),
        );
        return literal;
      }
      value = hcl.get(found.path);
    } else {
      value = found.text;
    }
    if (query === undefined) return value as Value;
    const picked = pick(value, query);
    if (picked === undefined)
      diagnostics.push(
        error('include-missing', `${literal}: the query '${query}' selects nothing in ${found.path}`, where),
      );
    return (picked ?? null) as Value;
  };
  return { value: walk(source.value, []), diagnostics, hclWanted };
}

/** A small subset of yq: `.`, `.a.b`, `.a[0].b`, `.["key with dots"]`. */
export function pick(value: unknown, query: string): unknown {
  if (query === '.') return value;
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\["([^"]+)"\]/gy;
  let cur = value;
  let matched = 0;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    matched = re.lastIndex;
    if (m[2] !== undefined) cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
    else cur = isMap(cur) ? (cur as Record<string, unknown>)[m[1] ?? m[3]!] : undefined;
  }
  return matched === query.length ? cur : undefined;
}
