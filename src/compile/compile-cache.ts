/**
 * The compiler's view of a persistent cache of compiled stacks. The io layer implements it on disk
 * (src/io/compile-cache.ts); the compiler only asks for a manifest's instances and offers new ones.
 * An entry is valid only while every file it was compiled from has the same contents.
 */
import { hash } from 'node:crypto';
import type { ValueMap } from '../model/value.js';
import type { Deferred } from '../evaluate/evaluate-section.js';
import type { StackNameResult } from '../naming/stack-name.js';

/** One instance of a cached stack, without its section (kept apart so it is read only when needed). */
export interface CachedInstanceHead {
  readonly type: string;
  readonly component: string;
  readonly stackName: StackNameResult;
  readonly deferred: readonly Deferred[];
  readonly references: readonly { component: string; stack: string }[];
}

/** What can be known of an instance's sections without reading them (see section-digest.ts). */
export interface InstanceDetails {
  /**
   * A digest of each top-level section; undefined when not kept (the in-memory cache keeps none for
   * abstract instances): a digest asked for is then taken of the section, compiled again.
   */
  readonly digests?: Readonly<Record<string, string>>;
  /** The small sections in PEEKED. */
  readonly peeked: ValueMap;
}

export interface CachedStack {
  readonly imports: readonly string[];
  /** The manifest and every file it imports, transitively (stack-relative, as read). */
  readonly files: readonly string[];
  readonly instances: readonly CachedInstanceHead[];
  /**
   * The instances' sections, in the same order; undefined when not kept (the in-memory cache keeps
   * digests only) or when the stored body turns out damaged: the instance is then compiled again.
   */
  sections(): readonly ValueMap[] | undefined;
  /** Digests and small sections, in the same order, read without the body; undefined when damaged. */
  details(): readonly InstanceDetails[] | undefined;
}

/** What a stack listing needs of a manifest: its instances' names (no sections, no imports). */
export interface StackNames {
  readonly instances: readonly Pick<CachedInstanceHead, 'type' | 'component' | 'stackName'>[];
}

/**
 * What `describe stacks` printed for a manifest's listed instances, in walk order: each one's key
 * (`stack\u0000type\u0000component`) and text.
 */
export interface RenderedTexts {
  readonly keys: readonly string[];
  readonly texts: readonly (string | Uint8Array)[];
}

export interface CompileCache {
  /**
   * A manifest's instance names, if known for its current files: from the project's name index (one
   * file, so a listing reads no entry), else from its entry. Optional: a cache may not keep them.
   */
  names?(file: string): StackNames | undefined;
  /** Records names found without compiling (list stacks, quick names) from `files`, for the next run. */
  putNames?(file: string, files: readonly string[], names: StackNames): void;
  /** A top-level manifest's compiled instances, if its entry exists and is still valid. */
  get(file: string): CachedStack | undefined;
  /** Whether get would answer (cheap to ask twice: the lookup is remembered, not the sections). */
  has(file: string): boolean;
  /**
   * The texts rendered from a manifest's valid entry with `key` (the output's options), if kept.
   * Optional: a cache may not keep them.
   */
  rendered?(file: string, key: string): RenderedTexts | undefined;
  /** Whether rendered would answer (without reading the texts). */
  hasRendered?(file: string, key: string): boolean;
  /** Keeps texts rendered from the manifest's valid entry (none: nothing is kept). */
  putRendered?(file: string, key: string, rendered: RenderedTexts): void;
  /**
   * Offers a manifest's instances, compiled from `files` (stack-relative), without problems. A cache
   * may answer with the instances as it stored them, for the caller to use instead (the in-memory
   * cache does: digests, no sections); the disk cache answers nothing (reading back costs more).
   */
  put(
    file: string,
    files: readonly string[],
    imports: readonly string[],
    instances: readonly (CachedInstanceHead & { readonly section: ValueMap })[],
    /** The instances' details (section-digest.ts), when the caller computed them already. */
    details?: readonly InstanceDetails[],
  ): CachedStack | undefined;
}

/** The SHA-1 (hex) of a stack file's contents, each read once per run; undefined when missing. */
export function contentHasher(
  readFile: (file: string) => string | undefined,
): (file: string) => string | undefined {
  const hashes = new Map<string, string | undefined>();
  return (file) => {
    if (hashes.has(file)) return hashes.get(file);
    const text = readFile(file);
    const h = text === undefined ? undefined : hash('sha1', text, 'hex');
    hashes.set(file, h);
    return h;
  };
}

/** The files an entry is compiled from, sorted, with their hashes; undefined when one is missing. */
export function hashedFiles(
  files: readonly string[],
  hashOf: (file: string) => string | undefined,
): [string, string][] | undefined {
  const deps: [string, string][] = [];
  for (const f of [...files].sort()) {
    const h = hashOf(f);
    if (h === undefined) return undefined;
    deps.push([f, h]);
  }
  return deps;
}
