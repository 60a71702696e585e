/**
 * `validate stacks` on several threads (worker-parts.ts). A worker's part comes back as plain data
 * (its typed-vars findings, policy problems, instance count and instance keys), merged in manifest
 * order, so the report is what one thread prints. A part with a problem only one thread reports as
 * usual (see ValidatedPart.clean), or an instance defined in two parts, runs the whole check again on
 * one thread.
 */
import type { ValidateResult } from './validate.js';
import { PartValidation, finishValidation, validateStacks } from './validate.js';
import type { Project, ProjectOptions } from './project.js';
import { jobsFor, runInParts, splitParts } from './worker-parts.js';
import { validationRecords } from './validation-records.js';

export async function validateStacksParallel(
  project: Project,
  options: ProjectOptions,
  env: Readonly<Record<string, string | undefined>>,
  strict: boolean,
  jobsFlag: string | undefined,
): Promise<ValidateResult> {
  // Manifests an earlier run's records answer cost no compile: threads pay only for the others
  // (`auto` counts those; with none, one thread).
  const records = validationRecords(project, strict);
  const unknown = records
    ? project.set.stackFiles.filter((f) => !records.holds(f)).length
    : project.set.stackFiles.length;
  const parts = splitParts(project.set.stackFiles, unknown === 0 ? 1 : jobsFor(jobsFlag, unknown));
  if (parts.length < 2) return validateStacks(project, env, strict);
  return runInParts({
    project,
    options,
    parts,
    task: () => ({ task: 'validate', strict }),
    async mine(stopped) {
      const part = new PartValidation(project, strict);
      await part.add(parts[0]!, stopped);
      return part;
    },
    theirs: (r) => ('validated' in r ? r.validated : undefined),
    join(mine, theirs) {
      // An instance defined in two parts is compared section by section on one thread.
      const keys = new Set(mine.checks.keys());
      for (const other of theirs) {
        for (const key of other.keys) {
          if (keys.has(key)) return undefined;
          keys.add(key);
        }
      }
      return finishValidation(project, env, mine, theirs);
    },
    alone: (fresh) => validateStacks(fresh, env, strict),
  });
}
