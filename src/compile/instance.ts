import type { Value, ValueMap } from '../model/value.js';
import type { PEEKED } from './section-digest.js';
import { ABSENT, digestOf, instanceDetails } from './section-digest.js';
import { isMap } from '../model/value.js';
import { sortKeys } from '../model/sort-keys.js';
import type { Deferred } from '../evaluate/evaluate-section.js';
import { evaluateSection } from '../evaluate/evaluate-section.js';
import type { DeferredMerge } from '../merge/deferred-merge.js';
import type { StackNameResult } from '../naming/stack-name.js';
import { stackNameOf } from '../naming/stack-name.js';
import type { WorkspaceResult } from '../naming/workspace.js';
import { workspaceOf } from '../naming/workspace.js';
import type { StackManifest, StackSet } from './stack-set.js';
import { COMPONENT_TYPES } from './stack-set.js';
import type { CachedInstanceHead, CachedStack, InstanceDetails } from './compile-cache.js';
import { stackFileName } from '../resolve/paths.js';

/** One component in one top-level manifest, with its logical stack name. */
export interface Instance {
  readonly manifest: StackManifest;
  readonly type: string;
  readonly component: string;
  /** The final section: Phase B, then templates and YAML functions (Phase C) when the set evaluates. */
  readonly section: ValueMap;
  readonly stackName: StackNameResult;
  /** Values that need the outside world (`!terraform.output`...), kept as placeholders. */
  readonly deferred: readonly Deferred[];
  /** Instances its `!terraform.output`/`!terraform.state` values read (graph dependencies). */
  readonly references: readonly { component: string; stack: string }[];
  /** A cached instance answers these without reading its section (see sectionDigest, peekSection). */
  digest?(key: string): string;
  peek?(key: (typeof PEEKED)[number]): Value | undefined;
}

/** The digest of one top-level section (ABSENT when missing), from the cache when it has it. */
export function sectionDigest(instance: Instance, key: string): string {
  return instance.digest ? instance.digest(key) : digestOf(instance.section[key]);
}

/** One of the small sections (component, metadata, dependencies), without reading the others. */
export function peekSection(instance: Instance, key: (typeof PEEKED)[number]): Value | undefined {
  return instance.peek ? instance.peek(key) : instance.section[key];
}

/**
 * Builds an instance from a Phase B section: names it, then runs Phase C (templates and YAML functions)
 * when the compile context has an evaluation host. Evaluation problems are reported at the line that
 * wrote the value.
 */
export function makeInstance(
  set: StackSet,
  manifest: StackManifest,
  type: string,
  component: string,
  section: ValueMap,
  stackName: StackNameResult,
  deferredMerges: readonly DeferredMerge[] = [],
): Instance {
  // Sections are kept key-sorted: output and digests then print them without copying (model/sort-keys).
  const base: Instance = { manifest, type, component, section, stackName, deferred: [], references: [] };
  const host = set.context.evaluate;
  if (!host) return { ...base, section: sortKeys(section) };
  const stack = stackName.ok ? stackName.name : manifest.stackFile;
  const ws = type === 'terraform' ? workspaceFor(set, base) : undefined;
  const meta: ValueMap = {
    atmos_component: component,
    atmos_stack: stack,
    stack,
    atmos_stack_file: manifest.stackFile,
    atmos_manifest: manifest.stackFile,
    ...(ws?.ok ? { workspace: ws.workspace } : {}),
  };
  const templates = templateSettings(set.context.cli.raw as ValueMap);
  const result = evaluateSection(
    section,
    {
      templatesEnabled: templates.templatesEnabled,
      evaluations: templates.evaluations,
      stack,
      meta,
      deferredMerges,
      listMergeStrategy: set.context.cli.listMergeStrategy,
    },
    host,
  );
  for (const p of result.problems) set.reportAtSection(manifest, type, component, p.path, p.message, p.hint);
  return {
    ...base,
    section: sortKeys(result.section),
    deferred: result.deferred,
    references: result.references,
  };
}

function templateSettings(raw: ValueMap): { templatesEnabled: boolean; evaluations: number } {
  const t =
    isMap(raw['templates']) && isMap(raw['templates']['settings']) ? raw['templates']['settings'] : {};
  const evaluations = typeof t['evaluations'] === 'number' ? t['evaluations'] : 1;
  return { templatesEnabled: t['enabled'] === true, evaluations };
}

export function nameOf(
  set: StackSet,
  manifest: StackManifest,
  section: ValueMap,
  missingKey: 'error' | 'default' = 'error',
): StackNameResult {
  return stackNameOf(
    manifest.config['name'],
    set.context.cli.stacks,
    section,
    manifest.stackFile,
    missingKey,
  );
}

/** The prefix workspaces start from: the stack name, or the stack file with `/` → `-` when it cannot be named. */
export function workspaceFor(set: StackSet, instance: Instance, describeStacks = false): WorkspaceResult {
  const prefix = instance.stackName.ok ? instance.stackName.name : instance.manifest.stackFile;
  return workspaceOf({
    prefix: prefix.split('/').join('-'),
    component: instance.component,
    section: instance.section,
    workspacesEnabled: set.context.cli.terraform.workspacesEnabled,
    describeStacks,
  });
}

/**
 * Every instance of every top-level manifest (or of `files`, a part of them), in manifest order, then
 * `types` order, then name order.
 */
export function* allInstances(
  set: StackSet,
  types: readonly string[],
  files: Iterable<string> = set.stackFiles,
): Generator<Instance> {
  for (const file of files) {
    const instances = manifestInstances(set, file);
    for (const type of types) for (const i of instances) if (i.type === type) yield i;
  }
}

/**
 * Every instance of one top-level manifest (all component types), from the compile cache when its
 * entry is still valid; otherwise compiled, and offered to the cache if that raised no problem.
 */
export function manifestInstances(set: StackSet, file: string): Instance[] {
  const cache = set.context.cache;
  const cached = cache?.get(file);
  if (cached) return cachedInstances(set, file, cached);
  return compileManifest(set, file);
}

/**
 * Phase A (parse, imports, merge of the manifest chain) of every manifest the cache cannot answer,
 * before anything is compiled: a YAML error, a missing import or a cycle in a large organisation is
 * reported after reading its files, not after compiling every other stack. Memoized: the compile that
 * follows reuses it.
 */
export function loadManifests(set: StackSet, files: Iterable<string> = set.stackFiles): void {
  for (const file of files) if (!set.context.cache?.has(file)) set.manifest(file);
}

/** A manifest's instances if the compile cache holds them; never compiles. */
export function cachedManifestInstances(set: StackSet, file: string): Instance[] | undefined {
  const cached = set.context.cache?.get(file);
  return cached && cachedInstances(set, file, cached);
}

function compileManifest(set: StackSet, file: string): Instance[] {
  const compiled = compileAll(set, file);
  if (!compiled) return [];
  const stored = offer(set, file, compiled);
  return stored ? cachedInstances(set, file, stored) : compiled.out;
}

/** Offers a clean compile to the cache (with its details, when computed); what the cache answers. */
function offer(
  set: StackSet,
  file: string,
  compiled: { manifest: StackManifest; out: Instance[]; clean: boolean },
  details?: readonly InstanceDetails[],
): CachedStack | undefined {
  if (!compiled.clean) return undefined;
  const { manifest, out } = compiled;
  return set.context.cache?.put(file, [...manifest.processed.files], manifest.imports, out, details);
}

/** Every instance of a manifest, compiled; `clean` when that raised no problem (the cache may keep them). */
function compileAll(
  set: StackSet,
  file: string,
): { manifest: StackManifest; out: Instance[]; clean: boolean } | undefined {
  const manifest = set.manifest(file);
  if (!manifest) return undefined;
  const problems = set.problemCount;
  const out: Instance[] = [];
  for (const type of COMPONENT_TYPES) {
    for (const component of set.componentNames(manifest, type)) {
      const instance = compileInstance(set, manifest, type, component);
      if (instance) out.push(instance);
    }
  }
  return {
    manifest,
    out,
    clean: set.context.cache !== undefined && set.problemCount === problems && out.length > 0,
  };
}

/**
 * A manifest's instances as `describe affected` holds them: digests and the small sections, not the
 * sections (see summaryOf). A manifest compiled now has its instances' details computed once, for
 * its cache entry and for the summaries.
 */
export function summarizedInstances(set: StackSet, file: string): Instance[] {
  const cached = set.context.cache?.get(file);
  if (cached) return cachedInstances(set, file, cached);
  const compiled = compileAll(set, file);
  if (!compiled) return [];
  const details = compiled.out.map((i) => instanceDetails(i.section));
  const stored = offer(set, file, compiled, details);
  if (stored) return cachedInstances(set, file, stored);
  return compiled.out.map((i, n) => summaryOf(set, i, set.keepDetails(details[n]!)));
}

/**
 * An instance read from the cache. Its manifest is processed, and its section read from the entry's
 * body, only when asked for; a damaged body makes it compile the instance after all.
 */
function cachedInstances(set: StackSet, file: string, stack: CachedStack): Instance[] {
  const manifest = lazyManifest(set, file, stack);
  return stack.instances.map((head, index) => new CachedInstance(set, manifest, stack, head, index));
}

class CachedInstance implements Instance {
  readonly type: string;
  readonly component: string;
  readonly stackName: StackNameResult;
  readonly deferred: readonly Deferred[];
  readonly references: readonly { component: string; stack: string }[];
  #section: ValueMap | undefined;

  constructor(
    private readonly set: StackSet,
    readonly manifest: StackManifest,
    private readonly stack: CachedStack,
    head: CachedInstanceHead,
    private readonly index: number,
  ) {
    this.type = head.type;
    this.component = head.component;
    this.stackName = head.stackName;
    this.deferred = head.deferred;
    this.references = head.references;
  }

  digest(key: string): string {
    const details = this.stack.details()?.[this.index];
    return details?.digests ? (details.digests[key] ?? ABSENT) : digestOf(this.section[key]);
  }

  peek(key: (typeof PEEKED)[number]): Value | undefined {
    const details = this.stack.details()?.[this.index];
    return details ? details.peeked[key] : this.section[key];
  }

  get section(): ValueMap {
    this.#section ??=
      this.stack.sections()?.[this.index] ??
      compileSection(this.set, this.manifest.file, this.type, this.component);
    return this.#section;
  }
}

/**
 * An instance that answers digests and the small sections from `details`, without holding its
 * section (`describe affected` keeps every instance of both sides); the section is compiled again
 * if it is ever asked for. Instances from the cache already work this way.
 */
function summaryOf(set: StackSet, instance: Instance, { digests, peeked }: InstanceDetails): Instance {
  const { type, component, stackName, deferred, references } = instance;
  // Not the compiled manifest: its merged configuration is released once the stack is compiled.
  const manifest = lazyManifest(set, instance.manifest.file, instance.manifest);
  let section: ValueMap | undefined;
  const sectionOf = () => (section ??= compileSection(set, manifest.file, type, component));
  return {
    manifest,
    type,
    component,
    stackName,
    deferred,
    references,
    get section() {
      return sectionOf();
    },
    digest: (key) => (digests ? (digests[key] ?? ABSENT) : digestOf(sectionOf()[key])),
    peek: (key) => peeked[key],
  };
}

/** Phase B, naming and Phase C of one component of a manifest; undefined when it cannot be layered. */
function compileInstance(
  set: StackSet,
  manifest: StackManifest,
  type: string,
  component: string,
): Instance | undefined {
  const composed = set.compose(manifest, type, component);
  if (!composed) return undefined;
  const name = nameOf(set, manifest, composed.section);
  return makeInstance(set, manifest, type, component, composed.section, name, composed.deferredMerges);
}

function compileSection(set: StackSet, file: string, type: string, component: string): ValueMap {
  const manifest = set.manifest(file);
  return (manifest && compileInstance(set, manifest, type, component))?.section ?? {};
}

function lazyManifest(
  set: StackSet,
  file: string,
  known: Pick<StackManifest, 'imports' | 'files'>,
): StackManifest {
  const real = (): StackManifest => {
    const m = set.manifest(file);
    if (!m) throw new Error(`cached stack manifest ${file} can no longer be processed`);
    return m;
  };
  return {
    file,
    stackFile: stackFileName(file),
    imports: known.imports,
    files: known.files,
    get config() {
      return real().config;
    },
    get processed() {
      return real().processed;
    },
  };
}
