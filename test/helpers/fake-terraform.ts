import type { TerraformRunner } from '../../src/io/terraform.js';
import type { Step } from '../../src/run/terraform-plan.js';
import type { TerraformOptions } from '../../src/services/terraform.js';

/**
 * Records every step and answers with canned exit codes by label ('init', 'plan', ...);
 * `terraform output -json` (capture) answers `outputs[<component folder name>]`.
 */
export function fakeTerraform(
  codes: Record<string, number> = {},
  outputs: Record<string, unknown> = {},
): TerraformRunner & { steps: Step[]; commands: () => string[] } {
  const steps: Step[] = [];
  return {
    steps,
    commands: () => steps.map((s) => [s.binary, ...s.args].join(' ')),
    run(step) {
      steps.push(step);
      return Promise.resolve(codes[step.label] ?? 0);
    },
    capture(step) {
      steps.push(step);
      const folder = step.cwd.split('/').pop()!;
      return Promise.resolve({ exitCode: 0, stdout: JSON.stringify(outputs[folder] ?? {}) });
    },
  };
}

/** Options for one `strata terraform <subcommand>` run: `plan vpc -s dev`, non-interactive, unless overridden. */
export const terraformOptions = (over: Partial<TerraformOptions> = {}): TerraformOptions => ({
  subcommand: 'plan',
  component: 'vpc',
  stack: 'dev',
  extraArgs: [],
  fromPlan: false,
  skipInit: false,
  dryRun: false,
  interactive: false,
  env: {},
  ...over,
});
