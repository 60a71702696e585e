import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error, hasErrors } from '../diagnostics/diagnostic.js';
import type { ListMergeStrategy, CliConfig } from '../model/cli-config.js';
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { ComponentError } from '../merge/component-errors.js';
import type { ComponentConfig } from '../merge/component-config.js';
import { composeComponent } from '../merge/component-config.js';
import type { BaseChainMemo } from '../merge/inheritance.js';
import type { Source } from '../merge/trace.js';
import { findSource } from '../merge/trace.js';
import { getIn } from '../merge/sections.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import type { StackHost } from '../resolve/host.js';
import type { EvalHost } from '../evaluate/evaluate-section.js';
import { evaluateSection } from '../evaluate/evaluate-section.js';
import { envFunctions } from '../template/index.js';
import type { Value } from '../model/value.js';
import type { HclCache, IncludeReader } from '../resolve/includes.js';
import type { FileIndex } from '../resolve/import-path.js';
import { fileIndex } from '../resolve/import-path.js';
import type { ProcessedManifest } from '../resolve/process-manifest.js';
import type { ParseCache } from '../resolve/process-manifest.js';
import { ManifestProcessor, newParseCache } from '../resolve/process-manifest.js';
import { merger } from '../resolve/merge-layers.js';
import type { TracedValue } from '../merge/deep-merge.js';
import { discoverStacks } from '../resolve/discover-stacks.js';
import { stackFileName } from '../resolve/paths.js';
import type { CompileCache } from './compile-cache.js';
import type { DetailsKeeper } from './section-digest.js';
import { detailsKeeper } from './section-digest.js';

/** Component types Atmos knows, in its lookup order (spec §7). */
export const COMPONENT_TYPES = [
  'terraform',
  'helmfile',
  'packer',
  'ansible',
  'container',
  'emulator',
  'kubernetes',
  'helm',
];

export interface CompileContext {
  readonly cli: CliConfig;
  readonly host: StackHost;
  /** Path shown to users for a stack-relative manifest path. */
  readonly display: (file: string) => string;
  /** When set, instances get Phase C (templates and YAML functions) with this host. */
  readonly evaluate?: EvalHost;
  /** Reads `!include` targets (load time); without it `!include` stays a literal string. */
  readonly include?: IncludeReader;
  /** HCL files `!include`d, parsed ahead of time. */
  readonly hcl?: HclCache;
  /** A persistent cache of compiled stacks (`allInstances` reads and fills it). */
  readonly cache?: CompileCache;
}

/** One top-level stack manifest after Phase A. */
export interface StackManifest {
  /** Stack-relative path with extension. */
  readonly file: string;
  /** Stack-file identity (extension trimmed), e.g. `orgs/acme/dev`. */
  readonly stackFile: string;
  readonly config: ValueMap;
  readonly imports: readonly string[];
  /** The manifest and every file it imports, transitively (stack-relative, as read). */
  readonly files: readonly string[];
  readonly processed: ProcessedManifest;
}

/**
 * A compile session over one repository: discovers stacks, loads each manifest once, layers components,
 * and turns component problems into diagnostics with file and line. Holds per-run caches only.
 */
export class StackSet {
  readonly context: CompileContext;
  readonly index: FileIndex;
  readonly stackFiles: readonly string[];
  readonly #processor: ManifestProcessor;
  readonly #manifests = new Map<string, StackManifest | undefined>();
  #traced: ManifestProcessor | undefined;
  readonly #diagnostics: Diagnostic[] = [];
  readonly #cache: ParseCache = newParseCache();

  constructor(context: CompileContext) {
    this.context = context;
    this.index = fileIndex(context.host);
    this.stackFiles = discoverStacks(this.index.files, {
      includedPaths: context.cli.stacks.includedPaths,
      excludedPaths: context.cli.stacks.excludedPaths,
      stacksBasePath: context.cli.stacks.basePath,
    });
    this.#processor = this.#newProcessor(false);
  }

  #newProcessor(trace: boolean): ManifestProcessor {
    return new ManifestProcessor({
      index: this.index,
      cache: this.#cache,
      ...(this.context.include ? { include: this.context.include } : {}),
      ...(this.context.evaluate
        ? {
            evaluateLiteral: literalEvaluator(this.context.evaluate),
            templateFunctions: envFunctions(this.context.evaluate.env),
          }
        : {}),
      ...(this.context.hcl ? { hcl: this.context.hcl } : {}),
      merge: merger(this.context.cli.listMergeStrategy, trace),
      ignoreMissingTemplateValues: this.context.cli.ignoreMissingTemplateValues,
      display: this.context.display,
    });
  }

  /** How many problems were reported so far (cheap; counts repeats). */
  get problemCount(): number {
    return this.#processor.diagnostics.length + this.#diagnostics.length;
  }

  /** Whether an error (not only warnings) was reported so far. */
  get hasErrors(): boolean {
    return this.problemCount > 0 && hasErrors([...this.#processor.diagnostics, ...this.#diagnostics]);
  }

  /** Every problem found so far: load problems first, then component problems; each once. */
  get diagnostics(): Diagnostic[] {
    const seen = new Set<string>();
    return [...this.#processor.diagnostics, ...this.#diagnostics].filter((d) => {
      const key = `${d.code}\u0000${d.file}\u0000${d.position?.line}:${d.position?.column}\u0000${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  manifest(file: string): StackManifest | undefined {
    if (this.#manifests.has(file)) return this.#manifests.get(file);
    const processed = this.#processor.processStack(file);
    // Sorted when asked for (describe output): a stack importing a catalog of a hundred entries
    // spent 46 µs sorting them, 0.1 s of a cold `list stacks` of 2,000 stacks that never looks.
    let imports: readonly string[] | undefined;
    let files: readonly string[] | undefined;
    const m = processed && {
      file,
      stackFile: stackFileName(file),
      config: processed.config.value,
      get imports() {
        return (imports ??= [...processed.imports].sort());
      },
      get files() {
        return (files ??= [...processed.files]);
      },
      processed,
    };
    this.#manifests.set(file, m);
    return m;
  }

  /**
   * Forgets a manifest's Phase A (its merged configuration), once its instances are compiled and kept
   * elsewhere: a run over every stack then never holds every stack's configuration. Asked for again, it
   * is processed again (its files stay parsed).
   */
  release(file: string): void {
    this.#manifests.delete(file);
    this.#processor.forget(file);
  }

  /** The same manifest with provenance recorded (a second, traced pass over only this stack's files). */
  tracedManifest(file: string): ProcessedManifest | undefined {
    this.#traced ??= this.#newProcessor(true);
    return this.#traced.processStack(file);
  }

  componentNames(manifest: StackManifest, type: string): string[] {
    const components = manifest.config['components'];
    const section = isMap(components) ? components[type] : undefined;
    return isMap(section) ? Object.keys(section).sort() : [];
  }

  /** How instances summarized for the rest of the run hold their digests (see detailsKeeper). */
  readonly keepDetails: DetailsKeeper = detailsKeeper();

  readonly #layers = new WeakMap<object, Map<string, Map<string, TracedValue>>>();
  readonly #baseChains: BaseChainMemo = new WeakMap();

  /** The per-stack, per-type cache of global ⊕ type-level sections (see ComponentInput.stackLayers). */
  #stackLayers(config: object, key: string): Map<string, TracedValue> {
    let byKey = this.#layers.get(config);
    if (!byKey) this.#layers.set(config, (byKey = new Map<string, Map<string, TracedValue>>()));
    let layers = byKey.get(key);
    if (!layers) byKey.set(key, (layers = new Map<string, TracedValue>()));
    return layers;
  }

  /** Phase B for one component; undefined (and a diagnostic) when it cannot be layered. */
  compose(manifest: StackManifest, type: string, name: string, traced = false): ComponentConfig | undefined {
    const config = traced ? this.tracedManifest(manifest.file)?.config : manifest.processed.config;
    if (!config) return undefined;
    const trace = traced;
    try {
      return composeComponent({
        view: { config },
        type,
        name,
        cli: this.context.cli,
        mergerFor: (strategy: ListMergeStrategy) => merger(strategy, trace),
        folderExists: (folder) => this.context.host.componentFolderExists?.(`${type}/${folder}`) ?? true,
        stackLayers: this.#stackLayers(config.value, `${type}\u0000${traced}`),
        baseChains: this.#baseChains,
      });
    } catch (e) {
      if (!(e instanceof ComponentError)) throw e;
      const where = this.locate(manifest.file, e.problem.at, e.problem.atKey);
      this.#diagnostics.push(
        error(e.problem.code, e.problem.message, {
          ...where,
          ...(e.problem.hint ? { hint: e.problem.hint } : {}),
          related: [
            { file: this.context.display(manifest.file), message: 'in the stack defined by this manifest' },
          ],
        }),
      );
      return undefined;
    }
  }

  /** File, line and column that wrote the value at `path` of a stack's merged config. */
  locate(
    file: string,
    path: readonly (string | number)[],
    atKey = false,
  ): Pick<Diagnostic, 'file' | 'position' | 'source'> {
    const traced = this.tracedManifest(file);
    const source = traced ? findSource(traced.config.trace, path) : undefined;
    if (!source) return { file: this.context.display(file) };
    const sf = this.#traced?.sourceFile(source.file);
    if (!sf) return { file: this.context.display(source.file) };
    return { file: sf.file, position: positionAt(sf, source.path, atKey), source: sf.text };
  }

  /**
   * Where a top-level manifest itself writes `path` (it is merged last, so it wins), without the
   * traced pass; undefined when the value comes from an import.
   */
  locateInOwnFile(
    file: string,
    path: readonly (string | number)[],
  ): Pick<Diagnostic, 'file' | 'position' | 'source'> | undefined {
    const sf = this.#processor.sourceFile(file);
    if (!sf || getIn(sf.value, path) === undefined) return undefined;
    const position = positionAt(sf, path);
    return position ? { file: sf.file, position, source: sf.text } : undefined;
  }

  /** Position of a provenance source (for --provenance output). */
  positionOf(source: Source): { file: string; line?: number; column?: number } {
    const sf = this.#traced?.sourceFile(source.file);
    const position = sf ? positionAt(sf, source.path) : undefined;
    return {
      file: this.context.display(source.file),
      ...(position ? { line: position.line, column: position.column } : {}),
    };
  }

  /** Every manifest parsed so far (top-level stacks and everything they import). */
  parsedFiles(): SourceFile[] {
    return this.#processor.parsedFiles();
  }

  /** Text of a manifest the traced pass read (for code frames). */
  sourceText(file: string): string | undefined {
    return this.#traced?.sourceFile(file)?.text;
  }

  valueAt(source: Source): unknown {
    const sf = this.#traced?.sourceFile(source.file);
    let cur: unknown = sf?.value;
    for (const k of source.path)
      cur = isMap(cur) ? cur[String(k)] : Array.isArray(cur) ? (cur as unknown[])[Number(k)] : undefined;
    return cur;
  }

  /** The file, line and column that wrote a value of a component section (through provenance). */
  locateInSection(
    manifest: StackManifest,
    type: string,
    component: string,
    path: readonly string[],
  ): Pick<Diagnostic, 'file' | 'position' | 'source'> {
    const traced = this.compose(manifest, type, component, true);
    const source = traced ? findSource(traced.trace, path) : undefined;
    const where = source ? this.positionOf(source) : { file: this.context.display(manifest.file) };
    const sf = source ? this.sourceText(source.file) : undefined;
    return {
      file: where.file,
      ...(where.line !== undefined ? { position: { line: where.line, column: where.column ?? 1 } } : {}),
      ...(sf !== undefined ? { source: sf } : {}),
    };
  }

  /** A problem with a value of a component section, reported where that value was written. */
  reportAtSection(
    manifest: StackManifest,
    type: string,
    component: string,
    path: readonly string[],
    message: string,
    hint?: string,
  ): void {
    this.#diagnostics.push(
      error('function-error', `${path.join('.')}: ${message}`, {
        ...this.locateInSection(manifest, type, component, path),
        ...(hint ? { hint } : {}),
      }),
    );
  }

  report(d: Diagnostic): void {
    this.#diagnostics.push(d);
  }
}

/** One YAML function (from `locals`) evaluated on its own, with no component context. */
function literalEvaluator(host: EvalHost): (literal: string) => Value {
  return (literal) => {
    const r = evaluateSection(
      { v: literal },
      { templatesEnabled: false, evaluations: 1, stack: '', meta: {} },
      host,
    );
    return r.problems.length === 0 ? (r.section['v'] ?? null) : literal;
  };
}
