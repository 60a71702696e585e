/**
 * `validate stacks` on several threads, as `describe stacks` (parallel-stacks.ts): the manifests are
 * cut into contiguous parts, the main thread checks the first while worker threads check the others,
 * and every part loads before any is compiled. A worker's part comes back as plain data (its typed
 * vars findings, policy problems, instance count and instance keys), merged in manifest order, so the
 * report is what one thread prints. A part with a problem only one thread reports as usual (see
 * ValidatedPart.clean), or an instance defined in two parts, runs the whole check again on one thread.
 */
import { loadManifests } from '../compile/instance.js';
import type { ValidatedPart, ValidateResult } from './validate.js';
import { PartValidation, finishValidation, validateStacks } from './validate.js';
import type { Project, ProjectOptions } from './project.js';
import { openProjectWithIncludes } from './project.js';
import type { WorkerResult } from './parallel-stacks.js';
import { cloneableOptions, releaseWorkers, splitParts, startWorker } from './parallel-stacks.js';

export async function validateStacksParallel(
  project: Project,
  options: ProjectOptions,
  env: Readonly<Record<string, string | undefined>>,
  strict: boolean,
  jobs: number,
): Promise<ValidateResult> {
  const parts = splitParts(project.set.stackFiles, jobs);
  if (parts.length < 2) return validateStacks(project, env, strict);
  const failed = new SharedArrayBuffer(4);
  const flag = new Int32Array(failed);
  const go = new SharedArrayBuffer(4);
  const workerOptions = cloneableOptions(options);
  const workers = parts
    .slice(1)
    .map((files) => startWorker({ task: 'validate', strict, project: workerOptions, files, failed, go }));
  // Again on one thread, in a project of its own, for every problem to read as it always does.
  const again = async (): Promise<ValidateResult> => {
    Atomics.store(flag, 0, 1);
    releaseWorkers(go);
    for (const w of workers) await w.stop();
    const { report: _report, ...quiet } = options;
    const fresh = await openProjectWithIncludes(quiet);
    try {
      return await validateStacks(fresh, env, strict);
    } finally {
      fresh.saveCache?.();
    }
  };
  try {
    const { set } = project;
    loadManifests(set, parts[0]);
    const loaded = await Promise.all(workers.map((w) => w.loaded));
    if (set.hasErrors || Atomics.load(flag, 0) !== 0 || loaded.some((ok) => !ok)) return await again();
    releaseWorkers(go);
    const mine = new PartValidation(project, strict);
    await mine.add(parts[0]!, () => Atomics.load(flag, 0) !== 0);
    const results = await Promise.all(workers.map((w) => w.result));
    const done = results.filter((r): r is Extract<WorkerResult, { validated: unknown }> => 'validated' in r);
    if (done.length !== results.length) return await again();
    const others: ValidatedPart[] = done.map((r) => r.validated);
    // An instance defined in two parts is compared section by section on one thread.
    const keys = new Set(mine.checks.keys());
    for (const other of others) {
      for (const key of other.keys) {
        if (keys.has(key)) return await again();
        keys.add(key);
      }
    }
    for (const r of done) if (r.stats) project.cache?.absorb(r.stats);
    return finishValidation(project, env, mine, others);
  } finally {
    releaseWorkers(go);
    for (const w of workers) await w.stop();
  }
}
