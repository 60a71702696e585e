/**
 * `describe stacks` on several threads (worker-parts.ts): each part renders its instances into a spool
 * file of its own, and the parts are put together in manifest order, so the output is byte-identical
 * to a single-threaded run.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { DescribeStacksOptions } from '../describe/describe-stacks.js';
import type { SpooledInstance, SpooledStacks, TextSpool } from '../describe/spooled-stacks.js';
import { UnspoolableName, assembleStacks, renderKey, spoolInstances } from '../describe/spooled-stacks.js';
import type { OutputFormat } from '../describe/format.js';
import type { FileSpool } from '../io/text-spool.js';
import { sharedSpoolReader, spoolFolder } from '../io/text-spool.js';
import { describeStacksSpooledService } from './describe.js';
import type { Project, ProjectOptions } from './project.js';
import type { WorkerResult } from './worker-parts.js';
import { jobsFor, runInParts, splitParts } from './worker-parts.js';

/**
 * The project's `describe stacks` on the threads `--jobs` asks for (one: the single-threaded spooled run). `options`
 * opens the same project in each worker, and again on one thread if a part meets a problem.
 */
export async function describeStacksParallel(
  project: Project,
  options: ProjectOptions,
  describe: DescribeStacksOptions,
  format: OutputFormat,
  jobsFlag: string | undefined,
  spool: TextSpool,
  run: (stacks: SpooledStacks) => Promise<void>,
): Promise<void> {
  // Manifests whose texts the cache kept cost a copy: threads pay only for the others (`auto` counts
  // those; with none, one thread).
  const cache = project.set.context.cache;
  const key = renderKey(describe, format);
  const files = project.set.stackFiles;
  const unrendered = cache?.hasRendered
    ? files.filter((f) => !cache.hasRendered!(f, key)).length
    : files.length;
  const parts = splitParts(files, unrendered === 0 ? 1 : jobsFor(jobsFlag, unrendered));
  if (parts.length < 2) return run(describeStacksSpooledService(project, describe, spool, format));
  const folder = spoolFolder();
  const spoolOf = (i: number) => join(folder, `part-${i + 1}`);
  const readers: FileSpool[] = [];
  type Part = { readonly spool: TextSpool; readonly instances: readonly SpooledInstance[] };
  type Spooled = Extract<WorkerResult, { instances: unknown }>;
  try {
    await runInParts<Part, Spooled, true>({
      project,
      options,
      parts,
      task: (i) => ({ task: 'describe', describe, format, spoolPath: spoolOf(i) }),
      mine(stopped) {
        // The main thread's part stops early once a worker has met a problem.
        const files = function* (): Generator<string> {
          for (const file of parts[0]!) {
            if (stopped()) return;
            yield file;
          }
        };
        try {
          const instances = spoolInstances(project.set, describe, spool, files(), format);
          return project.set.hasErrors ? undefined : { spool, instances };
        } catch (e) {
          if (e instanceof UnspoolableName) return undefined;
          throw e;
        }
      },
      theirs: (r) => ('instances' in r ? r : undefined),
      async join(mine, theirs) {
        const all: Part[] = [mine];
        theirs.forEach((r, i) => {
          const reader = sharedSpoolReader(spoolOf(i), r.layout);
          readers.push(reader);
          all.push({ spool: reader, instances: r.instances });
        });
        await run(assembleStacks(all, format));
        return true as const;
      },
      alone: async (fresh) => {
        await run(describeStacksSpooledService(fresh, describe, spool, format));
        return true as const;
      },
    });
  } finally {
    for (const r of readers) r.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
