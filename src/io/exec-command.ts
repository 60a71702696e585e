import { spawnSync } from 'node:child_process';

/**
 * Runs a manifest's `!exec` command through the shell, in `cwd`; only called when allowed. Node's own
 * spawnSync: the compile is synchronous, and loading execa would cost every command its start-up.
 */
export function execCommand(
  command: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; stdout: string } | { ok: false; message: string } {
  const r = spawnSync(command, {
    cwd,
    // On top of this process's environment, as execa's default (extendEnv) had it.
    env: { ...process.env, ...env },
    shell: true,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { ok: false, message: r.error.message };
  if (r.status !== 0) {
    const code = r.status === null ? `signal ${r.signal ?? 'unknown'}` : `exit code ${r.status}`;
    return { ok: false, message: `${code}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  }
  return { ok: true, stdout: r.stdout };
}
