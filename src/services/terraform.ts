import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import type { TerraformRunner } from '../io/terraform.js';
import { BinaryNotFound } from '../io/terraform.js';
import { writePlan } from '../io/write-plan.js';
import { isMap } from '../model/value.js';
import type { ValueMap } from '../model/value.js';
import type { RunInstance, RunRequest, Step, Subcommand } from '../run/terraform-plan.js';
import { MODIFYING, planTerraformRun } from '../run/terraform-plan.js';
import type { Project } from './project.js';
import type { ResolvedInstance } from './instance.js';
import type { Deferred } from '../evaluate/evaluate-section.js';
import { fromInstance, resolveTerraformInstance } from './instance.js';

export interface TerraformOptions extends Omit<RunRequest, 'subcommand'> {
  readonly subcommand: Subcommand;
  readonly component: string;
  readonly stack: string;
  readonly dryRun: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Set when several instances run at once: prefixes terraform's output lines and Strata's messages. */
  readonly prefix?: string;
}

/** Where Strata's own messages go (stderr), so terraform's stdout stays clean for `output -json`. */
export interface Reporter {
  info(message: string): void;
}

/** `strata terraform <subcommand> <component> -s <stack>`: checks, generated files, then the steps. */
export async function runTerraform(
  project: Project,
  runner: TerraformRunner,
  options: TerraformOptions,
  reporter: Reporter,
): Promise<number> {
  let resolved = resolveTerraformInstance(project, options.component, options.stack);
  const label = `component '${options.component}' in stack '${resolved.stack}'`;
  if (resolved.metadata['type'] === 'abstract') {
    throw new UserError([
      error(
        'component-abstract',
        `${label} is abstract (metadata.type: abstract) and cannot be provisioned`,
        {
          hint: 'run a real component that inherits from it',
        },
      ),
    ]);
  }
  if (resolved.metadata['enabled'] === false) {
    reporter.info(`${label} is not enabled (metadata.enabled: false): skipped`);
    return 0;
  }
  if (resolved.metadata['locked'] === true && MODIFYING.includes(options.subcommand)) {
    throw new UserError([
      error(
        'component-locked',
        `${label} is locked (metadata.locked: true) and cannot be changed with '${options.subcommand}'`,
        {
          hint: "'plan' still works; remove metadata.locked to change it",
        },
      ),
    ]);
  }
  // Never run terraform on a configuration with problems (a failed template, a missing state...).
  const problems = project.set.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new UserError(problems);
  const unresolvable = resolved.instance.deferred.filter(
    (d) => !d.component || d.call.tag !== '!terraform.output',
  );
  if (unresolvable.length > 0) {
    throw new UserError(
      unresolvable.map((d) =>
        error(
          'function-error',
          `${label}: '${d.call.tag} ${d.call.text}' at ${d.path.join('.')} cannot be resolved, so terraform is not run`,
          {
            ...project.set.locateInSection(
              resolved.instance.manifest,
              resolved.instance.type,
              resolved.instance.component,
              d.path,
            ),
            hint:
              d.hint ??
              (d.component
                ? `'${d.component}' in stack '${d.stack}' must be applied first`
                : `${d.call.tag} is not supported yet; replace it with a value`),
          },
        ),
      ),
    );
  }
  if (resolved.instance.deferred.length > 0 && !options.dryRun) {
    resolved = await resolveRemoteOutputs(project, runner, resolved, options.env, label);
  }
  const instance = runInstance(project, resolved, options.env);
  if (project.cli.terraform.autoGenerateBackendFile && instance.backendType === '') {
    throw new UserError([
      error(
        'backend-type-missing',
        `${label} has no backend_type, but components.terraform.auto_generate_backend_file is on`,
        {
          hint: 'set terraform.backend_type (for example in the org _defaults.yaml), or turn auto_generate_backend_file off',
        },
      ),
    ]);
  }
  const planned = planTerraformRun(instance, options);
  const plan =
    options.prefix === undefined
      ? planned
      : { ...planned, steps: planned.steps.map((st) => ({ ...st, prefix: options.prefix! })) };
  if (options.dryRun) {
    for (const f of plan.files) reporter.info(`would write ${f.path}:\n${f.contents}`);
    for (const s of plan.steps) reporter.info(`would run in ${s.cwd}: ${describeStep(s)}`);
    return 0;
  }
  write(plan.files);
  for (const step of plan.steps) {
    const code = await runStep(runner, step, options.env);
    const detailedChange = step.label === 'plan' && code === 2 && step.args.includes('-detailed-exitcode');
    if (code !== 0 && !detailedChange) {
      reporter.info(`terraform ${step.label} failed for ${label} (exit code ${code})`);
      return code;
    }
    if (step === plan.steps[plan.steps.length - 1]) return code;
  }
  return 0;
}

export function runInstance(
  project: Project,
  resolved: ResolvedInstance,
  env: Readonly<Record<string, string | undefined>>,
): RunInstance {
  const section = resolved.instance.section;
  const componentEnv = isMap(section['env']) ? section['env'] : {};
  return {
    cli: project.cli,
    files: resolved.files,
    workspace: resolved.workspace,
    backendType: typeof section['backend_type'] === 'string' ? section['backend_type'] : '',
    command:
      typeof section['command'] === 'string' && section['command'] !== ''
        ? section['command']
        : project.cli.terraform.command,
    componentEnv,
    slug: `${resolved.stack}-${resolved.instance.component}`.replace(/[^A-Za-z0-9._-]/g, '-'),
    processEnv: env,
  };
}

/** `strata terraform clean`: removes what Strata and terraform generated for one instance. */
export function cleanInstance(
  project: Project,
  component: string,
  stack: string,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter,
): void {
  const resolved = resolveTerraformInstance(project, component, stack);
  const instance = runInstance(project, resolved, env);
  const dataDir = planTerraformRun(instance, {
    subcommand: 'output',
    extraArgs: [],
    fromPlan: false,
    skipInit: true,
    interactive: false,
  }).steps[0]?.env['TF_DATA_DIR'];
  const targets = [
    resolved.files.varfile.path,
    join(resolved.files.workdir, resolved.files.names.planfile),
    join(resolved.files.workdir, 'backend.tf.json'),
    join(resolved.files.workdir, 'providers_override.tf.json'),
    ...(dataDir ? [dataDir] : []),
  ];
  for (const t of targets) {
    rmSync(t, { recursive: true, force: true });
    reporter.info(`removed ${t}`);
  }
}

async function runStep(
  runner: TerraformRunner,
  step: Step,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  try {
    return await runner.run(step, env);
  } catch (e) {
    if (!(e instanceof BinaryNotFound)) throw e;
    throw new UserError([
      error('terraform-not-found', `'${e.binary}' is not installed or not on PATH`, {
        hint: `install Terraform (https://developer.hashicorp.com/terraform/install) or OpenTofu, or set components.terraform.command (or the component's 'command') to the binary's path`,
      }),
    ]);
  }
}

function write(files: Parameters<typeof writePlan>[0]): void {
  try {
    writePlan(files);
  } catch (e) {
    const path =
      files.find((f) => String((e as Error).message).includes(f.path))?.path ??
      dirname(files[0]?.path ?? '.');
    throw new UserError([
      error('write-failed', `cannot write generated file: ${(e as Error).message}`, {
        file: path,
        hint: 'check that the component folder exists and is writable',
      }),
    ]);
  }
}

export function describeStep(step: Step): string {
  const env = Object.entries(step.env)
    .filter(([k]) => k === 'TF_DATA_DIR')
    .map(([k, v]) => `${k}=${v}`);
  return [...env, step.binary, ...step.args].join(' ');
}

/**
 * `!terraform.output` of instances whose backend is not local: `terraform output -json` of that
 * instance through the runner (init and workspace first, their output on stderr), cached per run;
 * the values go into this instance's section and its files are generated again.
 */
export async function resolveRemoteOutputs(
  project: Project,
  runner: TerraformRunner,
  resolved: ResolvedInstance,
  env: Readonly<Record<string, string | undefined>>,
  label: string,
): Promise<ResolvedInstance> {
  const cache = new Map<string, Record<string, { value: unknown }>>();
  let section = resolved.instance.section;
  const left: Deferred[] = [];
  for (const d of resolved.instance.deferred) {
    if (d.call.tag !== '!terraform.output' || !d.component || !d.stack) {
      left.push(d);
      continue;
    }
    const key = `${d.stack}\u0000${d.component}`;
    let outputs = cache.get(key);
    if (!outputs) {
      const target = resolveTerraformInstance(project, d.component, d.stack);
      const reading = planTerraformRun(runInstance(project, target, env), {
        subcommand: 'output',
        extraArgs: ['-json'],
        fromPlan: false,
        skipInit: false,
        interactive: false,
      });
      // The other instance's backend and provider files, then init and workspace with their output on
      // stderr: stdout belongs to the command (a describe prints JSON there).
      write(reading.files);
      const steps = reading.steps.map((st) => ({ ...st, stdoutToStderr: true }));
      for (const step of steps.slice(0, -1)) {
        const code = await runStep(runner, step, env);
        if (code !== 0)
          throw new UserError([
            error(
              'function-error',
              `${label}: terraform ${step.label} of '${d.component}' in '${d.stack}' failed (exit code ${code}) while reading its outputs`,
            ),
          ]);
      }
      const last = steps[steps.length - 1]!;
      const out = await runner.capture(last, env);
      if (out.exitCode !== 0)
        throw new UserError([
          error(
            'function-error',
            `${label}: terraform output of '${d.component}' in '${d.stack}' failed (exit code ${out.exitCode})`,
          ),
        ]);
      outputs = JSON.parse(out.stdout || '{}') as Record<string, { value: unknown }>;
      cache.set(key, outputs);
    }
    const [name, ...rest] = splitArgsOutput(d.call.text);
    if (!name || !(name in outputs)) {
      throw new UserError([
        error(
          'function-error',
          `${label}: '${d.component}' in stack '${d.stack}' has no output '${name ?? ''}'`,
          { hint: `apply '${d.component}' first` },
        ),
      ]);
    }
    let value = outputs[name]!.value;
    for (const k of rest) value = isMap(value) ? (value as Record<string, unknown>)[k] : undefined;
    section = setPath(section, d.path, value);
  }
  return fromInstance(project, { ...resolved.instance, section, deferred: left });
}

/** The output name (and sub-path) of a `!terraform.output` call's text. */
function splitArgsOutput(text: string): string[] {
  const args = text.split(/\s+/).filter(Boolean);
  const output = args.length === 1 ? args[0]!.slice(args[0]!.indexOf('.') + 1) : args[args.length - 1]!;
  // A yq-style `.a.b` reads output `a`, key `b`.
  return output.replace(/^\./, '').split('.');
}

function setPath(root: ValueMap, path: readonly string[], value: unknown): ValueMap {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const child = root[head];
  return {
    ...root,
    [head]: (rest.length === 0 ? value : setPath(isMap(child) ? child : {}, rest, value)) as ValueMap[string],
  };
}
