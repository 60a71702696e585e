/**
 * A worker thread of `describe stacks --format json` (see parallel-stacks.ts): opens the same project,
 * loads and compiles its part of the manifests, renders each listed instance into a spool file of its
 * own, and answers with where each one lies. On any problem it stops and says so: the main thread then
 * reports the problems as a single-threaded run does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadManifests } from '../compile/instance.js';
import { spoolInstances } from '../describe/spooled-stacks.js';
import { sharedSpoolWriter } from '../io/text-spool.js';
import { openProjectWithIncludes } from './project.js';
import type { WorkerInput, WorkerResult } from './parallel-stacks.js';

const input = workerData as WorkerInput;
const failed = new Int32Array(input.failed);
const post = (result: WorkerResult) => parentPort!.postMessage(result);

const stop = (): void => {
  Atomics.store(failed, 0, 1);
  post({ ok: false });
};

try {
  const project = await openProjectWithIncludes(input.project);
  const set = project.set;
  loadManifests(set, input.files);
  if (set.hasErrors) stop();
  else {
    // Nothing is compiled anywhere until every part has loaded without problems (fail fast).
    post({ loaded: true });
    Atomics.wait(new Int32Array(input.go), 0, 0);
    if (Atomics.load(failed, 0) !== 0) process.exit(0);
    const spool = sharedSpoolWriter(input.spoolPath);
    const instances = spoolInstances(set, input.describe, spool, input.files, input.format);
    const layout = spool.finish();
    if (set.hasErrors) stop();
    else post({ ok: true, instances, layout, ...(project.cache ? { stats: project.cache.stats() } : {}) });
  }
} catch {
  // A user error or a bug: the main thread does this part again and reports it as usual.
  stop();
}
