import { sortKeys } from '../model/sort-keys.js';

/** Generated JSON (spec §9.2): keys sorted, 2-space indent, no HTML escaping, trailing newline. */
export function generatedJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
