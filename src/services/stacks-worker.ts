/**
 * A worker thread of `describe stacks` or `validate stacks` (see worker-parts.ts): opens the same project, loads its part of the manifests, and once every part
 * has loaded, compiles it: for describe, each listed instance rendered into a spool file of its own,
 * answered with where each one lies; for validate, the part's checks as plain data. On any problem
 * it stops and says so: the main thread then reports the problems as a single-threaded run does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadManifests } from '../compile/instance.js';
import { spoolInstances } from '../describe/spooled-stacks.js';
import { sharedSpoolWriter } from '../io/text-spool.js';
import { openProjectWithIncludes } from './project.js';
import type { WorkerInput, WorkerResult } from './worker-parts.js';
import { PartValidation } from './validate.js';

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
    const stats = () => (project.cache ? { stats: project.cache.stats() } : {});
    if (input.task === 'validate') {
      const part = new PartValidation(project, input.strict);
      await part.add(input.files, () => Atomics.load(failed, 0) !== 0);
      const validated = part.toPart();
      if (!validated.clean) stop();
      else post({ ok: true, validated, ...stats() });
    } else {
      const spool = sharedSpoolWriter(input.spoolPath);
      const instances = spoolInstances(set, input.describe, spool, input.files, input.format);
      const layout = spool.finish();
      if (set.hasErrors) stop();
      else post({ ok: true, instances, layout, ...stats() });
    }
  }
} catch {
  // A user error or a bug: the main thread does this part again and reports it as usual.
  stop();
}
