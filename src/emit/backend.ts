import type { Value, ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';

/** `backend.tf.json` (spec §9.4); `cloud` is its own block, with `{terraform_workspace}` replaced. */
export function backendDocument(backendType: string, backend: ValueMap, workspace: string): ValueMap {
  if (backendType === 'cloud') return { terraform: { cloud: replaceToken(backend, workspace) as ValueMap } };
  return { terraform: { backend: { [backendType]: backend } } };
}

function replaceToken(v: Value, workspace: string): Value {
  if (typeof v === 'string') return v.split('{terraform_workspace}').join(workspace);
  if (Array.isArray(v)) return v.map((x: Value) => replaceToken(x, workspace));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceToken(x, workspace)]));
  return v;
}

/**
 * `providers_override.tf.json` (spec §9.5): dotted keys are aliases of their provider; the base block
 * first, then the aliases sorted by key, each with `alias` set unless it has one.
 */
export function providersDocument(providers: ValueMap): ValueMap {
  const grouped = new Map<string, { base?: Value; aliases: [string, Value][] }>();
  for (const key of Object.keys(providers).sort()) {
    const dot = key.indexOf('.') > 0 ? key.indexOf('.') : -1;
    const name = dot < 0 ? key : key.slice(0, dot);
    const entry = grouped.get(name) ?? { aliases: [] };
    if (dot < 0) entry.base = providers[key]!;
    else entry.aliases.push([key.slice(dot + 1), providers[key]!]);
    grouped.set(name, entry);
  }
  const out: Record<string, Value> = {};
  for (const [name, { base, aliases }] of grouped) {
    if (aliases.length === 0) {
      out[name] = base ?? {};
      continue;
    }
    const blocks: Value[] = base === undefined ? [] : [base];
    // An explicit alias wins; a block that is not a map is kept as written.
    for (const [alias, block] of aliases)
      blocks.push(!isMap(block) || 'alias' in block ? block : { ...block, alias });
    out[name] = blocks;
  }
  return { provider: out };
}
