/**
 * The on-disk compile cache: one file per top-level stack manifest, holding its compiled instances and
 * the content hash of every file they were compiled from. An entry is used only if the run key
 * (Strata's code, the resolved CLI config, the evaluation switches, the listing of stack files) and
 * every recorded file hash and environment variable still match; anything unreadable, truncated,
 * foreign or from another version is ignored and rebuilt. Entries are written to a temporary file and
 * renamed, so concurrent runs never see half an entry.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type {
  CachedInstanceHead,
  CachedStack,
  CompileCache,
  InstanceDetails,
  StackNames,
} from '../compile/compile-cache.js';
import { contentHasher, hashedFiles } from '../compile/compile-cache.js';
import { writeFileAtomically } from './atomic-file.js';
import { nameIndex } from './name-index.js';
import { readRendered, writeRendered } from './rendered-file.js';
import type { EnvValue, FileHash, ValidationIndex } from './validation-index.js';
import { validationIndex } from './validation-index.js';
import { detailsKeeper, instanceDetails } from '../compile/section-digest.js';
import type { DetailsKeeper } from '../compile/section-digest.js';
import type { ValueMap } from '../model/value.js';
import { stringInterner } from '../model/value.js';
import type { StackNameResult } from '../naming/stack-name.js';

const MAGIC = Buffer.from('STRATA-CACHE-3\n');

interface Header {
  readonly runKey: string;
  readonly file: string;
  readonly deps: readonly (readonly [string, string])[];
  readonly env: readonly (readonly [string, string | null])[];
  readonly imports: readonly string[];
  /** The distinct stack names of the instances (usually one). */
  readonly names: readonly StackNameResult[];
  /** Per instance: type, component, index into `names`, and its deferred values and references if any. */
  readonly rows: readonly Row[];
  readonly bodyHash: string;
  /** Bytes of the details block (digests and small sections) between the header and the body. */
  readonly detailsLength: number;
  readonly detailsHash: string;
}

type Row =
  | readonly [string, string, number]
  | readonly [string, string, number, Pick<CachedInstanceHead, 'deferred' | 'references'>];

const NO_EXTRA: Pick<CachedInstanceHead, 'deferred' | 'references'> = { deferred: [], references: [] };

/** Compact rows: a stack's instances share their stack name, and most have no deferred values. */
function toRows(instances: readonly CachedInstanceHead[]): { names: StackNameResult[]; rows: Row[] } {
  const names: StackNameResult[] = [];
  const keys = new Map<string, number>();
  const rows = instances.map(({ type, component, stackName, deferred, references }): Row => {
    const key = JSON.stringify(stackName);
    let n = keys.get(key);
    if (n === undefined) keys.set(key, (n = names.push(stackName) - 1));
    return deferred.length || references.length
      ? [type, component, n, { deferred, references }]
      : [type, component, n];
  });
  return { names, rows };
}

function fromRows(header: Header, intern: (name: string) => string = (n) => n): CachedInstanceHead[] {
  return header.rows.map((r) => ({
    type: intern(r[0]),
    component: intern(r[1]),
    stackName: header.names[r[2]]!,
    ...(r[3] ?? NO_EXTRA),
  }));
}

export interface DiskCacheOptions {
  /** The cache folder of this project. */
  readonly dir: string;
  /** Everything a compile depends on besides the manifests' files (config, switches, listing...). */
  readonly runKey: string;
  /** Text of a stack-relative file; undefined when missing. */
  readonly readFile: (file: string) => string | undefined;
  /** Environment variables read so far in this run, with their values (undefined when unset). */
  readonly envRead: () => ReadonlyMap<string, string | undefined>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * How read details are held (default: a keeper of this cache's own). The two sides of describe
   * affected share one, so the digests their unchanged instances have in common are held once.
   */
  readonly keep?: DetailsKeeper;
  /** Entries kept before the oldest are pruned (default 1,000); a few per stack file of the project. */
  readonly capacity?: number;
  /** False once the run has read something that cannot be keyed by content (`!exec`...): nothing more is written. */
  readonly pure?: () => boolean;
}

/** The disk cache; entries are written as they are offered, and `flush` prunes old ones at the end of a run. */
export interface DiskCache extends CompileCache {
  flush(): void;
  /** How this cache holds the details it reads (see DiskCacheOptions.keep). */
  readonly keep: DetailsKeeper;
  /** Stacks read from the cache, stacks that had to be compiled, and stored sections read, so far. */
  stats(): CacheStats;
  /** Adds the counters of another thread's cache of this run (worker threads of describe stacks). */
  absorb(stats: CacheStats): void;
  /**
   * What a result computed now from `files` (stack-relative) holds for: their hashes and the
   * environment variables read so far. Undefined when a file is missing or the run has read something
   * that cannot be keyed by content: such a result is not kept.
   */
  dependencies(files: readonly string[]): { deps: FileHash[]; env: EnvValue[] } | undefined;
  /**
   * What `validate stacks` found, for `checkKey` (validation-index.ts); saved by flush. One index per
   * check key for the run: the first caller's `inputHash` is the one it uses.
   */
  validations(checkKey: string, inputHash: (input: string) => string | null): ValidationIndex;
}

export interface CacheStats {
  readonly reused: number;
  readonly missed: number;
  readonly bodies: number;
  /** Manifests `validate stacks` took from its records (validation-index.ts), not checked again. */
  readonly recalled: number;
}

export function diskCache(options: DiskCacheOptions): DiskCache {
  const hashOf = contentHasher(options.readFile);
  // Details of every instance may be held at once (describe affected): kept compactly, and the
  // instances' type and component names once each.
  const keep = options.keep ?? detailsKeeper();
  const intern = stringInterner();
  let written = 0;
  let folder: boolean | undefined;
  // An entry's name: `<run key, manifest path and contents>-<every file it was compiled from>`.
  // Versions of a manifest compiled against different imports (two branches, the two sides of
  // describe affected) or with other switches (describe affected compiles without Phase C) have
  // entries side by side; a lookup tries those of the manifest's current contents and this run key.
  const prefixOf = (file: string) => {
    const own = hashOf(file);
    return own === undefined ? undefined : sha(`${options.runKey}\u0000${file}\u0000${own}`).slice(0, 24);
  };
  let listing: Map<string, string[]> | undefined;
  const candidates = (prefix: string): string[] => {
    if (!listing) {
      listing = new Map();
      let names: string[] = [];
      try {
        names = readdirSync(options.dir);
      } catch {
        // no cache yet
      }
      for (const n of names.sort()) {
        const m = /^([0-9a-f]{24})-[0-9a-f]{16}\.bin$/.exec(n);
        if (!m) continue;
        const list = listing.get(m[1]!) ?? [];
        list.push(join(options.dir, n));
        listing.set(m[1]!, list);
      }
    }
    return listing.get(prefix) ?? [];
  };
  const counts = { reused: 0, missed: 0, bodies: 0, recalled: 0 };
  const valid = (file: string, header: Header): boolean => {
    if (header.runKey !== options.runKey || header.file !== file) return false;
    for (const [dep, hash] of header.deps) if (hashOf(dep) !== hash) return false;
    for (const [name, value] of header.env) if ((options.env[name] ?? null) !== value) return false;
    return true;
  };

  // Headers found, by manifest (never sections: those are read per CachedStack and dropped with it).
  const found = new Map<string, ReturnType<typeof readEntry>>();
  // The entry of each manifest this run read or wrote, for the texts kept beside it: its file, and
  // the digest of its header, which the texts name (an entry rewritten in place, for other values of
  // the environment, is another entry).
  const entries = new Map<string, { readonly path: string; readonly id: string }>();
  const rendering = (file: string, key: string) => {
    if (!entries.has(file)) lookup(file);
    const entry = entries.get(file);
    return (
      entry && { path: `${entry.path.slice(0, -'.bin'.length)}.r${sha(key).slice(0, 12)}`, id: entry.id }
    );
  };
  const lookup = (file: string): ReturnType<typeof readEntry> => {
    if (found.has(file)) return found.get(file);
    const prefix = prefixOf(file);
    let entry: ReturnType<typeof readEntry>;
    for (const path of prefix === undefined ? [] : candidates(prefix)) {
      const e = readEntry(path);
      if (e && valid(file, e.header)) {
        entry = e;
        touch(path, e.mtimeMs);
        entries.set(file, { path, id: e.id });
        break;
      }
    }
    found.set(file, entry);
    return entry;
  };

  // The environment variables read so far, with their values: what an entry (and a name record) is
  // valid for.
  const envSoFar = () =>
    [...options.envRead()].map(([k, v]) => [k, v ?? null] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const index = nameIndex({
    path: join(options.dir, `index-${sha(options.runKey).slice(0, 16)}.json`),
    runKey: options.runKey,
    hashOf,
    env: options.env,
  });
  const validations = new Map<string, ValidationIndex>();

  return {
    names(file) {
      const known = index.lookup(file);
      if (known) {
        counts.reused++;
        return known;
      }
      const entry = lookup(file);
      if (!entry) return undefined;
      counts.reused++;
      const names = { instances: fromRows(entry.header).map(nameOnly) };
      index.learn(file, entry.header.deps, entry.header.env, names);
      return names;
    },
    putNames(file, files, names) {
      const deps = hashedFiles(files, hashOf);
      if (!deps || (options.pure && !options.pure())) return;
      index.learn(file, deps, envSoFar(), names);
    },
    keep,
    stats: () => ({
      ...counts,
      recalled: counts.recalled + [...validations.values()].reduce((n, v) => n + v.recalled(), 0),
    }),
    absorb(stats) {
      counts.reused += stats.reused;
      counts.missed += stats.missed;
      counts.bodies += stats.bodies;
      counts.recalled += stats.recalled;
    },
    has: (file) => lookup(file) !== undefined,
    get(file) {
      const entry = lookup(file);
      if (!entry) {
        counts.missed++;
        return undefined;
      }
      counts.reused++;
      const { header, read } = entry;
      let sections: readonly ValueMap[] | undefined | null = null;
      let details: readonly InstanceDetails[] | undefined | null = null;
      const stack: CachedStack = {
        imports: header.imports,
        files: header.deps.map(([f]) => f),
        instances: fromRows(header, intern),
        sections: () => {
          if (sections === null) counts.bodies++;
          if (sections === null)
            sections = readBody(read(header.detailsLength), header.bodyHash, header.rows.length);
          return sections;
        },
        details: () => {
          if (details === null) {
            details =
              keep.blocks.get(header.detailsHash) ??
              readDetails(read(0, header.detailsLength), header.detailsHash, header.rows.length, keep);
            if (details) keep.blocks.set(header.detailsHash, details);
          }
          return details;
        },
      };
      return stack;
    },
    put(file, files, imports, instances, given) {
      const deps = hashedFiles(files, hashOf);
      if (!deps) return undefined;
      // Written now, not at the end of the run: a run never holds every stack's sections, and the
      // stacks that compiled are kept even when another one fails. An entry depends only on its own
      // compile (the caller offers only stacks compiled without problems) and on the environment
      // variables read so far, which include every one it read.
      if (options.pure && !options.pure()) return undefined;
      folder ??= ensureFolder(options.dir);
      if (!folder) return undefined; // An unwritable cache folder only costs speed.
      const details = Buffer.from(JSON.stringify(given ?? instances.map((i) => instanceDetails(i.section))));
      const body = serialize(instances.map((i) => i.section));
      const env = envSoFar();
      const header: Header = {
        file,
        deps,
        imports,
        ...toRows(instances),
        runKey: options.runKey,
        env,
        bodyHash: shaBytes(body),
        detailsLength: details.length,
        detailsHash: shaBytes(details),
      };
      const prefix = prefixOf(file);
      if (!prefix) return undefined;
      const path = join(options.dir, `${prefix}-${sha(JSON.stringify(deps)).slice(0, 16)}.bin`);
      const headerBytes = Buffer.from(JSON.stringify(header));
      writeEntry(path, headerBytes, [details, body]);
      entries.set(file, { path, id: shaBytes(headerBytes) });
      written++;
      index.learn(file, deps, env, { instances: instances.map(nameOnly) });
      return undefined; // the caller keeps its instances: reading them back costs more
    },
    rendered(file, key) {
      const at = rendering(file, key);
      return at && readRendered(at.path, at.id, key);
    },
    hasRendered(file, key) {
      const at = rendering(file, key);
      return at !== undefined && existsSync(at.path);
    },
    putRendered(file, key, rendered) {
      const at = rendering(file, key);
      if (at === undefined || (options.pure && !options.pure())) return;
      writeRendered(at.path, at.id, key, rendered);
    },
    dependencies(files) {
      const deps = hashedFiles(files, hashOf);
      if (!deps || (options.pure && !options.pure())) return undefined;
      return { deps, env: envSoFar() };
    },
    validations(checkKey, inputHash) {
      let v = validations.get(checkKey);
      if (!v) {
        v = validationIndex({
          path: join(options.dir, `checks-${sha(`${options.runKey}\u0000${checkKey}`).slice(0, 16)}.json`),
          runKey: options.runKey,
          checkKey,
          hashOf,
          inputHash,
          env: options.env,
        });
        validations.set(checkKey, v);
      }
      return v;
    },
    flush() {
      index.save();
      for (const v of validations.values()) v.save();
      if (written > 0) prune(options.dir, Math.max(1000, options.capacity ?? 0, 2 * written));
      written = 0;
    },
  };
}

function ensureFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/** Reads an entry's header; its body is read from the same file only when asked for. */
function readEntry(path: string):
  | {
      header: Header;
      /** The digest of the header: the entry's identity. */
      id: string;
      mtimeMs: number;
      read: (from: number, length?: number) => Buffer | undefined;
    }
  | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const prefix = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, prefix, 0, prefix.length, 0) !== prefix.length) return undefined;
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    const start = prefix.length;
    if (start + headerLength > size) return undefined;
    const headerBytes = Buffer.alloc(headerLength);
    if (readSync(fd, headerBytes, 0, headerLength, start) !== headerLength) return undefined;
    const header = JSON.parse(headerBytes.toString('utf8')) as unknown;
    if (!isHeader(header)) return undefined;
    const after = start + headerLength;
    return {
      header,
      id: shaBytes(headerBytes),
      mtimeMs,
      // What follows the header, from `from`: read again by path (a concurrent run may have replaced
      // the file, which the hashes catch).
      read: (from, length) => {
        try {
          if (length === undefined) return readFileSync(path).subarray(after + from);
          const fd2 = openSync(path, 'r');
          try {
            const buf = Buffer.alloc(length);
            return readSync(fd2, buf, 0, length, after + from) === length ? buf : undefined;
          } finally {
            closeSync(fd2);
          }
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readBody(body: Buffer | undefined, hash: string, count: number): readonly ValueMap[] | undefined {
  if (!body || shaBytes(body) !== hash) return undefined;
  try {
    const sections = deserialize(body) as unknown;
    return Array.isArray(sections) && sections.length === count ? (sections as ValueMap[]) : undefined;
  } catch {
    return undefined;
  }
}

function readDetails(
  bytes: Buffer | undefined,
  hash: string,
  count: number,
  keep: DetailsKeeper,
): readonly InstanceDetails[] | undefined {
  if (!bytes || shaBytes(bytes) !== hash) return undefined;
  try {
    const details = JSON.parse(bytes.toString('utf8')) as unknown;
    return Array.isArray(details) && details.length === count
      ? (details as InstanceDetails[]).map(keep)
      : undefined;
  } catch {
    return undefined;
  }
}

function isHeader(h: unknown): h is Header {
  if (h === null || typeof h !== 'object') return false;
  const o = h as Record<string, unknown>;
  return (
    typeof o['runKey'] === 'string' &&
    typeof o['file'] === 'string' &&
    typeof o['bodyHash'] === 'string' &&
    typeof o['detailsHash'] === 'string' &&
    typeof o['detailsLength'] === 'number' &&
    Array.isArray(o['deps']) &&
    Array.isArray(o['env']) &&
    Array.isArray(o['imports']) &&
    Array.isArray(o['names']) &&
    Array.isArray(o['rows'])
  );
}

/**
 * Marks an entry as used (its modification time), at most once a minute, so pruning removes the
 * least recently used entries, not the least recently written: the base commit's entries of
 * `describe affected` are written once and then only read.
 */
function touch(path: string, mtimeMs: number): void {
  const now = Date.now();
  if (now - mtimeMs < 60_000) return;
  try {
    utimesSync(path, now / 1000, now / 1000);
  } catch {
    // read-only or removed meanwhile: pruning may take it earlier, which only costs speed
  }
}

/**
 * Old versions of entries accumulate as manifests change; past `capacity`, the least recently
 * used are removed (see touch), down to three quarters of it.
 */
function prune(dir: string, capacity: number): void {
  let all: string[];
  try {
    all = readdirSync(dir);
  } catch {
    return;
  }
  const names = all.filter((n) => n.endsWith('.bin'));
  if (names.length <= capacity) return;
  const byAge = names
    .map((n) => {
      try {
        return { n, t: statSync(join(dir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    })
    .sort((a, b) => a.t - b.t);
  const removed = new Set<string>();
  for (const { n } of byAge.slice(0, names.length - Math.floor((capacity * 3) / 4))) {
    removed.add(n.slice(0, -'.bin'.length));
    remove(join(dir, n));
  }
  // The texts kept beside an entry (`<entry>.r<key>`) go with it.
  for (const n of all) {
    const m = /^(.+)\.r[0-9a-f]{12}$/.exec(n);
    if (m && removed.has(m[1]!)) remove(join(dir, n));
  }
}

function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // another run removed it
  }
}

function writeEntry(path: string, header: Buffer, body: readonly Buffer[]): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  try {
    writeFileAtomically(path, [MAGIC, length, header, ...body]);
  } catch {
    // an unwritable cache folder only costs speed
  }
}

/** What the name index keeps of an instance (not its section, which must not outlive the compile). */
function nameOnly({ type, component, stackName }: CachedInstanceHead): StackNames['instances'][number] {
  return { type, component, stackName };
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function shaBytes(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** `$STRATA_CACHE_DIR`, else `$XDG_CACHE_HOME/strata` (or ~/.cache/strata), one folder per project. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>, projectRoot: string): string {
  const root = env['STRATA_CACHE_DIR'] || join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'strata');
  return join(root, sha(projectRoot).slice(0, 16));
}

/**
 * An identity of the running Strata build: the sizes and modification times of its compiled files, so
 * a rebuilt or upgraded Strata never reads entries an older one wrote.
 */
export function codeIdentity(): string {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        const st = statSync(p);
        parts.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(root);
  return sha(parts.join('\n'));
}
