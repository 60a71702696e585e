/**
 * Worker threads for commands that go over every stack manifest (`describe stacks`, `validate
 * stacks`): the manifests are cut into contiguous parts, the main thread takes the first and worker
 * threads (stacks-worker.ts) the others. Every part loads (parse, imports, cycles) before any
 * compiles: the workers wait on a shared flag. A part that meets a problem raises another flag, the
 * others stop, and the whole run is done again on one thread in a fresh project, so problems read
 * exactly as a single-threaded run reports them. The command joins the parts in manifest order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadManifests } from '../compile/instance.js';
import type { DescribeStacksOptions } from '../describe/describe-stacks.js';
import type { SpooledInstance } from '../describe/spooled-stacks.js';
import type { OutputFormat } from '../describe/format.js';
import type { CacheStats } from '../io/compile-cache.js';
import type { SpoolLayout } from '../io/text-spool.js';
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

/** A part of `describe stacks` (rendered into a spool file), or of `validate stacks` (plain data). */
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

/** A task for the worker threads, less what every part shares (set by runInParts). */
export type WorkerTask =
  | Omit<Extract<WorkerInput, { task: 'describe' }>, keyof WorkerCommon>
  | Omit<Extract<WorkerInput, { task: 'validate' }>, keyof WorkerCommon>;

export interface InParts<Mine, Theirs, R> {
  readonly project: Project;
  /** What the project was opened with: each worker opens the same, and so does the run on one thread. */
  readonly options: ProjectOptions;
  /** From splitParts; the first is the main thread's. */
  readonly parts: readonly (readonly string[])[];
  /** The task of the worker that takes `parts[i + 1]`. */
  readonly task: (i: number) => WorkerTask;
  /** The main thread's part, asking `stopped` between manifests; undefined when it met a problem. */
  readonly mine: (stopped: () => boolean) => Promise<Mine | undefined> | Mine | undefined;
  /** A worker's answer, undefined when it is not this task's. */
  readonly theirs: (result: WorkerResult) => Theirs | undefined;
  /** The parts joined in manifest order; undefined when only one thread can answer. */
  readonly join: (mine: Mine, theirs: readonly Theirs[]) => Promise<R | undefined> | R | undefined;
  /** The whole run on one thread, in a fresh project. */
  readonly alone: (project: Project) => Promise<R> | R;
}

/** Runs `parts` on the main thread and worker threads (see the module comment). */
export async function runInParts<Mine, Theirs, R>(run: InParts<Mine, Theirs, R>): Promise<R> {
  const failed = new SharedArrayBuffer(4);
  const flag = new Int32Array(failed);
  const go = new SharedArrayBuffer(4);
  const project = cloneableOptions(run.options);
  const workers = run.parts
    .slice(1)
    .map((files, i) => startWorker({ ...run.task(i), project, files, failed, go }));
  const stopped = () => Atomics.load(flag, 0) !== 0;
  const alone = async (): Promise<R> => {
    Atomics.store(flag, 0, 1);
    releaseWorkers(go);
    for (const w of workers) await w.stop();
    // The first project reports the cache counters (STRATA_CACHE_STATS) when the command ends.
    const { report: _report, ...quiet } = run.options;
    const fresh = await openProjectWithIncludes(quiet);
    try {
      return await run.alone(fresh);
    } finally {
      fresh.saveCache?.();
    }
  };
  try {
    const { set } = run.project;
    loadManifests(set, run.parts[0]);
    const loaded = await Promise.all(workers.map((w) => w.loaded));
    if (set.hasErrors || stopped() || loaded.some((ok) => !ok)) return await alone();
    releaseWorkers(go);
    const mine = await run.mine(stopped);
    if (mine === undefined || stopped()) return await alone();
    const results = await Promise.all(workers.map((w) => w.result));
    const theirs = results.map(run.theirs).filter((t): t is Theirs => t !== undefined);
    if (theirs.length !== results.length) return await alone();
    const joined = await run.join(mine, theirs);
    if (joined === undefined) return await alone();
    for (const r of results) if ('stats' in r && r.stats) run.project.cache?.absorb(r.stats);
    return joined;
  } finally {
    releaseWorkers(go);
    for (const w of workers) await w.stop();
  }
}

/** What a worker thread opens its project with: the options less what cannot cross threads. */
function cloneableOptions(options: ProjectOptions): ProjectOptions {
  const { report: _report, memoryStore: _store, ...cloneable } = options;
  return { ...cloneable, env: { ...options.env } };
}

/** Tells the workers waiting on `go` to go on (to compile, or to exit when the run has failed). */
function releaseWorkers(go: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(go), 0, 1);
  Atomics.notify(new Int32Array(go), 0);
}

interface RunningWorker {
  /** False when the worker's part did not load cleanly. */
  readonly loaded: Promise<boolean>;
  readonly result: Promise<WorkerResult>;
  stop(): Promise<void>;
}

function startWorker(input: WorkerInput): RunningWorker {
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
