import type * as Execa from 'execa';
import type { Step } from '../run/terraform-plan.js';

/** The port through which Strata runs terraform (or tofu). Tests use a fake; the CLI uses execaRunner. */
export interface TerraformRunner {
  /** Runs one step with inherited stdio; resolves to its exit code. Rejects with BinaryNotFound. */
  run(step: Step, baseEnv: Readonly<Record<string, string | undefined>>): Promise<number>;
  /** Runs one step and returns its stdout (`terraform output -json`); stderr stays on the terminal. */
  capture(
    step: Step,
    baseEnv: Readonly<Record<string, string | undefined>>,
  ): Promise<{ exitCode: number; stdout: string }>;
}

export class BinaryNotFound extends Error {
  readonly binary: string;
  constructor(binary: string) {
    super(`'${binary}' was not found`);
    this.binary = binary;
  }
}

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs terraform as a child with the terminal attached, so its output streams live and it can ask for
 * confirmation. SIGINT/SIGTERM sent to Strata are passed on, and Strata waits for terraform to exit
 * (so it can release its state lock); terraform's exit code is returned.
 */
export const execaRunner: TerraformRunner = {
  async capture(step, baseEnv) {
    const { execa } = await loadExeca();
    const r = await execa(step.binary, step.args, {
      cwd: step.cwd,
      env: stepEnv(step, baseEnv),
      extendEnv: false,
      stdio: ['ignore', 'pipe', 'inherit'],
      reject: false,
    });
    if ((r as { code?: string }).code === 'ENOENT') throw new BinaryNotFound(step.binary);
    return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout) };
  },
  async run(step, baseEnv) {
    const { execa } = await loadExeca();
    const env = stepEnv(step, baseEnv);
    // Several instances at once: no stdin, and every line prefixed so their output never interleaves
    // within a line.
    const prefixed = step.prefix !== undefined;
    const stdio = prefixed
      ? (['ignore', 'pipe', 'pipe'] as const)
      : step.stdoutToStderr
        ? (['inherit', 2, 'inherit'] as const)
        : ('inherit' as const);
    const child = execa(step.binary, step.args, {
      cwd: step.cwd,
      env,
      extendEnv: false,
      stdio,
      reject: false,
    });
    if (prefixed) {
      prefixLines(child.stdout, step.stdoutToStderr ? process.stderr : process.stdout, step.prefix);
      prefixLines(child.stderr, process.stderr, step.prefix);
    }
    const forward = (signal: NodeJS.Signals) => () => {
      child.kill(signal);
    };
    const handlers = FORWARDED.map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    try {
      const result = await child;
      if ((result as { code?: string }).code === 'ENOENT') throw new BinaryNotFound(step.binary);
      if (result.exitCode !== undefined) return result.exitCode;
      return result.signal ? 128 + signalNumber(result.signal) : 1;
    } finally {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    }
  },
};

/**
 * execa, loaded by the first step: its ~130 modules cost ~0.1 s of start-up, which commands that never
 * run terraform (describe, list, validate) should not pay.
 */
function loadExeca(): Promise<typeof Execa> {
  return import('execa');
}

/** The environment of a step: the caller's, then the step's variables (null unsets). */
function stepEnv(step: Step, baseEnv: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(baseEnv)) if (v !== undefined) env[k] = v;
  for (const [k, v] of Object.entries(step.env)) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  return env;
}

function signalNumber(signal: string): number {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal] ?? 1;
}

function prefixLines(from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream, prefix: string): void {
  if (!from) return;
  let rest = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    if (lines.length > 0) to.write(lines.map((l) => `${prefix}${l}\n`).join(''));
  });
  from.on('end', () => {
    if (rest !== '') to.write(`${prefix}${rest}\n`);
  });
}
