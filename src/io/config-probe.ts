import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigProbe } from '../config/resolve-config.js';

export function configProbe(cwd: string, env: Readonly<Record<string, string | undefined>>): ConfigProbe {
  let gitRoot: string | undefined | null = null;
  return {
    cwd,
    env,
    gitRoot() {
      if (gitRoot === null) gitRoot = findGitRoot(cwd);
      return gitRoot;
    },
    isDirectory,
  };
}

function findGitRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
