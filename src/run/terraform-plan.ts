import { join } from 'node:path';
import type { CliConfig } from '../model/cli-config.js';
import type { EmitFile } from '../emit/emit-plan.js';
import type { InstanceFiles } from '../emit/component-files.js';

export const SUBCOMMANDS = [
  'plan',
  'apply',
  'deploy',
  'destroy',
  'init',
  'output',
  'validate',
  'show',
  'workspace',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** Subcommands refused on `metadata.locked: true` (spec §5.4). */
export const MODIFYING: readonly string[] = [
  'apply',
  'deploy',
  'destroy',
  'import',
  'state',
  'taint',
  'untaint',
];

export interface RunRequest {
  readonly subcommand: Subcommand;
  /** Native terraform arguments given after `--`. */
  readonly extraArgs: readonly string[];
  readonly fromPlan: boolean;
  readonly skipInit: boolean;
  /** stdin is a terminal: terraform may ask questions. */
  readonly interactive: boolean;
}

export interface RunInstance {
  readonly cli: CliConfig;
  readonly files: InstanceFiles;
  readonly workspace: string;
  readonly backendType: string;
  readonly command: string;
  /** The component's final `env` section (null unsets a variable). */
  readonly componentEnv: Readonly<Record<string, unknown>>;
  /** Stack and component, for the per-instance data folder. */
  readonly slug: string;
  /** The caller's environment (for TF_DATA_DIR / TF_WORKSPACE set by the user). */
  readonly processEnv: Readonly<Record<string, string | undefined>>;
}

export interface Step {
  readonly binary: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Variables to set (string) or unset (null) on top of the caller's environment. */
  readonly env: Readonly<Record<string, string | null>>;
  /** What the step is for, in failure messages. */
  readonly label: string;
  /** Preparation steps print to stderr so that stdout carries only the main command (`output -json`). */
  readonly stdoutToStderr?: boolean;
  /** Runs of several instances: every output line starts with this (`stack/component | `). */
  readonly prefix?: string;
}

export interface RunPlan {
  readonly files: readonly EmitFile[];
  readonly steps: readonly Step[];
}

/**
 * The command sequence of one terraform run (spec §10), as data: generated files, `init`, workspace
 * selection, the main command. Pure, so the sequence is unit-tested without terraform.
 */
export function planTerraformRun(instance: RunInstance, request: RunRequest): RunPlan {
  const { cli, files } = instance;
  const tf = cli.terraform;
  const env = runEnv(instance);
  const step = (args: string[], label: string, stdoutToStderr = false): Step => ({
    binary: instance.command,
    args,
    cwd: files.workdir,
    env,
    label,
    ...(stdoutToStderr ? { stdoutToStderr } : {}),
  });
  const noInput = request.interactive ? [] : ['-input=false'];
  const generated: EmitFile[] = [files.varfile];
  if (tf.autoGenerateBackendFile && files.backend) generated.push(files.backend);
  if (files.providers) generated.push(files.providers);

  const initArgs = ['init'];
  if (tf.initRunReconfigure) {
    initArgs.push('-reconfigure');
    // With the local backend, -reconfigure sees the workspace states already on disk as a backend
    // change and asks to migrate them onto themselves; that prompt fails without a terminal. Source and
    // destination are the same files, so the copy is safe to confirm (never done for remote backends).
    if (instance.backendType === 'local') initArgs.push('-force-copy');
  }
  const steps: Step[] = [];
  const { subcommand } = request;
  const runsInit =
    subcommand !== 'init' && !request.skipInit && !(subcommand === 'deploy' && !tf.deployRunInit);
  if (runsInit) steps.push(step([...initArgs, ...noInput], 'init', true));
  const selectWorkspace =
    subcommand !== 'init' &&
    !(subcommand === 'workspace' && request.extraArgs.length > 0) &&
    instance.backendType !== 'http' &&
    instance.processEnv['TF_WORKSPACE'] === undefined &&
    tf.workspacesEnabled !== false;
  if (selectWorkspace)
    steps.push(step(['workspace', 'select', '-or-create', instance.workspace], 'workspace selection', true));
  const main = mainArgs(instance, request, initArgs, noInput);
  if (main) steps.push(step(main, subcommand));
  return { files: generated, steps };
}

function mainArgs(
  instance: RunInstance,
  request: RunRequest,
  initArgs: string[],
  noInput: string[],
): string[] | undefined {
  const { varfile, planfile } = instance.files.names;
  const extra = [...request.extraArgs];
  const autoApprove = extra.includes('-auto-approve') ? [] : ['-auto-approve'];
  switch (request.subcommand) {
    case 'plan': {
      const hasOut = extra.some((a) => a === '-out' || a.startsWith('-out='));
      return ['plan', '-var-file', varfile, ...noInput, ...(hasOut ? [] : ['-out', planfile]), ...extra];
    }
    case 'apply':
    case 'deploy': {
      const approve =
        request.subcommand === 'deploy' || instance.cli.terraform.applyAutoApprove ? autoApprove : [];
      if (request.fromPlan) return ['apply', ...noInput, ...approve, ...extra, planfile];
      return ['apply', '-var-file', varfile, ...noInput, ...approve, ...extra];
    }
    case 'destroy':
      return ['destroy', '-var-file', varfile, ...noInput, ...extra];
    case 'init':
      return [...initArgs, ...noInput, ...extra];
    case 'workspace':
      return extra.length > 0 ? ['workspace', ...extra] : undefined;
    case 'output':
    case 'show':
    case 'validate':
      return [request.subcommand, ...extra];
  }
}

/** Environment of every step: the component's env, automation markers and the per-instance data folder. */
export function runEnv(instance: RunInstance): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(instance.componentEnv)) {
    env[k] =
      v === null || v === undefined || v === 'null' ? null : typeof v === 'string' ? v : JSON.stringify(v);
  }
  env['TF_IN_AUTOMATION'] = 'true';
  env['ATMOS_BASE_PATH'] = instance.cli.basePath;
  env['STRATA_BASE_PATH'] = instance.cli.basePath;
  if (instance.cli.configFile) {
    env['ATMOS_CLI_CONFIG_PATH'] = join(instance.cli.configFile, '..');
    env['STRATA_CLI_CONFIG_PATH'] = instance.cli.configFile;
  }
  // Each instance gets its own .terraform data folder, so two stacks of one component can run at the
  // same time without sharing a backend configuration or a selected workspace.
  if (instance.processEnv['TF_DATA_DIR'] === undefined) {
    env['TF_DATA_DIR'] = join(instance.files.workdir, '.terraform', 'strata', instance.slug);
  }
  return env;
}
