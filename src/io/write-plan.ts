import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import type { EmitPlan } from '../emit/emit-plan.js';

export interface WriteResult {
  readonly written: string[];
  readonly unchanged: string[];
}

/**
 * Applies an emit plan: each file goes to a temporary file in the same folder and is renamed over
 * the target, so a failure never leaves a half-written file; a file whose content is unchanged is
 * left alone (its timestamp too).
 */
export function writePlan(plan: EmitPlan): WriteResult {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of plan) {
    if (readIfExists(file.path) === file.contents) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileAtomically(file.path, file.contents);
    written.push(file.path);
  }
  return { written, unchanged };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
