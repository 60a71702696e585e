/**
 * `describe stacks --format json` on several threads: the manifests are cut into contiguous parts; the
 * main thread compiles the first while worker threads (stacks-worker.ts) compile the others, each
 * rendering into its own spool file; the parts are then put together in manifest order, so the output
 * is byte-identical to a single-threaded run. A part that meets a problem (a YAML error, a missing
 * import, a component that cannot be layered...) stops every thread, and the whole run is done again on
 * one thread, which reports the problems exactly as it always does.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { loadManifests } from '../compile/instance.js';
import type { DescribeStacksOptions } from '../describe/describe-stacks.js';
import type { SpooledInstance, SpooledStacks, TextSpool } from '../describe/spooled-stacks.js';
import { UnspoolableName, assembleStacks, spoolInstances } from '../describe/spooled-stacks.js';
import type { OutputFormat } from '../describe/format.js';
import type { CacheStats } from '../io/compile-cache.js';
import type { FileSpool, SpoolLayout } from '../io/text-spool.js';
import { sharedSpoolReader, spoolFolder } from '../io/text-spool.js';
import { describeStacksSpooledService } from './describe.js';
import type { Project, ProjectOptions } from './project.js';
import { openProjectWithIncludes } from './project.js';
import type { ValidatedPart } from './validate.js';

interface WorkerCommon {
  readonly project: ProjectOptions;
  readonly files: readonly string[];
  /** A shared flag (Int32Array over it): set by any thread that meets a problem. */
  readonly failed: SharedArrayBuffer;
  /** Set (and notified) by the main thread once every part has loaded: the workers then compile. */
  readonly go: SharedArrayBuffer;
}

/** A part of `describe stacks` (rendered into a spool file), or of `validate stacks` (parallel-validate.ts). */
export type WorkerInput =
  | (WorkerCommon & {
      readonly task: 'describe';
      readonly describe: DescribeStacksOptions;
      readonly format: OutputFormat;
      readonly spoolPath: string;
    })
  | (WorkerCommon & { readonly task: 'validate'; readonly strict: boolean });

export type WorkerResult =
  | { readonly loaded: true }
  | {
      readonly ok: true;
      readonly instances: readonly SpooledInstance[];
      readonly layout: SpoolLayout;
      readonly stats?: CacheStats;
    }
  | { readonly ok: true; readonly validated: ValidatedPart; readonly stats?: CacheStats }
  | { readonly ok: false };

/**
 * Below this many stack manifests a worker thread costs more (start-up, shared files parsed twice)
 * than it saves: measured on 2 cores, 200 manifests × 20 components 1.5 s → 1.8 s, 500 × 20 even,
 * 2,000 × 40 15.4 s → 11.3 s (docs/performance.md).
 */
export const PARALLEL_MIN_MANIFESTS = 1000;

/** Threads for `--jobs`: a number, or `auto` (every core, at most 4, for organisations large enough). */
export function jobsFor(flag: string | undefined, manifests: number, cores = availableParallelism()): number {
  if (flag === undefined || flag === 'auto')
    return manifests >= PARALLEL_MIN_MANIFESTS ? Math.max(1, Math.min(4, cores)) : 1;
  const n = Number(flag);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Contiguous parts of `files`; the first (the main thread's, which also writes the output) a little smaller. */
export function splitParts(files: readonly string[], jobs: number): string[][] {
  const n = Math.min(jobs, files.length);
  if (n <= 1) return [[...files]];
  const first = Math.max(1, Math.floor((files.length / n) * 0.85));
  const rest = files.length - first;
  const parts = [files.slice(0, first)];
  for (let i = 0; i < n - 1; i++) {
    const from = first + Math.floor((rest * i) / (n - 1));
    const to = first + Math.floor((rest * (i + 1)) / (n - 1));
    parts.push(files.slice(from, to));
  }
  return parts;
}

/**
 * The project's `describe stacks` on `jobs` threads (one: the single-threaded spooled run). `options`
 * opens the same project in each worker, and again on one thread if a part meets a problem.
 */
export async function describeStacksParallel(
  project: Project,
  options: ProjectOptions,
  describe: DescribeStacksOptions,
  format: OutputFormat,
  jobs: number,
  spool: TextSpool,
  run: (stacks: SpooledStacks) => Promise<void>,
): Promise<void> {
  const parts = splitParts(project.set.stackFiles, jobs);
  if (parts.length < 2) return run(describeStacksSpooledService(project, describe, spool, format));
  const folder = spoolFolder();
  const readers: FileSpool[] = [];
  const failed = new SharedArrayBuffer(4);
  const flag = new Int32Array(failed);
  const go = new SharedArrayBuffer(4);
  const release = () => releaseWorkers(go);
  const workerOptions = cloneableOptions(options);
  const workers = parts.slice(1).map((files, i) =>
    startWorker({
      task: 'describe',
      project: workerOptions,
      describe,
      format,
      files,
      spoolPath: join(folder, `part-${i + 1}`),
      failed,
      go,
    }),
  );
  try {
    const set = project.set;
    // Every part is loaded (parsed, imports resolved) before any is compiled: bad input anywhere
    // fails before anything compiles, as on one thread.
    loadManifests(set, parts[0]);
    if (set.hasErrors) Atomics.store(flag, 0, 1);
    const loaded = await Promise.all(workers.map((w) => w.loaded));
    if (Atomics.load(flag, 0) !== 0 || loaded.some((ok) => !ok)) {
      Atomics.store(flag, 0, 1);
      release();
      return await singleThreaded(workers, options, describe, format, spool, run);
    }
    release();
    // The main thread's part stops early once a worker has met a problem.
    const mine = function* (): Generator<string> {
      for (const file of parts[0]!) {
        if (Atomics.load(flag, 0) !== 0) return;
        yield file;
      }
    };
    let instances: SpooledInstance[] = [];
    try {
      instances = spoolInstances(set, describe, spool, mine(), format);
    } catch (e) {
      if (!(e instanceof UnspoolableName)) throw e;
      Atomics.store(flag, 0, 1);
    }
    if (set.hasErrors || Atomics.load(flag, 0) !== 0) {
      Atomics.store(flag, 0, 1);
      return await singleThreaded(workers, options, describe, format, spool, run);
    }
    const results = await Promise.all(workers.map((w) => w.result));
    const done = results.filter((r): r is Extract<WorkerResult, { instances: unknown }> => 'instances' in r);
    if (done.length !== results.length)
      return await singleThreaded(workers, options, describe, format, spool, run);
    const assembled: { spool: TextSpool; instances: readonly SpooledInstance[] }[] = [{ spool, instances }];
    done.forEach((r, i) => {
      if (r.stats) project.cache?.absorb(r.stats);
      const reader = sharedSpoolReader(join(folder, `part-${i + 1}`), r.layout);
      readers.push(reader);
      assembled.push({ spool: reader, instances: r.instances });
    });
    await run(assembleStacks(assembled, format));
  } finally {
    release();
    for (const w of workers) await w.stop();
    for (const r of readers) r.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The run again on this thread, in a project of its own, for its problems to read as they always do. */
async function singleThreaded(
  workers: readonly RunningWorker[],
  options: ProjectOptions,
  describe: DescribeStacksOptions,
  format: OutputFormat,
  spool: TextSpool,
  run: (stacks: SpooledStacks) => Promise<void>,
): Promise<void> {
  for (const w of workers) await w.stop();
  // The first project reports the cache counters (STRATA_CACHE_STATS) when the command ends.
  const { report: _report, ...quiet } = options;
  const project = await openProjectWithIncludes(quiet);
  try {
    await run(describeStacksSpooledService(project, describe, spool, format));
  } finally {
    project.saveCache?.();
  }
}

/** What a worker thread opens its project with: the options less what cannot cross threads. */
export function cloneableOptions(options: ProjectOptions): ProjectOptions {
  const { report: _report, memoryStore: _store, ...cloneable } = options;
  return { ...cloneable, env: { ...options.env } };
}

/** Tells the workers waiting on `go` to go on (to compile, or to exit when the run has failed). */
export function releaseWorkers(go: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(go), 0, 1);
  Atomics.notify(new Int32Array(go), 0);
}

export interface RunningWorker {
  /** False when the worker's part did not load cleanly. */
  readonly loaded: Promise<boolean>;
  readonly result: Promise<WorkerResult>;
  stop(): Promise<void>;
}

export function startWorker(input: WorkerInput): RunningWorker {
  const worker = new Worker(new URL('./stacks-worker.js', import.meta.url), { workerData: input });
  let loaded!: (ok: boolean) => void;
  let result!: (r: WorkerResult) => void;
  const loadedP = new Promise<boolean>((r) => (loaded = r));
  const resultP = new Promise<WorkerResult>((r) => (result = r));
  const fail = () => {
    loaded(false);
    result({ ok: false });
  };
  worker.on('message', (m: WorkerResult) => {
    if ('loaded' in m) loaded(true);
    else {
      loaded(m.ok);
      result(m);
    }
  });
  worker.once('error', fail);
  worker.once('exit', fail);
  return {
    loaded: loadedP,
    result: resultP,
    async stop() {
      await worker.terminate();
    },
  };
}
