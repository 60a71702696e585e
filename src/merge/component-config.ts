import type { CliConfig, ListMergeStrategy } from '../model/cli-config.js';
import type { Value, ValueMap } from '../model/value.js';
import { copyMap, isMap, typeName } from '../model/value.js';
import type { TracedLayer, TracedValue } from './deep-merge.js';
import type { Source } from './trace.js';
import { KEY_SEPARATOR, subTrace, tracedSources } from './trace.js';
import { fail } from './component-errors.js';
import type { BaseChain } from './inheritance.js';
import type { BaseChainMemo } from './inheritance.js';
import { resolveBaseChain, strategyOf } from './inheritance.js';
import type { StackView } from './sections.js';
import { childLayer, mapLayer, stringAt } from './sections.js';
import type { Merge } from '../resolve/merge-layers.js';
import { applyBackendDefaults } from './backend-defaults.js';
import { FUNCTION_TAGS } from '../load/custom-tags.js';
import type { DeferredMerge } from './deferred-merge.js';
import { deferredMerges } from './deferred-merge.js';
import {
  COMPONENT_MAP_SECTIONS,
  COMPONENT_STRING_SECTIONS,
  GLOBAL_METADATA_KEYS,
} from '../schema/sections.js';

/** One component instance after Phase B (spec §5): its sections, and their provenance when traced. */
export interface ComponentConfig {
  readonly name: string;
  readonly type: string;
  readonly section: ValueMap;
  /** Paths whose layers hold a deferred YAML function: merged again after evaluation (spec §13.1). */
  readonly deferredMerges: readonly DeferredMerge[];
  /** Provenance of `section`, keyed by path inside it (empty when not traced). */
  readonly trace: ReadonlyMap<string, readonly Source[]>;
}

export interface ComponentInput {
  readonly view: StackView;
  readonly type: string;
  readonly name: string;
  readonly cli: CliConfig;
  readonly mergerFor: (strategy: ListMergeStrategy) => Merge;
  readonly folderExists: (folder: string) => boolean;
  /**
   * The stack's global ⊕ type-level sections are the same for every component of a stack: a cache
   * (owned by the caller, one per stack config and type) lets them be merged once.
   */
  readonly stackLayers?: Map<string, TracedValue>;
  /** Base chains resolved so far in this run (see BaseChainMemo). */
  readonly baseChains?: BaseChainMemo;
}

// The section lists are shared with the manifest JSON Schema (src/schema/sections.ts), so they agree.
// `source` may also be a URI string (Atmos normalises it), so it is not type-checked here.
const MAP_SECTIONS: readonly string[] = COMPONENT_MAP_SECTIONS.filter((s) => s !== 'source');
const STRING_SECTIONS: readonly string[] = COMPONENT_STRING_SECTIONS;
const GLOBAL_METADATA: ReadonlySet<string> = new Set(GLOBAL_METADATA_KEYS);

/** Layers one component: global → type level → base chain → component → overrides (spec §5.1). */
export function composeComponent(input: ComponentInput): ComponentConfig {
  const { view, type, name, cli } = input;
  const own = ['components', type, name];
  const components = mapAt(view, ['components', type]);
  const raw = components[name];
  if (!isMap(raw))
    fail({
      code: 'section-invalid',
      message: `component '${name}' must be a map of sections, got ${typeName(raw)}`,
      at: own,
    });
  checkSections(raw, own);
  checkGlobalMetadata(view);
  const isTerraform = type === 'terraform';
  const atmosMerge = input.mergerFor(cli.listMergeStrategy);
  const L = (path: (string | number)[]): TracedLayer => mapLayer(view, path);
  const T = (v: TracedValue): TracedLayer => ({ value: v.value, sources: tracedSources(v.trace) });
  // The component's own sections and overrides, from its map at hand (see childLayer).
  const O = (section: string): TracedLayer => childLayer(view, own, raw, section);
  const ownOverrides = isMap(raw['overrides']) ? raw['overrides'] : {};
  const overridesAt = [...own, 'overrides'];
  const overrides = (section: string): TracedLayer => childLayer(view, overridesAt, ownOverrides, section);

  const strategy = pickStrategy(
    cli.listMergeStrategy,
    raw['settings'],
    mapAt(view, [...own, 'overrides'])['settings'],
  );
  const base = resolveBaseChain({
    view,
    type,
    name,
    raw,
    components,
    strategy,
    inheritMetadata: cli.stacks.inheritMetadata,
    mergerFor: input.mergerFor,
    folderExists: input.folderExists,
    ...(input.baseChains ? { memo: input.baseChains } : {}),
  });
  const B = (section: keyof BaseChain['sections']) => T(base.sections[section]);

  const stackLevel = (section: string, extra: TracedLayer[] = []): TracedValue => {
    const cached = input.stackLayers?.get(section);
    if (cached) return cached;
    const merged = atmosMerge([...extra, L([section]), L([type, section])]);
    input.stackLayers?.set(section, merged);
    return merged;
  };
  const globalSettings = stackLevel('settings');
  const finalStrategy = pickStrategy(
    cli.listMergeStrategy,
    globalSettings.value,
    base.sections.settings.value,
    raw['settings'],
    mapAt(view, [...own, 'overrides'])['settings'],
  );
  const layerMerge = input.mergerFor(finalStrategy);
  const deferred: DeferredMerge[] = [];
  let mergingSection = '';
  const merge: Merge = (layers) => {
    if (mergingSection !== '')
      deferred.push(
        ...deferredMerges(
          mergingSection,
          layers.map((l) => l.value),
        ),
      );
    return layerMerge(layers);
  };
  const deferrable = (section: string, run: () => TracedValue): TracedValue => {
    mergingSection = section;
    try {
      return run();
    } finally {
      mergingSection = '';
    }
  };
  const out: Record<string, TracedValue> = {};
  const scalars: Record<string, Value> = {};

  out['vars'] = deferrable('vars', () =>
    merge([T(stackLevel('vars')), B('vars'), O('vars'), overrides('vars')]),
  );
  out['settings'] = withGithubIntegration(
    deferrable('settings', () =>
      merge([T(globalSettings), B('settings'), O('settings'), overrides('settings')]),
    ),
    cli.raw['integrations'] as Value | undefined,
    merge,
  );
  const cliEnv: TracedLayer = { value: cli.env, sources: () => [] };
  out['env'] = deferrable('env', () =>
    merge([T(stackLevel('env', [cliEnv])), B('env'), O('env'), overrides('env')]),
  );
  out['auth'] = deferrable('auth', () =>
    merge([T(stackLevel('auth')), B('auth'), O('auth'), overrides('auth')]),
  );
  out['hooks'] = deferrable('hooks', () =>
    merge([T(stackLevel('hooks')), B('hooks'), O('hooks'), overrides('hooks')]),
  );
  optional(out, 'secrets', merge([L(['secrets']), B('secrets'), O('secrets'), overrides('secrets')]));
  optional(out, 'dependencies', merge([T(stackLevel('dependencies')), B('dependencies'), O('dependencies')]));
  optional(out, 'locals', merge([B('locals'), O('locals')]));
  optional(out, 'retry', atmosMerge([B('retry'), O('retry'), overrides('retry')]));
  out['metadata'] = composeMetadata(view, own, base, merge, cli.stacks.inheritMetadata);
  out['overrides'] = merge([O('overrides')]);
  if (isTerraform) {
    out['generate'] = merge([T(stackLevel('generate')), B('generate'), O('generate'), overrides('generate')]);
    out['providers'] = merge([
      L([type, 'providers']),
      B('providers'),
      O('providers'),
      overrides('providers'),
    ]);
    // Atmos ignores terraform.required_providers/required_version at type level (QUIRK, spec §2.1).
    out['required_providers'] = merge([
      B('required_providers'),
      O('required_providers'),
      overrides('required_providers'),
    ]);
    scalars['required_version'] = lastNonEmpty(
      base.requiredVersion,
      stringAt(view.config.value, [...own, 'required_version']),
      stringAt(view.config.value, [...own, 'overrides', 'required_version']),
    );
    optional(out, 'test', merge([B('test'), O('test')]));
    optional(out, 'mocks', merge([B('mocks'), O('mocks')]));
    out['source'] = merge([L([type, 'source']), B('source'), O('source')]);
    out['provision'] = merge([L([type, 'provision']), B('provision'), O('provision')]);
  }
  const defaultCommand = isTerraform ? cli.terraform.command || 'terraform' : type;
  scalars['command'] = lastNonEmpty(
    defaultCommand,
    stringAt(view.config.value, [type, 'command']),
    base.command,
    stringAt(view.config.value, [...own, 'command']),
    stringAt(view.config.value, [...own, 'overrides', 'command']),
  );
  scalars['inheritance'] = base.chain;

  const ownMetadataComponent = stringAt(view.config.value, [...own, 'metadata', 'component']);
  const baseName = ownMetadataComponent || base.legacyBaseName || name;
  if (isTerraform) {
    const backend = composeBackend(view, type, own, base, atmosMerge, {
      component: name,
      baseName,
      metadataName: stringAt(out['metadata'].value, ['name']),
      separator: cli.terraform.prefixSeparator,
    });
    out['backend'] = backend.backend;
    out['remote_state_backend'] = backend.remoteStateBackend;
    scalars['backend_type'] = backend.backendType;
    scalars['remote_state_backend_type'] = backend.remoteStateBackendType;
  }
  if (stringAt(raw, ['metadata', 'type']) === 'abstract') dropSpaceliftWorkspace(out);
  scalars['component'] = baseName;
  return assemble(name, type, out, scalars, deferred);
}

/**
 * Where the layers of a component's `vars` sit in its stack's merged config, the winning one first:
 * composeComponent merges them in the reverse order (global `vars`, `<type>.vars`, the bases farthest
 * first, the component, its overrides). `bases` is the instance's `inheritance` (nearest first).
 */
export function varsLayerPaths(type: string, name: string, bases: readonly string[]): string[][] {
  return [
    ['components', type, name, 'overrides', 'vars'],
    ['components', type, name, 'vars'],
    ...bases.map((b) => ['components', type, b, 'vars']),
    [type, 'vars'],
    ['vars'],
  ];
}

function mapAt(view: StackView, path: (string | number)[]): ValueMap {
  return mapLayer(view, path).value as ValueMap;
}

function optional(out: Record<string, TracedValue>, key: string, v: TracedValue): void {
  if (Object.keys(v.value).length > 0) out[key] = v;
}

function lastNonEmpty(...values: string[]): string {
  let out = '';
  for (const v of values) if (v !== '') out = v;
  return out;
}

function pickStrategy(fallback: ListMergeStrategy, ...settings: (Value | undefined)[]): ListMergeStrategy {
  let out = fallback;
  for (const s of settings) out = strategyOf(s) ?? out;
  return out;
}

function checkSections(raw: ValueMap, own: string[]): void {
  for (const key of MAP_SECTIONS) {
    const v = raw[key];
    const fn = typeof v === 'string' ? /^(!\S+)/.exec(v)?.[1] : undefined;
    if (fn && FUNCTION_TAGS.includes(fn)) {
      fail({
        code: 'section-invalid',
        message: `'${key}' of component '${own[2]}' is the YAML function '${fn}', which this version of Strata keeps as text and does not evaluate yet`,
        hint: `write '${key}:' as a map for now; YAML functions are evaluated in a later release`,
        at: [...own, key],
      });
    }
    if (v !== undefined && v !== null && !isMap(v)) {
      fail({
        code: 'section-invalid',
        message: `'${key}' of component '${own[2]}' must be a map, got ${typeName(v)}`,
        hint: `write '${key}:' as a map of keys to values`,
        at: [...own, key],
      });
    }
  }
  for (const key of STRING_SECTIONS) {
    const v = raw[key];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      fail({
        code: 'section-invalid',
        message: `'${key}' of component '${own[2]}' must be a string, got ${typeName(v)}`,
        at: [...own, key],
      });
    }
  }
  const strategy = isMap(raw['settings']) ? raw['settings']['list_merge_strategy'] : undefined;
  if (strategy !== undefined && strategy !== 'replace' && strategy !== 'append' && strategy !== 'merge') {
    fail({
      code: 'merge-strategy-invalid',
      message: `invalid list merge strategy ${JSON.stringify(strategy)}`,
      hint: "use 'replace', 'append' or 'merge'",
      at: [...own, 'settings', 'list_merge_strategy'],
    });
  }
}

function checkGlobalMetadata(view: StackView): void {
  const meta = view.config.value['metadata'];
  if (meta === undefined || meta === null) return;
  if (!isMap(meta))
    fail({
      code: 'section-invalid',
      message: `stack-level 'metadata' must be a map, got ${typeName(meta)}`,
      at: ['metadata'],
    });
  for (const key of Object.keys(meta)) {
    if (!GLOBAL_METADATA.has(key)) {
      fail({
        code: 'metadata-invalid',
        message: `'metadata.${key}' is not allowed at the stack level`,
        hint: `stack-level metadata accepts only ${[...GLOBAL_METADATA].join(', ')}; move '${key}' into a component's metadata`,
        at: ['metadata', key],
        atKey: true,
      });
    }
  }
}

function composeMetadata(
  view: StackView,
  own: string[],
  base: BaseChain,
  merge: Merge,
  inherit: boolean,
): TracedValue {
  const global = mapLayer(view, ['metadata']);
  const baseMeta = base.sections.metadata;
  const useBase = inherit && Object.keys(baseMeta.value).length > 0;
  const component = mapLayer(view, [...own, 'metadata']);
  if (Object.keys(global.value as ValueMap).length === 0 && !useBase) return merge([component]);
  const layers: TracedLayer[] = [global];
  if (useBase) layers.push({ value: baseMeta.value, sources: tracedSources(baseMeta.trace) });
  layers.push(component);
  return merge(layers);
}

interface BackendNames {
  readonly component: string;
  readonly baseName: string;
  readonly metadataName: string;
  readonly separator: string;
}

function composeBackend(
  view: StackView,
  type: string,
  own: string[],
  base: BaseChain,
  merge: Merge,
  names: BackendNames,
) {
  const backendType = lastNonEmpty(
    stringAt(view.config.value, [type, 'backend_type']),
    base.backendType,
    stringAt(view.config.value, [...own, 'backend_type']),
  );
  const all = merge([
    mapLayer(view, [type, 'backend']),
    { value: base.sections.backend.value, sources: tracedSources(base.sections.backend.trace) },
    mapLayer(view, [...own, 'backend']),
  ]);
  const inner = all.value[backendType];
  let backend: TracedValue;
  if (backendType !== '' && inner !== undefined) {
    if (!isMap(inner))
      fail({
        code: 'section-invalid',
        message: `'backend.${backendType}' of component '${names.component}' must be a map, got ${typeName(inner)}`,
        at: [...own, 'backend'],
      });
    backend = { value: inner, trace: subTrace(all.trace, [backendType]) };
  } else {
    const keys = Object.keys(all.value);
    if (backendType !== '' && keys.length > 0) {
      fail({
        code: 'backend-type-mismatch',
        message: `component '${names.component}' has backend_type '${backendType}', but its 'backend' section only configures ${keys.sort().join(', ')}`,
        hint: `add a '${backendType}' key under backend:, or change backend_type to match`,
        at:
          stringAt(view.config.value, [...own, 'backend_type']) !== ''
            ? [...own, 'backend_type']
            : [type, 'backend_type'],
      });
    }
    backend = { value: {}, trace: new Map() };
  }
  backend = applyBackendDefaults(
    backendType,
    backend,
    names,
    mapLayer(view, [type, 'backend']).value as ValueMap,
    mapLayer(view, [...own, 'backend']).value as ValueMap,
  );

  const rsbType = lastNonEmpty(
    backendType,
    stringAt(view.config.value, [type, 'remote_state_backend_type']),
    base.remoteStateBackendType,
    stringAt(view.config.value, [...own, 'remote_state_backend_type']),
  );
  const rsbSections: TracedLayer[] = [
    mapLayer(view, [type, 'remote_state_backend']),
    {
      value: base.sections.remote_state_backend.value,
      sources: tracedSources(base.sections.remote_state_backend.trace),
    },
    mapLayer(view, [...own, 'remote_state_backend']),
  ];
  const configured = new Set(rsbSections.flatMap((l) => Object.keys(l.value as ValueMap)));
  if (rsbType !== '' && configured.size > 0 && !configured.has(rsbType)) {
    fail({
      code: 'backend-type-mismatch',
      message: `component '${names.component}' has remote_state_backend_type '${rsbType}', but its 'remote_state_backend' section only configures ${[...configured].sort().join(', ')}`,
      hint: `add a '${rsbType}' key under remote_state_backend:, or change remote_state_backend_type`,
      at: [...own, 'remote_state_backend'],
    });
  }
  const pick = (l: TracedLayer): TracedLayer => {
    const v = (l.value as ValueMap)[rsbType];
    return { value: isMap(v) ? v : {}, sources: (p) => l.sources([rsbType, ...p]) };
  };
  const backendLayer: TracedLayer =
    rsbType === backendType
      ? { value: backend.value, sources: tracedSources(backend.trace) }
      : { value: {}, sources: () => [] };
  const remoteStateBackend = merge([backendLayer, ...rsbSections.map(pick)]);
  return { backendType, backend, remoteStateBackendType: rsbType, remoteStateBackend };
}

/** atmos.yaml `integrations.github` sits under every component's settings.integrations.github (spec §5.1). */
function withGithubIntegration(
  settings: TracedValue,
  integrations: Value | undefined,
  merge: Merge,
): TracedValue {
  const github = isMap(integrations) ? integrations['github'] : undefined;
  if (!isMap(github) || Object.keys(github).length === 0) return settings;
  return merge([
    { value: { integrations: { github } }, sources: () => [] },
    { value: settings.value, sources: tracedSources(settings.trace) },
  ]);
}

function dropSpaceliftWorkspace(out: Record<string, TracedValue>): void {
  const settings = out['settings']!;
  const spacelift = settings.value['spacelift'];
  if (!isMap(spacelift) || !('workspace_enabled' in spacelift)) return;
  const { workspace_enabled: _dropped, ...rest } = spacelift;
  out['settings'] = { value: { ...settings.value, spacelift: rest }, trace: settings.trace };
}

function assemble(
  name: string,
  type: string,
  out: Record<string, TracedValue>,
  scalars: Record<string, Value>,
  deferredMerges: readonly DeferredMerge[],
): ComponentConfig {
  const section: Record<string, Value> = copyMap(scalars);
  const trace = new Map<string, readonly Source[]>();
  for (const [key, v] of Object.entries(out)) {
    section[key] = v.value;
    for (const [k, sources] of v.trace) trace.set(k === '' ? key : key + KEY_SEPARATOR + k, sources);
  }
  return { name, type, section, deferredMerges, trace };
}
