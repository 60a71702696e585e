/**
 * The compile cache held in memory for one run: what `describe affected` uses when the on-disk cache
 * is off (`--no-cache`). Its two sides (the working tree and the base commit) are two StackSets over
 * one store, and a manifest whose files have the same contents on both sides is compiled once.
 * Validity is the disk cache's rule: every file the instances were compiled from hashes the same.
 */
import { hash } from 'node:crypto';
import type { CachedInstanceHead, CachedStack, CompileCache, InstanceDetails } from './compile-cache.js';
import { contentHasher, hashedFiles } from './compile-cache.js';
import type { DetailsKeeper } from './section-digest.js';
import { detailsKeeper, instanceDetails } from './section-digest.js';

interface Entry {
  /** The listing of stack files it was compiled against (import globs resolve against it). */
  readonly listing: string;
  readonly deps: readonly (readonly [string, string])[];
  readonly imports: readonly string[];
  readonly instances: readonly CachedInstanceHead[];
  /**
   * Digests and small sections only (small sections alone for abstract instances): a section asked for
   * is compiled again on the side that asks.
   */
  readonly details: readonly InstanceDetails[];
}

/** A stored stack: digests and small sections; a section asked for is compiled again. */
function stackOf(entry: Entry): CachedStack {
  return {
    imports: entry.imports,
    files: entry.deps.map(([f]) => f),
    instances: entry.instances,
    sections: () => undefined,
    details: () => entry.details,
  };
}

/** Entries by top-level manifest; share one between the CompileCaches of several StackSets. */
export interface MemoryStore {
  readonly entries: Map<string, Entry[]>;
  /** Keeps the details compactly (see detailsKeeper): the store holds every instance of both sides. */
  readonly keep: DetailsKeeper;
}

export function memoryStore(): MemoryStore {
  return { entries: new Map(), keep: detailsKeeper() };
}

/**
 * A view of `store` for stack files read through `readFile` (one side of a comparison), whose
 * listing of stack files is `listing`: entries are shared only between sides that list the same files.
 */
export function memoryCache(
  store: MemoryStore,
  listing: readonly string[],
  readFile: (file: string) => string | undefined,
): CompileCache {
  const scope = hash('sha1', [...listing].sort().join('\n'), 'hex');
  const hashOf = contentHasher(readFile);
  const find = (file: string): Entry | undefined =>
    store.entries.get(file)?.find((e) => e.listing === scope && e.deps.every(([f, h]) => hashOf(f) === h));
  return {
    has: (file) => find(file) !== undefined,
    get(file) {
      const entry = find(file);
      return entry && stackOf(entry);
    },
    put(file, files, imports, instances, given) {
      const deps = hashedFiles(files, hashOf);
      if (!deps) return undefined;
      const entries = store.entries.get(file) ?? [];
      const entry: Entry = {
        listing: scope,
        deps,
        imports,
        instances: compactHeads(instances),
        details: (given ?? instances.map((i) => instanceDetails(i.section))).map((d) => store.keep(d)),
      };
      entries.push(entry);
      store.entries.set(file, entries);
      // The caller keeps these instead of the compiled ones: digests only, sections dropped.
      return stackOf(entry);
    },
  };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * The instances' heads, sharing what repeats: a manifest's instances have one stack name between
 * them, and most have no deferred values or references (the store holds every instance of a run).
 */
function compactHeads(instances: readonly CachedInstanceHead[]): CachedInstanceHead[] {
  const names = new Map<string, CachedInstanceHead['stackName']>();
  return instances.map(({ type, component, stackName, deferred, references }) => {
    const key = JSON.stringify(stackName);
    let shared = names.get(key);
    if (!shared) names.set(key, (shared = stackName));
    return {
      type,
      component,
      stackName: shared,
      deferred: deferred.length ? deferred : NONE,
      references: references.length ? references : NONE,
    };
  });
}
