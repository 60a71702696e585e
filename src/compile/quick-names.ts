/**
 * Stack names without composing components (`list stacks`, cold). A stack's name reads only a few
 * vars (`name_pattern`'s tokens, or the `.vars.x` a simple `name_template` reads). When no component,
 * base or override of a manifest sets one of them, every instance of the manifest has the name its
 * stack-level vars give, and Phase B can be skipped. Any other manifest is compiled as usual.
 */
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import type { NamingConfig } from '../naming/stack-name.js';
import type { Instance } from './instance.js';
import { cachedManifestInstances, manifestInstances, nameOf } from './instance.js';
import { stackFileName } from '../resolve/paths.js';
import type { StackNameResult } from '../naming/stack-name.js';
import type { StackSet } from './stack-set.js';
import { COMPONENT_TYPES } from './stack-set.js';

const PATTERN_KEYS = ['namespace', 'tenant', 'environment', 'stage'];
const SIMPLE_VARS_TEMPLATE = /^(?:[^{}]|\{\{-?\s*\.vars\.\w+\s*-?\}\})*$/;

/** The vars a stack name reads; undefined when it may read more than vars (a richer template). */
export function namingVarKeys(naming: NamingConfig): string[] | undefined {
  if (naming.nameTemplate !== '') {
    if (!SIMPLE_VARS_TEMPLATE.test(naming.nameTemplate)) return undefined;
    return [...naming.nameTemplate.matchAll(/\.vars\.(\w+)/g)].map((m) => m[1]!);
  }
  return naming.namePattern !== '' ? PATTERN_KEYS : [];
}

/**
 * The stacks a manifest defines, each with its component names: from its stack-level vars when that
 * is exact, else from its instances (cached, or compiled, which reports their problems). `listed`
 * gives an instance's listed name (undefined to leave it out).
 */
export function manifestStackNames(
  set: StackSet,
  file: string,
  keys: readonly string[],
  listed: (instance: Instance) => string | undefined,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, component: string) => {
    let list = out.get(name);
    if (!list) out.set(name, (list = []));
    list.push(component);
  };
  const fromInstances = (instances: readonly Instance[]) => {
    for (const i of instances) {
      const name = listed(i);
      if (name !== undefined) add(name, i.component);
    }
    return out;
  };
  const cache = set.context.cache;
  const known = cache?.names?.(file);
  if (known) {
    // Only names without problems are indexed: a stack that cannot be named by its pattern is listed
    // under its file (as listedStackName does).
    for (const { component, stackName } of known.instances)
      add(stackName.ok ? stackName.name : stackFileName(file), component);
    return out;
  }
  const cached = cachedManifestInstances(set, file);
  if (cached) return fromInstances(cached);
  const manifest = set.manifest(file);
  if (!manifest) return out;
  const config = manifest.config;
  const named: { type: string; component: string; stackName: StackNameResult }[] = [];
  for (const type of COMPONENT_TYPES) {
    const components = set.componentNames(manifest, type);
    if (components.length === 0) continue;
    if (!quickNameIsExact(config, type, components, keys)) return fromInstances(manifestInstances(set, file));
    const vars: Record<string, unknown> = {};
    for (const layer of [config['vars'], mapIn(config, type)['vars']])
      if (isMap(layer)) for (const k of keys) if (k in layer) vars[k] = layer[k];
    const name = nameOf(set, manifest, { vars } as ValueMap);
    // A name that cannot be made is reported by the full compile, with its line.
    if (!name.ok) return fromInstances(manifestInstances(set, file));
    for (const c of components) {
      add(name.name, c);
      named.push({ type, component: c, stackName: name });
    }
  }
  // The next listing reads these names from the cache's index, if nothing so far was wrong: a
  // problem in a file this manifest imports was reported when that file was first loaded.
  if (cache?.putNames && !set.hasErrors)
    cache.putNames(file, [...manifest.processed.files], { instances: named });
  return out;
}

/** True when nothing below the stack level (components, bases, overrides) sets a naming var. */
/**
 * True when nothing below the stack level (components, their bases, overrides, which Phase A has put
 * into each component's `overrides`) sets a naming var, and the components look sound enough that
 * composing them would raise no problem the name depends on (sections are maps, bases exist).
 */
function quickNameIsExact(
  config: ValueMap,
  type: string,
  components: readonly string[],
  keys: readonly string[],
): boolean {
  const setsKey = (vars: unknown) => isMap(vars) && keys.some((k) => k in vars);
  for (const level of [config['vars'], mapIn(config, type)['vars']])
    if (isMap(level) && keys.some((k) => isMap(level[k]) || Array.isArray(level[k]))) return false;
  if (setsKey(mapIn(config, 'overrides')['vars']) || setsKey(mapIn(mapIn(config, type), 'overrides')['vars']))
    return false;
  const all = mapIn(mapIn(config, 'components'), type);
  for (const c of components) {
    const raw = all[c];
    if (!isMap(raw)) return false;
    for (const section of ['vars', 'settings', 'env', 'metadata', 'overrides'])
      if (raw[section] !== undefined && raw[section] !== null && !isMap(raw[section])) return false;
    if (setsKey(raw['vars']) || setsKey(mapIn(raw, 'overrides')['vars'])) return false;
    const inherits = mapIn(raw, 'metadata')['inherits'];
    if (
      inherits !== undefined &&
      !(Array.isArray(inherits) && inherits.every((b) => typeof b === 'string' && isMap(all[b])))
    )
      return false;
  }
  return true;
}

function mapIn(value: unknown, key: string): ValueMap {
  const v = isMap(value) ? value[key] : undefined;
  return isMap(v) ? v : {};
}
