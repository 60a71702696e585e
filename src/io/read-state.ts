import { readFileSync } from 'node:fs';

export type StateOutputs =
  | { readonly ok: true; readonly outputs: Record<string, { value: unknown }> }
  | { readonly ok: false; readonly message: string };

/** Reads a local terraform state file's outputs; undefined when there is no state file. */
export function readStateOutputs(path: string): StateOutputs | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const state = JSON.parse(text) as { outputs?: Record<string, { value: unknown }> } | null;
    return { ok: true, outputs: state?.outputs ?? {} };
  } catch {
    return { ok: false, message: 'is not valid JSON' };
  }
}
