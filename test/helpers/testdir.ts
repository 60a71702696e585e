import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const created: string[] = [];
afterEach(() => {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
});

/** Writes an inline fixture tree into a fresh temporary folder, removed after the test. */
export function testdir(tree: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'strata-test-'));
  created.push(root);
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(REPO, 'bin', 'run.js');

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (bin/run.js over dist/) as a user would. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('ATMOS_') && !k.startsWith('STRATA_')),
  );
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...clean, NO_COLOR: '1', STRATA_CACHE_DIR: join(cwd, '.strata-cache'), ...env },
  });
  return { exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Same as runCli, without blocking, so several runs can overlap. */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('ATMOS_') && !k.startsWith('STRATA_')),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...clean, NO_COLOR: '1', STRATA_CACHE_DIR: join(cwd, '.strata-cache'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}
