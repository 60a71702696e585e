import { execaRunner } from '../io/terraform.js';
import { writePlan } from '../io/write-plan.js';
import { planTerraformRun } from '../run/terraform-plan.js';
import type { Project } from './project.js';
import type { Reporter } from './terraform.js';
import { runInstance } from './terraform.js';
import { resolveTerraformInstance } from './instance.js';

/**
 * `strata terraform shell`: writes the instance's files and opens $SHELL in its folder with the same
 * environment as a run, plus TF_WORKSPACE and TF_CLI_ARGS_* so plain `terraform plan` uses the varfile.
 */
export async function openShell(
  project: Project,
  component: string,
  stack: string,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter,
): Promise<number> {
  const resolved = resolveTerraformInstance(project, component, stack);
  const instance = runInstance(project, resolved, env);
  const plan = planTerraformRun(instance, {
    subcommand: 'output',
    extraArgs: [],
    fromPlan: false,
    skipInit: true,
    interactive: true,
  });
  writePlan(plan.files);
  const varfile = `-var-file=${resolved.files.names.varfile}`;
  const shell = env['SHELL'] ?? '/bin/sh';
  reporter.info(
    `Starting ${shell} in ${resolved.files.workdir} for ${component} in ${resolved.stack} (workspace ${resolved.workspace}); exit to return.`,
  );
  return execaRunner.run(
    {
      binary: shell,
      args: [],
      cwd: resolved.files.workdir,
      label: 'shell',
      env: {
        ...plan.steps[0]?.env,
        TF_WORKSPACE: resolved.workspace,
        TF_CLI_ARGS_plan: varfile,
        TF_CLI_ARGS_apply: varfile,
        TF_CLI_ARGS_destroy: varfile,
        TF_CLI_ARGS_import: varfile,
      },
    },
    env,
  );
}
