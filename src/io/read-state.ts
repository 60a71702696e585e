import { readFileSync } from 'node:fs';

/** Reads a local terraform state file's outputs; undefined when there is no state. */
export function readStateOutputs(path: string): Record<string, { value: unknown }> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const state = JSON.parse(text) as { outputs?: Record<string, { value: unknown }> };
  return state.outputs ?? {};
}
