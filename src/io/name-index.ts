/**
 * The compile cache's name index: one file per project and run key holding, for every top-level
 * manifest, the names of its instances and the files they came from (by hash), so `list stacks` and
 * stack-name lookups read one file instead of every entry's header. A record is used only while
 * every file it came from hashes the same and the environment variables it read are unchanged.
 * Learned records are written when the run ends (whole file, atomically); records of earlier runs
 * that this run did not check are kept as they were. A damaged or foreign index is ignored.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StackNames } from '../compile/compile-cache.js';
import type { StackNameResult } from '../naming/stack-name.js';
import { writeFileAtomically } from './atomic-file.js';
import { Interned, isList } from './json-tables.js';

const MAGIC = 'STRATA-INDEX-1';

type FileHash = readonly [file: string, hash: string];
type EnvValue = readonly [name: string, value: string | null];

interface IndexRecord {
  /** Indices into the index's file table. */
  readonly deps: readonly number[];
  readonly env: readonly EnvValue[];
  readonly names: readonly StackNameResult[];
  /** Runs of instances in order: type, index into `names`, index into the index's component lists. */
  readonly runs: readonly (readonly [string, number, number])[];
}

interface IndexFile {
  readonly magic: string;
  readonly runKey: string;
  readonly files: readonly FileHash[];
  /** Lists of component names, shared by the stacks that import the same catalog. */
  readonly lists: readonly (readonly string[])[];
  readonly stacks: Readonly<Record<string, IndexRecord>>;
}

export interface NameIndexOptions {
  readonly path: string;
  readonly runKey: string;
  /** The current hash of a stack-relative file; undefined when it is missing. */
  readonly hashOf: (file: string) => string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface NameIndex {
  /** A manifest's names, if its record still holds for the current files and environment. */
  lookup(file: string): StackNames | undefined;
  /** Names of a manifest compiled from `deps` with `env` read, to be written by save. */
  learn(file: string, deps: readonly FileHash[], env: readonly EnvValue[], names: StackNames): void;
  /** Writes the index if the run learned anything; a failure to write only costs speed. */
  save(): void;
}

export function nameIndex(options: NameIndexOptions): NameIndex {
  let loaded: IndexFile | undefined | null = null;
  const load = () => (loaded === null ? (loaded = readIndex(options.path, options.runKey)) : loaded);
  const learned = new Map<
    string,
    { deps: readonly FileHash[]; env: readonly EnvValue[]; names: StackNames }
  >();
  return {
    lookup(file) {
      const index = load();
      const record = index?.stacks[file];
      if (!index || !record || !isList(record.deps) || !isList(record.runs) || !isList(record.env))
        return undefined;
      for (const i of record.deps) {
        const dep = index.files[i];
        if (!dep || options.hashOf(dep[0]) !== dep[1]) return undefined;
      }
      for (const [name, value] of record.env) if ((options.env[name] ?? null) !== value) return undefined;
      const instances: { type: string; component: string; stackName: StackNameResult }[] = [];
      for (const [type, n, list] of record.runs) {
        const stackName = record.names[n];
        const components = index.lists[list];
        if (!stackName || !components || !isList(components)) return undefined;
        for (const component of components) instances.push({ type, component, stackName });
      }
      return { instances };
    },
    learn(file, deps, env, names) {
      learned.set(file, { deps, env, names });
    },
    save() {
      if (learned.size === 0) return;
      // Read again, not as loaded: records a concurrent run saved since are kept.
      const index = readIndex(options.path, options.runKey);
      const table = new Interned<FileHash>((f) => `${f[0]}\u0000${f[1]}`);
      const lists = new Interned<readonly string[]>((l) => l.join('\u0000'));
      const stacks: Record<string, IndexRecord> = {};
      for (const [file, r] of Object.entries(index?.stacks ?? {})) {
        if (learned.has(file) || !isList(r.runs) || !isList(r.deps)) continue;
        const deps = r.deps.map((i) => index!.files[i]);
        const runs = r.runs.map(([type, n, list]) => [type, n, index!.lists[list]] as const);
        if (deps.some((d) => d === undefined) || runs.some((run) => run[2] === undefined || !isList(run[2])))
          continue;
        stacks[file] = {
          ...r,
          deps: deps.map((d) => table.id(d!)),
          runs: runs.map(([type, n, list]) => [type, n, lists.id(list!)] as const),
        };
      }
      for (const [file, { deps, env, names }] of learned) {
        const distinct = new Interned<StackNameResult>((n) => JSON.stringify(n));
        const runs: [string, number, string[]][] = [];
        for (const { type, component, stackName } of names.instances) {
          const n = distinct.id(stackName);
          const last = runs[runs.length - 1];
          if (last && last[0] === type && last[1] === n) last[2].push(component);
          else runs.push([type, n, [component]]);
        }
        stacks[file] = {
          deps: deps.map((d) => table.id(d)),
          env,
          names: distinct.items,
          runs: runs.map(([type, n, list]) => [type, n, lists.id(list)] as const),
        };
      }
      const sorted = Object.fromEntries(Object.entries(stacks).sort(([a], [b]) => (a < b ? -1 : 1)));
      const out: IndexFile = {
        magic: MAGIC,
        runKey: options.runKey,
        files: table.items,
        lists: lists.items,
        stacks: sorted,
      };
      try {
        mkdirSync(dirname(options.path), { recursive: true });
        writeFileAtomically(options.path, JSON.stringify(out));
      } catch {
        // an unwritable cache folder only costs speed
      }
      learned.clear();
    },
  };
}

function readIndex(path: string, runKey: string): IndexFile | undefined {
  try {
    const index = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
    if (index.magic !== MAGIC || index.runKey !== runKey) return undefined;
    if (
      !isList(index.files) ||
      !isList(index.lists) ||
      typeof index.stacks !== 'object' ||
      index.stacks === null
    )
      return undefined;
    return index;
  } catch {
    return undefined;
  }
}
