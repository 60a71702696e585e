import type { Value, ValueMap } from '../model/value.js';
import type { Source } from '../merge/trace.js';
import { splitTraceKey } from '../merge/trace.js';
import { stackFileName } from '../resolve/paths.js';

export interface SourceLookup {
  readonly stackFile: string;
  readonly valueAt: (source: Source) => unknown;
  readonly positionOf: (source: Source) => { file: string; line?: number; column?: number };
}

/**
 * Atmos's `sources` key (spec §7): for vars, env, settings and backend, every top-level key with the
 * manifests and sections that set it, highest priority first. Built from the merge's provenance.
 */
export function atmosSources(
  section: ValueMap,
  trace: ReadonlyMap<string, readonly Source[]>,
  lookup: SourceLookup,
): ValueMap {
  const out: Record<string, Value> = {};
  for (const name of ['backend', 'env', 'settings', 'vars']) {
    const keys: Record<string, Value> = {};
    const values = section[name];
    const byKey = new Map<string, Source[]>();
    for (const [k, sources] of trace) {
      const path = splitTraceKey(k);
      if (path[0] !== name || path.length < 2) continue;
      const list = byKey.get(path[1]!) ?? [];
      list.push(...sources.map((s) => truncate(s, path.length - 2)));
      byKey.set(path[1]!, list);
    }
    for (const [key, sources] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const seen = new Set<string>();
      const deps: Value[] = [];
      for (const s of sources) {
        const id = `${s.file}\u0000${s.path.join('\u0000')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        deps.push({
          dependency_type: stackFileName(s.file) === lookup.stackFile ? 'inline' : 'import',
          stack_file: stackFileName(s.file),
          stack_file_section: sectionName(s.path),
          variable_value: (lookup.valueAt(s) ?? null) as Value,
        });
      }
      keys[key] = {
        name: key,
        final_value: (values as ValueMap | undefined)?.[key] ?? null,
        stack_dependencies: deps,
      };
    }
    out[name] = keys;
  }
  return out;
}

/** Drops `depth` trailing segments so a nested leaf points at its top-level key. */
function truncate(source: Source, depth: number): Source {
  return depth <= 0 ? source : { ...source, path: source.path.slice(0, source.path.length - depth) };
}

/** `components.terraform.vars`, `terraform.vars`, `vars`, `overrides.vars`... (the component name dropped). */
function sectionName(path: readonly (string | number)[]): string {
  const parts = path.slice(0, -1).map(String);
  if (parts[0] === 'components' && parts.length >= 4)
    return [parts[0], parts[1], ...parts.slice(3)].join('.');
  return parts.join('.');
}

/** Every leaf with its full chain: `{ "vars.tags.Team": [{file, line, column}, ...] }` for --provenance. */
export function provenanceMap(trace: ReadonlyMap<string, readonly Source[]>, lookup: SourceLookup): ValueMap {
  const out: Record<string, Value> = {};
  for (const key of [...trace.keys()].sort()) {
    const chain = trace
      .get(key)!
      .map((s) => ({ ...lookup.positionOf(s), value: (lookup.valueAt(s) ?? null) as Value }));
    out[splitTraceKey(key).join('.')] = chain;
  }
  return out;
}
