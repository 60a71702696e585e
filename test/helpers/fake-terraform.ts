import type { TerraformRunner } from '../../src/io/terraform.js';
import type { Step } from '../../src/run/terraform-plan.js';

/** Records every step and answers with canned exit codes by label ('init', 'plan', ...). */
export function fakeTerraform(
  codes: Record<string, number> = {},
): TerraformRunner & { steps: Step[]; commands: () => string[] } {
  const steps: Step[] = [];
  return {
    steps,
    commands: () => steps.map((s) => [s.binary, ...s.args].join(' ')),
    run(step) {
      steps.push(step);
      return Promise.resolve(codes[step.label] ?? 0);
    },
  };
}
