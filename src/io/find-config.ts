import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';

/** Config file names, in the order they are looked for in each folder: Strata's own first. */
export const CONFIG_NAMES = [
  'strata.yaml',
  'strata.yml',
  'atmos.yaml',
  'atmos.yml',
  '.atmos.yaml',
  '.atmos.yml',
];

export interface FoundConfig {
  readonly path: string;
  readonly display: string;
  readonly text: string;
}

export interface FindConfigInput {
  readonly cwd: string;
  /** --config <file> */
  readonly configFlag?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Finds the CLI config (spec §1.1, simplified to one file): --config, else STRATA_CLI_CONFIG_PATH /
 * ATMOS_CLI_CONFIG_PATH (a folder or a file), else the first config file in the CWD or its parents.
 */
export function findConfig(input: FindConfigInput): { found?: FoundConfig; diagnostics: Diagnostic[] } {
  const read = (path: string): FoundConfig => ({
    path,
    display: relative(input.cwd, path) || path,
    text: readFileSync(path, 'utf8'),
  });
  if (input.configFlag) {
    const path = resolve(input.cwd, input.configFlag);
    if (!isFile(path))
      return {
        diagnostics: [
          error('config-not-found', `config file '${input.configFlag}' does not exist`, {
            hint: 'pass the path of a strata.yaml or atmos.yaml to --config',
          }),
        ],
      };
    return { found: read(path), diagnostics: [] };
  }
  const fromEnv = input.env['STRATA_CLI_CONFIG_PATH'] ?? input.env['ATMOS_CLI_CONFIG_PATH'];
  if (fromEnv) {
    const path = resolve(input.cwd, fromEnv);
    if (isFile(path)) return { found: read(path), diagnostics: [] };
    const inDir = CONFIG_NAMES.map((n) => join(path, n)).find(isFile);
    if (!inDir) {
      const name = input.env['STRATA_CLI_CONFIG_PATH'] ? 'STRATA_CLI_CONFIG_PATH' : 'ATMOS_CLI_CONFIG_PATH';
      return {
        diagnostics: [
          error('config-not-found', `${name}='${fromEnv}' holds no strata.yaml or atmos.yaml`, {
            hint: `point ${name} at the folder that holds the config file`,
          }),
        ],
      };
    }
    return { found: read(inDir), diagnostics: [] };
  }
  for (let dir = resolve(input.cwd); ; dir = dirname(dir)) {
    const hit = CONFIG_NAMES.map((n) => join(dir, n)).find(isFile);
    if (hit) return { found: read(hit), diagnostics: [] };
    if (dirname(dir) === dir) break;
  }
  return { diagnostics: [] };
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
