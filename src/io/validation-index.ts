/**
 * What `validate stacks` found, kept beside the compile cache: one file per project, run key and
 * check key (the `--strict` switch) holding, for every top-level manifest, what its instances' checks
 * found, and for every file checked on its own (YAML, manifest schema), its diagnostics and the
 * schema they were found against. A second run reads this one file instead of every stack's sections.
 *
 * A manifest's record holds while every file it was compiled from hashes the same, the environment
 * variables the run had read are unchanged, and every other input it was checked against (component
 * folders, schema files: named by the caller, which also hashes them) still hashes the same. A file's
 * record holds while the file hashes the same. Diagnostics, their source texts and the lists that
 * repeat between stacks are stored once. Saved whole and atomically when the run ends, merged with
 * records a concurrent run saved since; a damaged or foreign file is ignored.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomically } from './atomic-file.js';
import { Interned, isList } from './json-tables.js';

const MAGIC = 'STRATA-CHECKS-2';

export type FileHash = readonly [file: string, hash: string];
export type EnvValue = readonly [name: string, value: string | null];
/** An input besides the stack files (`folder:<component folder>`, `schema:<path>`) and its hash, null when absent. */
export type InputHash = readonly [input: string, hash: string | null];

/** A typed-vars problem as one manifest found it: key, diagnostic, the components it breaks (at most as many as a report names), and how many. */
export type CheckedFinding = readonly [
  key: string,
  diagnostic: Diagnostic,
  components: readonly string[],
  count: number,
];

/** What the checks of `validate stacks` found in one top-level manifest (services/validate.ts). */
export interface CheckedManifest {
  readonly instances: number;
  /** The stack its instances are named (a manifest whose instances are named differently is not recorded). */
  readonly stack: string;
  /** `type\u0000component` of each real instance, in order. */
  readonly real: readonly string[];
  readonly findings: readonly CheckedFinding[];
  /** `settings.validation` problems. */
  readonly policies: readonly Diagnostic[];
  /** What else the manifest was checked against, with the hashes they had. */
  readonly inputs: readonly InputHash[];
}

export interface ValidationIndexOptions {
  readonly path: string;
  /** The compile cache's run key and what else the checks depend on (switches, schemas). */
  readonly runKey: string;
  readonly checkKey: string;
  /** The current hash of a stack-relative file; undefined when it is missing. */
  readonly hashOf: (file: string) => string | undefined;
  /** The current hash of an input named in a record (null when absent). */
  readonly inputHash: (input: string) => string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ValidationIndex {
  /** The current hash of an input a record names (the caller's, see ValidationIndexOptions). */
  readonly inputHash: (input: string) => string | null;
  /** A manifest's record, if it still holds (see the module comment); counted as recalled. */
  lookup(file: string): ManifestRecord | undefined;
  /** Whether lookup would answer, not counted. */
  holds(file: string): boolean;
  /** How many lookups answered. */
  recalled(): number;
  learn(file: string, deps: readonly FileHash[], env: readonly EnvValue[], checked: CheckedManifest): void;
  /** What the checks of a file on its own found against `schema`, if its contents are what they were. */
  fileChecks(file: string, schema: string): CheckedFile | undefined;
  learnFile(file: string, schema: string, found: CheckedFile): void;
  /** What this run learned, as plain data (a worker thread's part: its main thread saves it). */
  learned(): LearnedRecord[];
  adopt(records: readonly LearnedRecord[]): void;
  /** Writes the index if the run learned anything; a failure to write only costs speed. */
  save(): void;
}

/** What the checks of one file on its own found (services/validate-manifests.ts). */
export interface CheckedFile {
  readonly yaml: readonly Diagnostic[];
  readonly schema: readonly Diagnostic[];
}

/** A checked file as stored: its hash, the schema it was checked against, its diagnostics by number. */
type StoredFile = readonly [hash: string, schema: string, yaml: readonly number[], schema: readonly number[]];

/** A diagnostic as stored: its source text by number. */
type StoredDiagnostic = Omit<Diagnostic, 'source'> & { readonly source?: number };

/** A typed-vars finding as stored: key (index into the texts), diagnostic, components (index into the lists), count. */
type StoredFinding = readonly [key: number, diagnostic: number, components: number, count: number];

interface StoredManifest {
  /** Indices into the file table. */
  readonly deps: readonly number[];
  readonly env: readonly EnvValue[];
  /** Index into the input sets. */
  readonly inputs: number;
  readonly instances: number;
  readonly stack: string;
  /** Index into the lists. */
  readonly real: number;
  /** Indices into the findings. */
  readonly findings: readonly number[];
  readonly policies: readonly number[];
}

/**
 * The tables hold what repeats between stacks once: stacks that import the same catalog have the same
 * findings, components and inputs.
 */
interface IndexFile {
  readonly magic: string;
  readonly runKey: string;
  readonly checkKey: string;
  readonly files: readonly FileHash[];
  readonly texts: readonly string[];
  readonly diagnostics: readonly StoredDiagnostic[];
  readonly lists: readonly (readonly string[])[];
  readonly inputSets: readonly (readonly InputHash[])[];
  readonly findings: readonly StoredFinding[];
  readonly stacks: Readonly<Record<string, StoredManifest>>;
  readonly sources: Readonly<Record<string, StoredFile>>;
}

/** A manifest's record: the files it was compiled from with their hashes, the environment it read, what its checks found. */
export interface ManifestRecord {
  readonly deps: readonly FileHash[];
  readonly env: readonly EnvValue[];
  readonly checked: CheckedManifest;
}

interface LearnedFile {
  readonly hash: string;
  readonly schema: string;
  readonly found: CheckedFile;
}

/** A manifest's record as a worker thread passes it on. */
export type LearnedRecord = readonly [file: string, record: ManifestRecord];

export function validationIndex(options: ValidationIndexOptions): ValidationIndex {
  let loaded: Opened | undefined | null = null;
  const load = () => (loaded === null ? (loaded = readIndex(options)) : loaded);
  const learned = new Map<string, ManifestRecord>();
  const learnedFiles = new Map<string, LearnedFile>();
  let recalled = 0;
  const pairs = new Map<string, readonly [string, string | null]>();
  const pair = <T extends readonly [string, string | null]>(p: T): T => {
    const key = `${p[0]}\u0000${p[1]}`;
    const known = pairs.get(key);
    if (known) return known as T;
    pairs.set(key, p);
    return p;
  };
  const find = (file: string): ManifestRecord | undefined => {
    const index = load();
    const record = index && Object.hasOwn(index.stacks, file) ? index.stacks[file] : undefined;
    if (!index || !record) return undefined;
    const decoded = decodeManifest(index, record);
    if (!decoded) return undefined;
    for (const [dep, hash] of decoded.deps) if (options.hashOf(dep) !== hash) return undefined;
    for (const [name, value] of decoded.env) if ((options.env[name] ?? null) !== value) return undefined;
    for (const [input, hash] of decoded.checked.inputs)
      if (options.inputHash(input) !== hash) return undefined;
    return decoded;
  };
  return {
    inputHash: options.inputHash,
    lookup(file) {
      const found = find(file);
      if (found) recalled++;
      return found;
    },
    holds: (file) => find(file) !== undefined,
    recalled: () => recalled,
    learn(file, deps, env, checked) {
      // Most pairs are the same in every record (the catalog's files, the component folders): held once.
      const inputs = checked.inputs.map(pair);
      learned.set(file, { deps: deps.map(pair), env, checked: { ...checked, inputs } });
    },
    fileChecks(file, schema) {
      const index = load();
      const record =
        index && Object.hasOwn(index.sources, file) ? decodeFile(index, index.sources[file]!) : undefined;
      return record && record.schema === schema && options.hashOf(file) === record.hash
        ? record.found
        : undefined;
    },
    learnFile(file, schema, found) {
      const hash = options.hashOf(file);
      if (hash !== undefined) learnedFiles.set(file, { hash, schema, found });
    },
    learned: () => [...learned],
    adopt(records) {
      for (const [file, l] of records) learned.set(file, l);
    },
    save() {
      if (learned.size === 0 && learnedFiles.size === 0) return;
      // Read again, not as loaded: records a concurrent run saved since are kept.
      const index = readIndex(options);
      const stacks = new Map<string, ManifestRecord>();
      const sources = new Map<string, LearnedFile>();
      for (const [file, record] of Object.entries(index?.stacks ?? {})) {
        const decoded = learned.has(file) ? undefined : decodeManifest(index!, record);
        if (decoded) stacks.set(file, decoded);
      }
      for (const [file, record] of Object.entries(index?.sources ?? {})) {
        const decoded = learnedFiles.has(file) ? undefined : decodeFile(index!, record);
        if (decoded) sources.set(file, decoded);
      }
      for (const [file, l] of learned) stacks.set(file, l);
      for (const [file, l] of learnedFiles) sources.set(file, l);
      try {
        mkdirSync(dirname(options.path), { recursive: true });
        writeFileAtomically(options.path, JSON.stringify(encode(options, stacks, sources)));
      } catch {
        // an unwritable cache folder only costs speed
      }
      learned.clear();
      learnedFiles.clear();
      loaded = null;
    },
  };
}

function encode(
  options: ValidationIndexOptions,
  stacks: ReadonlyMap<string, ManifestRecord>,
  sources: ReadonlyMap<string, LearnedFile>,
): IndexFile {
  const files = new Interned<FileHash>((f) => `${f[0]}\u0000${f[1]}`);
  const texts = new Interned<string>((t) => t);
  const diagnostics = new Interned<StoredDiagnostic>((d) => JSON.stringify(d));
  const lists = new Interned<readonly string[]>((l) => l.join('\u0000'));
  const inputSets = new Interned<readonly InputHash[]>((l) => JSON.stringify(l));
  const storedFindings = new Interned<StoredFinding>((l) => l.join(' '));
  // Records share their objects (the same problem in every stack it repeats in, a record set read
  // back): each is keyed once.
  const diagnostic = once((d: Diagnostic) => {
    const { source, ...rest } = d;
    return diagnostics.id(source === undefined ? rest : { ...rest, source: texts.id(source) });
  });
  const list = once((l: readonly string[]) => lists.id(l));
  const inputs = once((l: readonly InputHash[]) => inputSets.id(l));
  const finding = once(([key, d, components, count]: CheckedFinding) =>
    storedFindings.id([texts.id(key), diagnostic(d), list(components), count]),
  );
  const stored: Record<string, StoredManifest> = {};
  for (const [file, { deps, env, checked }] of [...stacks].sort(([a], [b]) => (a < b ? -1 : 1))) {
    stored[file] = {
      deps: deps.map((d) => files.id(d)),
      env,
      inputs: inputs(checked.inputs),
      instances: checked.instances,
      stack: checked.stack,
      real: list(checked.real),
      findings: checked.findings.map(finding),
      policies: checked.policies.map(diagnostic),
    };
  }
  const checkedFiles: Record<string, StoredFile> = {};
  for (const [file, { hash, schema, found }] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1)))
    checkedFiles[file] = [hash, schema, found.yaml.map(diagnostic), found.schema.map(diagnostic)];
  return {
    magic: MAGIC,
    runKey: options.runKey,
    checkKey: options.checkKey,
    files: files.items,
    texts: texts.items,
    diagnostics: diagnostics.items,
    lists: lists.items,
    inputSets: inputSets.items,
    findings: storedFindings.items,
    stacks: stored,
    sources: checkedFiles,
  };
}

/** `f`, computed once per object. */
function once<T extends object>(f: (value: T) => number): (value: T) => number {
  const known = new Map<T, number>();
  return (value) => {
    let id = known.get(value);
    if (id === undefined) known.set(value, (id = f(value)));
    return id;
  };
}

/** A stored record as data; undefined when any part of it is not what was written. */
function decodeManifest(index: Opened, record: StoredManifest): ManifestRecord | undefined {
  if (
    !isList(record.deps) ||
    !isList(record.env) ||
    !isList(record.policies) ||
    !isList(record.findings) ||
    typeof record.instances !== 'number' ||
    typeof record.stack !== 'string'
  )
    return undefined;
  const deps = record.deps.map((i) => index.files[i]);
  const real = index.lists[record.real];
  const inputs = index.inputSets[record.inputs];
  const findings = record.findings.map((id) => findingOf(index, id));
  const policies = decodeDiagnostics(index, record.policies);
  if (
    deps.some((d) => !isList(d)) ||
    !isList(real) ||
    !isList(inputs) ||
    findings.some((f) => !f) ||
    !policies
  )
    return undefined;
  return {
    deps: deps as FileHash[],
    env: record.env,
    checked: {
      instances: record.instances,
      stack: record.stack,
      real: real!,
      findings: findings as CheckedFinding[],
      policies,
      inputs: inputs!,
    },
  };
}

/** A finding, decoded once per index read (the records that share it share the result). */
function findingOf(index: Opened, id: number): CheckedFinding | undefined {
  if (index.decodedFindings.has(id)) return index.decodedFindings.get(id);
  const stored = index.findings[id];
  const [key, d, components, count] = isList(stored) ? stored! : [];
  const text = key === undefined ? undefined : index.texts[key];
  const diagnostic = d === undefined ? undefined : index.decoded[d];
  const list = components === undefined ? undefined : index.lists[components];
  const finding: CheckedFinding | undefined =
    typeof text === 'string' && diagnostic && isList(list) && typeof count === 'number'
      ? [text, diagnostic, list!, count]
      : undefined;
  index.decodedFindings.set(id, finding);
  return finding;
}

function decodeFile(index: Opened, record: StoredFile): LearnedFile | undefined {
  if (!isList(record) || record.length !== 4) return undefined;
  const [hash, schema, yamlIds, schemaIds] = record;
  const yaml = decodeDiagnostics(index, yamlIds);
  const found = decodeDiagnostics(index, schemaIds);
  return typeof hash === 'string' && typeof schema === 'string' && yaml && found
    ? { hash, schema, found: { yaml, schema: found } }
    : undefined;
}

function decodeDiagnostics(index: Opened, ids: readonly number[]): Diagnostic[] | undefined {
  if (!isList(ids)) return undefined;
  const out: Diagnostic[] = [];
  for (const id of ids) {
    const d = index.decoded[id];
    if (!d) return undefined;
    out.push(d);
  }
  return out;
}

/** Each stored diagnostic with its source text, once (records share them); undefined where damaged. */
function diagnosticTable(index: IndexFile): (Diagnostic | undefined)[] {
  return index.diagnostics.map((stored) => {
    if (!stored || typeof stored !== 'object' || typeof stored.message !== 'string') return undefined;
    if (stored.source === undefined) return stored as Diagnostic;
    const source = index.texts[stored.source];
    return typeof source === 'string' ? { ...stored, source } : undefined;
  });
}

/** An index file as read, with its diagnostics decoded. */
interface Opened extends IndexFile {
  readonly decoded: readonly (Diagnostic | undefined)[];
  /** Findings decoded so far (undefined: damaged). */
  readonly decodedFindings: Map<number, CheckedFinding | undefined>;
}

function readIndex(options: ValidationIndexOptions): Opened | undefined {
  try {
    const index = JSON.parse(readFileSync(options.path, 'utf8')) as IndexFile;
    if (index.magic !== MAGIC || index.runKey !== options.runKey || index.checkKey !== options.checkKey)
      return undefined;
    if (
      !isList(index.files) ||
      !isList(index.texts) ||
      !isList(index.diagnostics) ||
      !isList(index.lists) ||
      !isList(index.inputSets) ||
      !isList(index.findings) ||
      typeof index.stacks !== 'object' ||
      index.stacks === null ||
      typeof index.sources !== 'object' ||
      index.sources === null
    )
      return undefined;
    return { ...index, decoded: diagnosticTable(index), decodedFindings: new Map() };
  } catch {
    return undefined;
  }
}
