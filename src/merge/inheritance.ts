import type { ListMergeStrategy } from '../model/cli-config.js';
import type { Value, ValueMap } from '../model/value.js';
import { isEmptyMap, isMap, typeName } from '../model/value.js';
import type { TracedLayer, TracedValue } from './deep-merge.js';
import { fail } from './component-errors.js';
import type { StackView } from './sections.js';
import { childLayer } from './sections.js';
import type { Merge } from '../resolve/merge-layers.js';
import { EMPTY_TRACED } from '../resolve/merge-layers.js';
import { tracedSources } from './trace.js';
import type { ComponentMapSection } from '../schema/sections.js';
import { COMPONENT_MAP_SECTIONS } from '../schema/sections.js';

/**
 * Map sections a base component contributes, merged across the chain (spec §5.1): every component map
 * section except its metadata (merged on its own rules) and its overrides (never inherited).
 */
export const BASE_MAP_SECTIONS = COMPONENT_MAP_SECTIONS.filter(
  (s): s is Exclude<ComponentMapSection, 'metadata' | 'overrides'> => s !== 'metadata' && s !== 'overrides',
);
export type BaseMapSection = (typeof BASE_MAP_SECTIONS)[number] | 'metadata';

/** Every base section empty: where a chain starts (copied per component). */
const NO_SECTIONS: Readonly<Record<BaseMapSection, TracedValue>> = Object.freeze(
  Object.fromEntries([...BASE_MAP_SECTIONS, 'metadata'].map((s) => [s, EMPTY_TRACED])) as Record<
    BaseMapSection,
    TracedValue
  >,
);

export interface BaseChain {
  readonly sections: Readonly<Record<BaseMapSection, TracedValue>>;
  /** Scalars as Atmos keeps them: whatever the last visited base had, including empty (QUIRK, spec §5.1). */
  readonly command: string;
  readonly backendType: string;
  readonly remoteStateBackendType: string;
  readonly requiredVersion: string;
  /** Nearest-first, de-duplicated. */
  readonly chain: readonly string[];
  /** The first base that was merged (after its own bases): the folder a legacy `component:` points at. */
  readonly finalBaseName: string;
  /** finalBaseName as it stood after the legacy `component:` key alone ('' when that names no YAML component). */
  readonly legacyBaseName: string;
}

/**
 * Base chains already resolved, by the component's own map: stacks that import a catalog entry
 * unchanged share its maps (merges share untouched subtrees), so the chain is resolved once, not once
 * per stack. An entry applies while every base it read is still the same map. Untraced runs only.
 * Weak: a stack's own component maps, and their entries, go with its released configuration.
 */
export type BaseChainMemo = WeakMap<ValueMap, MemoEntry[]>;

interface MemoEntry {
  readonly type: string;
  readonly name: string;
  readonly strategy: ListMergeStrategy;
  /** Every base looked up, with the map it was (or undefined). */
  readonly reads: readonly (readonly [string, Value | undefined])[];
  readonly chain: BaseChain;
}

export interface InheritanceInput {
  readonly view: StackView;
  readonly type: string;
  readonly name: string;
  readonly raw: ValueMap;
  readonly components: ValueMap;
  readonly strategy: ListMergeStrategy;
  readonly inheritMetadata: boolean;
  readonly mergerFor: (strategy: ListMergeStrategy) => Merge;
  readonly folderExists: (folder: string) => boolean;
  readonly memo?: BaseChainMemo;
}

interface State {
  sections: Record<BaseMapSection, TracedValue>;
  command: string;
  backendType: string;
  remoteStateBackendType: string;
  requiredVersion: string;
  chain: string[];
  finalBaseName: string;
}

/**
 * Walks the legacy `component:` key and then `metadata.inherits` in order, depth-first, parents first,
 * merging each base's raw sections (spec §5.2). A missing base and a cycle are errors at the
 * `inherits` entry that names them.
 */
export function resolveBaseChain(input: InheritanceInput): BaseChain {
  const memo = input.view.config.trace.size === 0 ? input.memo : undefined;
  if (!memo) return resolve(input);
  const known = memo
    .get(input.raw)
    ?.find(
      (m) =>
        m.type === input.type &&
        m.name === input.name &&
        m.strategy === input.strategy &&
        m.reads.every(([name, v]) => input.components[name] === v),
    );
  if (known) return known.chain;
  const reads: (readonly [string, Value | undefined])[] = [];
  const components = new Proxy(input.components, {
    get(target, name: string) {
      const v = target[name];
      reads.push([name, v]);
      return v;
    },
  });
  const chain = resolve({ ...input, components });
  const list = memo.get(input.raw) ?? [];
  list.push({ type: input.type, name: input.name, strategy: input.strategy, reads, chain });
  memo.set(input.raw, list);
  return chain;
}

function resolve(input: InheritanceInput): BaseChain {
  const state: State = {
    sections: Object.assign({}, NO_SECTIONS),
    command: '',
    backendType: '',
    remoteStateBackendType: '',
    requiredVersion: '',
    chain: [],
    finalBaseName: '',
  };
  const own = ['components', input.type, input.name];
  const legacy = input.raw['component'];
  if (legacy !== undefined) {
    if (typeof legacy !== 'string')
      fail({
        code: 'section-invalid',
        message: `'component' of '${input.name}' must be a string, got ${typeName(legacy)}`,
        at: [...own, 'component'],
      });
    visit(input, state, input.name, legacy, [...own, 'component'], new Set(), true);
  }
  const legacyBaseName = state.finalBaseName;
  const metadata = input.raw['metadata'];
  const inherits = isMap(metadata) ? metadata['inherits'] : undefined;
  if (inherits !== undefined && inherits !== null) {
    if (!Array.isArray(inherits))
      fail({
        code: 'section-invalid',
        message: `'metadata.inherits' of '${input.name}' must be a list of component names, got ${typeName(inherits)}`,
        at: [...own, 'metadata', 'inherits'],
      });
    (inherits as readonly Value[]).forEach((base, i) => {
      const at = [...own, 'metadata', 'inherits', i];
      requireDefined(input, input.name, base, at);
      visit(input, state, input.name, base as string, at, new Set(), false);
    });
  }
  const { sections, command, backendType, remoteStateBackendType, requiredVersion, chain, finalBaseName } =
    state;
  return {
    sections,
    command,
    backendType,
    remoteStateBackendType,
    requiredVersion,
    chain,
    finalBaseName,
    legacyBaseName,
  };
}

function requireDefined(
  input: InheritanceInput,
  component: string,
  base: Value,
  at: (string | number)[],
): void {
  if (typeof base !== 'string')
    fail({
      code: 'section-invalid',
      message: `'metadata.inherits' of '${component}' must list component names, got ${typeName(base)}`,
      at,
    });
  if (!Object.prototype.hasOwnProperty.call(input.components, base)) {
    fail({
      code: 'inherits-missing',
      message: `component '${component}' inherits from '${base}', but '${base}' is not defined in this stack`,
      hint: `define '${base}' under components.${input.type} in a manifest this stack imports, or fix the name`,
      at,
    });
  }
}

function visit(
  input: InheritanceInput,
  state: State,
  component: string,
  base: string,
  at: (string | number)[],
  visiting: Set<string>,
  legacy: boolean,
): void {
  if (component === base) return;
  const key = `${component}\u0000${base}`;
  if (visiting.has(key)) {
    fail({
      code: 'inherits-cycle',
      message: `circular component inheritance: '${component}' -> '${base}'`,
      hint: 'remove one of the inherits entries that form the loop',
      at,
    });
  }
  visiting.add(key);
  try {
    const baseRaw = input.components[base];
    if (baseRaw === undefined) {
      if (legacy && !input.folderExists(base)) {
        fail({
          code: 'component-folder-missing',
          message: `component '${component}' uses 'component: ${base}', but '${base}' is neither defined in this stack nor a component folder`,
          hint: `define '${base}' under components.${input.type}, or create the folder for it`,
          at,
        });
      }
      return;
    }
    if (!isMap(baseRaw))
      fail({
        code: 'section-invalid',
        message: `base component '${base}' must be a map, got ${typeName(baseRaw)}`,
        at: ['components', input.type, base],
      });
    const basePath = ['components', input.type, base];
    const meta = isMap(baseRaw['metadata']) ? baseRaw['metadata'] : {};
    if (meta['type'] !== 'abstract' && typeof baseRaw['component'] === 'string') {
      visit(input, state, base, baseRaw['component'], [...basePath, 'component'], visiting, true);
    }
    const inherits = meta['inherits'];
    if (Array.isArray(inherits)) {
      (inherits as readonly Value[]).forEach((b, i) => {
        const entryAt = [...basePath, 'metadata', 'inherits', i];
        requireDefined(input, base, b, entryAt);
        // Atmos keeps the original component as the subject here (not the base).
        visit(input, state, component, b as string, entryAt, visiting, false);
      });
    }
    mergeBase(input, state, base, baseRaw, basePath);
  } finally {
    visiting.delete(key);
  }
}

function mergeBase(
  input: InheritanceInput,
  state: State,
  base: string,
  raw: ValueMap,
  basePath: string[],
): void {
  if (state.finalBaseName === '') state.finalBaseName = base;
  const levelStrategy = strategyOf(raw['settings']) ?? input.strategy;
  const merge = input.mergerFor(levelStrategy);
  const layer = (section: string): TracedLayer => childLayer(input.view, basePath, raw, section);
  for (const section of BASE_MAP_SECTIONS) {
    const l = layer(section);
    if (isEmptyMap(l.value)) continue;
    state.sections[section] = merge([
      { value: state.sections[section].value, sources: tracedSources(state.sections[section].trace) },
      l,
    ]);
  }
  if (input.inheritMetadata) {
    const meta = layer('metadata');
    const rest = Object.fromEntries(
      Object.entries(meta.value as ValueMap).filter(([k]) => k !== 'inherits' && k !== 'type'),
    );
    if (Object.keys(rest).length > 0) {
      state.sections.metadata = merge([
        { value: state.sections.metadata.value, sources: tracedSources(state.sections.metadata.trace) },
        { value: rest, sources: meta.sources },
      ]);
    }
  }
  state.command = stringOf(raw['command']);
  state.backendType = stringOf(raw['backend_type']);
  state.remoteStateBackendType = stringOf(raw['remote_state_backend_type']);
  const rv = stringOf(raw['required_version']);
  if (rv !== '') state.requiredVersion = rv;
  state.chain = [base, ...state.chain.filter((c) => c !== base)];
}

export function strategyOf(settings: Value | undefined): ListMergeStrategy | undefined {
  if (!isMap(settings)) return undefined;
  const s = settings['list_merge_strategy'];
  return s === 'replace' || s === 'append' || s === 'merge' ? s : undefined;
}

function stringOf(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}
