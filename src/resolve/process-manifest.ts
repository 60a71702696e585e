import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { TracedLayer, TracedValue } from '../merge/deep-merge.js';
import type { Source, SourcesAt } from '../merge/trace.js';
import { fileSources, tracedSources } from '../merge/trace.js';
import type { Value, ValueMap } from '../model/value.js';
import { asMap, copyMap, extendMap, isMap, typeName } from '../model/value.js';
import type { TemplateFunction } from '../template/index.js';
import { renderTemplate, containsTemplate } from '../template/index.js';
import type { ImportEntry } from './import-entries.js';
import { readImportEntries } from './import-entries.js';
import type { FileIndex } from './import-path.js';
import { resolveImportPath } from './import-path.js';
import { renderManifestText } from './load-text.js';
import type { Merge } from './merge-layers.js';
import { EMPTY_TRACED, isEmptyTraced } from './merge-layers.js';
import { importKey } from './paths.js';
import type { HclCache, IncludeReader } from './includes.js';
import { resolveIncludes } from './includes.js';
import { applyLocals, hasLocals } from './locals.js';
import { unwrapAppends } from '../merge/deep-merge.js';

/** Component types whose `overrides` Atmos computes per file (spec §6). */
const OVERRIDE_TYPES = ['terraform', 'helmfile'] as const;
type OverrideType = (typeof OVERRIDE_TYPES)[number];
type Overrides = Readonly<Record<OverrideType, TracedValue>>;
const NO_OVERRIDES: Overrides = { terraform: EMPTY_TRACED, helmfile: EMPTY_TRACED };

/** A manifest merged with everything it imports (Phase A of spec §0). */
export interface ProcessedManifest {
  readonly config: TracedValue;
  /** Transitive import keys (stack-relative, last extension trimmed). */
  readonly imports: ReadonlySet<string>;
  /** The manifest and every file it imports, transitively (stack-relative, as read). */
  readonly files: ReadonlySet<string>;
  readonly inline: Overrides;
  readonly accumulated: Overrides;
}

interface ChainLink {
  readonly file: string;
  readonly importedAt?: Position;
}

interface Visit {
  readonly context: ValueMap | undefined;
  readonly parentInline: Overrides;
  readonly accumulated: Overrides;
  readonly chain: readonly ChainLink[];
  readonly skipTemplates: boolean;
  readonly ignoreMissing: boolean;
}

/** Texts and parsed files of one run, shared by the plain and the traced processor. */
export interface ParseCache {
  readonly texts: Map<string, string | undefined>;
  readonly parsed: Map<string, SourceFile | undefined>;
  /** Whether any file used `!append` (its markers are then unwrapped after each stack's merge). */
  readonly flags: { append: boolean };
}

export function newParseCache(): ParseCache {
  return { texts: new Map(), parsed: new Map(), flags: { append: false } };
}

export interface ManifestProcessorOptions {
  readonly index: FileIndex;
  readonly cache: ParseCache;
  /** Reads `!include` targets; without it `!include` stays a literal string. */
  readonly include?: IncludeReader;
  /** Extra functions of import-time templates (Sprig's env over the caller's environment). */
  readonly templateFunctions?: Readonly<Record<string, TemplateFunction>>;
  /** Evaluates a YAML function in `locals` (they run before templates); without it they stay text. */
  readonly evaluateLiteral?: (literal: string) => Value;
  readonly hcl?: HclCache;
  readonly merge: Merge;
  readonly ignoreMissingTemplateValues: boolean;
  /** Path shown to users for a stack-relative file. */
  readonly display: (file: string) => string;
}

/**
 * Loads manifests and their import trees for one run. Each file is read and parsed once, whatever
 * number of stacks import it; a file's merged result is reused when it is reached with the same
 * context and overrides. Problems are collected, never thrown.
 */
export class ManifestProcessor {
  readonly #options: ManifestProcessorOptions;
  readonly #processed = new Map<string, ProcessedManifest>();
  readonly #diagnostics = new Map<string, Diagnostic>();

  constructor(options: ManifestProcessorOptions) {
    this.#options = options;
  }

  get diagnostics(): Diagnostic[] {
    return [...this.#diagnostics.values()];
  }

  /** Every parsed file, by stack-relative path (for positions of provenance entries). */
  sourceFile(file: string): SourceFile | undefined {
    return this.#options.cache.parsed.get(file);
  }

  /** Every file parsed in this run (as written, after import-time templates). */
  parsedFiles(): SourceFile[] {
    const seen = new Set<SourceFile>();
    for (const f of this.#options.cache.parsed.values()) if (f) seen.add(f);
    return [...seen];
  }

  /** Processes a top-level stack manifest. Undefined when it cannot be read or parsed. */
  processStack(file: string): ProcessedManifest | undefined {
    const processed = this.#visitTop(file);
    // `!append` works across the import chain only: the stack's merged config has plain lists, so a
    // component's !append does not reach its bases' lists (Atmos QUIRK, spec §4).
    if (!processed || !this.#options.cache.flags.append) return processed;
    const value = unwrapAppends(processed.config.value) as ValueMap;
    return value === processed.config.value
      ? processed
      : { ...processed, config: { ...processed.config, value } };
  }

  /**
   * Forgets a top-level manifest's merged result (StackSet.release); the files it imports stay
   * processed, as other stacks import them too. Asked for again, it is merged again.
   */
  forget(file: string): void {
    this.#processed.delete(file);
  }

  #visitTop(file: string): ProcessedManifest | undefined {
    return this.#visit(file, {
      context: undefined,
      parentInline: NO_OVERRIDES,
      accumulated: NO_OVERRIDES,
      chain: [],
      skipTemplates: false,
      ignoreMissing: this.#options.ignoreMissingTemplateValues,
    });
  }

  #report(d: Diagnostic): void {
    const key = `${d.code}\u0000${d.file}\u0000${d.position?.line}:${d.position?.column}\u0000${d.message}`;
    if (!this.#diagnostics.has(key)) this.#diagnostics.set(key, d);
  }

  #load(file: string, visit: Visit): SourceFile | undefined {
    const { texts, parsed: cache } = this.#options.cache;
    if (!texts.has(file)) texts.set(file, this.#options.index.host.readFile(file));
    const raw = texts.get(file);
    if (raw === undefined) return undefined;
    const rendered = renderManifestText({
      file,
      displayFile: this.#options.display(file),
      text: raw,
      context: visit.context,
      skipTemplates: visit.skipTemplates,
      ignoreMissing: visit.ignoreMissing,
      ...(this.#options.templateFunctions ? { functions: this.#options.templateFunctions } : {}),
    });
    rendered.diagnostics.forEach((d) => this.#report(d));
    const key = rendered.text === raw ? file : `${file}\u0000${rendered.text}`;
    if (cache.has(key)) return cache.get(key);
    if (rendered.text.includes('!append')) this.#options.cache.flags.append = true;
    const parsed = parseYaml(this.#options.display(file), rendered.text);
    parsed.diagnostics.forEach((d) => this.#report(d));
    let source = parsed.source;
    if (source && this.#options.include && rendered.text.includes('!include')) {
      const included = resolveIncludes(source, file, this.#options.include, this.#options.hcl ?? new Map());
      included.diagnostics.forEach((d) => this.#report(d));
      source = { ...source, value: included.value };
    }
    if (source && isMap(source.value) && hasLocals(source.value)) {
      const withLocals = applyLocals(source, source.value, this.#options.evaluateLiteral);
      withLocals.diagnostics.forEach((d) => this.#report(d));
      source = { ...source, value: withLocals.value };
    }
    cache.set(key, source);
    if (key !== file && !cache.has(file) && source) cache.set(file, source);
    return source;
  }

  #visit(file: string, visit: Visit): ProcessedManifest | undefined {
    const memoKey = memoKeyOf(file, visit);
    const memo = this.#processed.get(memoKey);
    if (memo) return memo;
    const source = this.#load(file, visit);
    if (!source) return undefined;
    const body = this.#body(source);
    if (!body) return undefined;
    const merge = this.#options.merge;
    const at = (path: (string | number)[]) => ({
      file: source.file,
      position: positionAt(source, path),
      source: source.text,
    });

    const inline = {} as Record<OverrideType, TracedValue>;
    for (const type of OVERRIDE_TYPES) {
      inline[type] = merge([
        {
          value: sectionMap(body, ['overrides'], (p, v) => this.#badSection(at(p), p, v)),
          sources: fileSources(file, ['overrides']),
        },
        {
          value: sectionMap(body, [type, 'overrides'], (p, v) => this.#badSection(at(p), p, v)),
          sources: fileSources(file, [type, 'overrides']),
        },
        layerOf(visit.parentInline[type]),
      ]);
    }

    const { entries, diagnostics } = readImportEntries(source, body);
    diagnostics.forEach((d) => this.#report(d));
    const layers: TracedLayer[] = [];
    const imports = new Set<string>();
    const files = new Set<string>([file]);
    let accumulated: Overrides = visit.accumulated;
    let pathContext: ValueMap = {};
    const chain = [...visit.chain, { file }];
    for (const entry of entries) {
      const targets = this.#resolveEntry(file, source, entry, pathContext, visit, chain);
      for (const target of targets) {
        const child = this.#visit(target, {
          context: mergeContext(entry.context, visit.context),
          parentInline: inline,
          accumulated,
          chain: [...visit.chain, { file, importedAt: entry.position }],
          skipTemplates: entry.skipTemplatesProcessing,
          ignoreMissing: entry.ignoreMissingTemplateValues || this.#options.ignoreMissingTemplateValues,
        });
        if (!child) continue;
        accumulated = mergeOverrides(merge, accumulated, child);
        layers.push(layerOf(child.config));
        imports.add(importKey(target));
        child.imports.forEach((i) => imports.add(i));
        child.files.forEach((f) => files.add(f));
        pathContext = pickPathContext(pathContext, child.config.value);
      }
    }

    const final = {} as Record<OverrideType, TracedValue>;
    for (const type of OVERRIDE_TYPES)
      final[type] = merge([layerOf(accumulated[type]), layerOf(inline[type])]);
    layers.push(bodyLayer(file, body, final));
    const result: ProcessedManifest = { config: merge(layers), imports, files, inline, accumulated };
    this.#processed.set(memoKey, result);
    return result;
  }

  #body(source: SourceFile): ValueMap | undefined {
    const v = source.value;
    if (v === null) return {};
    if (isMap(v)) return v;
    this.#report(
      error('section-invalid', `a stack manifest must be a map of sections, got ${typeName(v)}`, {
        file: source.file,
        position: positionAt(source, []),
        source: source.text,
        hint: 'start the file with top-level keys such as import:, vars:, components:',
      }),
    );
    return undefined;
  }

  #badSection(
    where: Pick<Diagnostic, 'file' | 'position' | 'source'>,
    path: readonly string[],
    v: Value,
  ): void {
    this.#report(
      error('section-invalid', `'${path.join('.')}' must be a map, got ${typeName(v)}`, {
        ...where,
        hint: `write '${path.join('.')}' as a map of keys to values`,
      }),
    );
  }

  #resolveEntry(
    file: string,
    source: SourceFile,
    entry: ImportEntry,
    pathContext: ValueMap,
    visit: Visit,
    chain: readonly ChainLink[],
  ): string[] {
    let written = entry.path;
    const templated = containsTemplate(written);
    const at = { file: source.file, position: entry.position, source: source.text };
    if (templated && !entry.skipTemplatesProcessing) {
      const data = mergeContext(entry.context, mergeContext(visit.context, pathContext));
      const r = renderTemplate(written, data ?? {}, {
        name: source.file,
        missingKey:
          entry.ignoreMissingTemplateValues || this.#options.ignoreMissingTemplateValues
            ? 'default'
            : 'error',
      });
      if (!r.ok) {
        this.#report(
          error('template-error', `cannot render import path '${entry.path}': ${r.error.message}`, {
            ...at,
            hint: "define the value in an earlier import's settings/vars/env or in the import's 'context'",
          }),
        );
        return [];
      }
      written = r.output;
    }
    const targets = resolveImportPath(this.#options.index, file, written);
    if (targets.length === 0) {
      if (!entry.skipIfMissing && !templated) {
        this.#report(
          error('import-missing', `import '${entry.path}' matches no manifest`, {
            ...at,
            hint: `create it, fix the path (relative to the stacks folder, or to this file with ./ or ../), or add 'skip_if_missing: true'`,
          }),
        );
      }
      return [];
    }
    return targets.filter((target) => {
      const loopAt = chain.findIndex((link) => link.file === target);
      if (loopAt < 0) return true;
      const cycle = [...chain.slice(loopAt).map((l) => l.file), target];
      this.#report(
        error('import-cycle', `import cycle: ${cycle.map((f) => this.#options.display(f)).join(' -> ')}`, {
          ...at,
          hint: 'remove one of these imports; shared settings belong in a file that both can import',
          related: chain.slice(loopAt).map((link, i) => ({
            file: this.#options.display(link.file),
            message: `imports ${this.#options.display(cycle[i + 1]!)}`,
          })),
        }),
      );
      return false;
    });
  }
}

function memoKeyOf(file: string, visit: Visit): string {
  const parts = [
    visit.context,
    ...OVERRIDE_TYPES.map((t) => visit.parentInline[t].value),
    ...OVERRIDE_TYPES.map((t) => visit.accumulated[t].value),
  ];
  const plain = parts.every((p) => p === undefined || Object.keys(p).length === 0) && !visit.skipTemplates;
  return plain ? file : `${file}\u0000${JSON.stringify([parts, visit.skipTemplates, visit.ignoreMissing])}`;
}

function layerOf(v: TracedValue): TracedLayer {
  return { value: v.value, sources: tracedSources(v.trace) };
}

function sectionMap(
  body: ValueMap,
  path: readonly string[],
  bad: (path: string[], v: Value) => void,
): ValueMap {
  let cur: Value | undefined = body;
  for (const key of path) {
    if (!isMap(cur)) return {};
    cur = cur[key];
  }
  if (cur === undefined || cur === null) return {};
  if (!isMap(cur)) {
    bad([...path], cur);
    return {};
  }
  return cur;
}

/** The child context: the import's own `context` under the parent's (the parent wins, spec §3.5). */
function mergeContext(own: ValueMap | undefined, parent: ValueMap | undefined): ValueMap | undefined {
  if (!own || Object.keys(own).length === 0) return parent;
  if (!parent || Object.keys(parent).length === 0) return own;
  return extendMap(own, parent);
}

function mergeOverrides(merge: Merge, acc: Overrides, child: ProcessedManifest): Overrides {
  const out = {} as Record<OverrideType, TracedValue>;
  for (const type of OVERRIDE_TYPES) {
    const parts = [acc[type], child.accumulated[type], child.inline[type]];
    out[type] = parts.every(isEmptyTraced) ? EMPTY_TRACED : merge(parts.map(layerOf));
  }
  return out;
}

/** settings/vars/env of earlier imports: the data of templated import paths (spec §3.2). */
function pickPathContext(current: ValueMap, config: ValueMap): ValueMap {
  const out: Record<string, Value> = { ...current };
  for (const key of ['settings', 'vars', 'env']) {
    const v = config[key];
    if (isMap(v)) out[key] = { ...asMap(current[key]), ...v };
  }
  return out;
}

function withOverrides(component: ValueMap, overrides: ValueMap): ValueMap {
  const out = copyMap(component);
  out['overrides'] = overrides;
  return out;
}

/** The file's own body, with the final overrides attached to each component it defines (spec §6). */
function bodyLayer(file: string, body: ValueMap, final: Overrides): TracedLayer {
  const attach = OVERRIDE_TYPES.filter((t) => !isEmptyTraced(final[t]));
  if (attach.length === 0) return { value: body, sources: fileSources(file, []) };
  const components: Record<string, Value> = { ...asMap(body['components']) };
  for (const type of attach) {
    const section = components[type];
    if (!isMap(section)) continue;
    const updated: Record<string, Value> = {};
    for (const [name, c] of Object.entries(section))
      updated[name] = isMap(c) ? withOverrides(c, final[type].value) : c;
    components[type] = updated;
  }
  const own = fileSources(file, []);
  const sources: SourcesAt = (path): readonly Source[] => {
    const type = path[1] as OverrideType;
    if (path[0] === 'components' && path[3] === 'overrides' && attach.includes(type)) {
      return tracedSources(final[type].trace)(path.slice(4));
    }
    return own(path);
  };
  return { value: { ...body, components }, sources };
}
