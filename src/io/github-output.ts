import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** GitHub limits a step's outputs to 1 MB in all; stay well under it. */
export const GITHUB_OUTPUT_LIMIT = 900 * 1024;

/**
 * Writes `<name>=<json>` to $GITHUB_OUTPUT, or, when the payload is too big, writes it to `fallback`
 * and sets `<name>-file=<path>` instead (a later step reads the file).
 */
export function writeGithubOutput(
  outputFile: string,
  name: string,
  json: string,
  fallback: string,
): 'inline' | 'file' {
  if (Buffer.byteLength(json) < GITHUB_OUTPUT_LIMIT) {
    appendFileSync(outputFile, `${name}=${json}\n`);
    return 'inline';
  }
  mkdirSync(dirname(fallback), { recursive: true });
  writeFileSync(fallback, json);
  appendFileSync(outputFile, `${name}-file=${fallback}\n`);
  return 'file';
}
