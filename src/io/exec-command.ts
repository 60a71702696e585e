import { execaCommandSync } from 'execa';

/** Runs a manifest's `!exec` command through the shell, in `cwd`; only called when allowed. */
export function execCommand(
  command: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; stdout: string } | { ok: false; message: string } {
  try {
    const r = execaCommandSync(command, {
      cwd,
      env: env as Record<string, string>,
      shell: true,
      reject: false,
    });
    if (r.exitCode !== 0)
      return {
        ok: false,
        message: `exit code ${r.exitCode}: ${String(r.stderr).trim().split('\n')[0] ?? ''}`,
      };
    return { ok: true, stdout: String(r.stdout) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
