import { Flags } from '@oclif/core';
import { StrataCommand, jobsFlag } from '../../cli/base-command.js';
import { UserError } from '../../diagnostics/errors.js';
import { validateStacksParallel } from '../../services/parallel-validate.js';
import { renderDiagnostics } from '../../diagnostics/render.js';

export default class ValidateStacks extends StrataCommand {
  static override flags = {
    strict: Flags.boolean({
      default: false,
      description: 'also fail on warnings such as values for undeclared variables (terraform only warns)',
    }),
    jobs: jobsFlag,
  };
  static override summary =
    "Check every stack manifest (YAML, schema, imports, cycles, inheritance, naming, duplicates) and every instance's vars against its Terraform variables";

  async run(): Promise<void> {
    const { flags } = await this.parse(ValidateStacks);
    const project = await this.openProject(flags);
    const result = await validateStacksParallel(
      project,
      this.openOptions(flags),
      process.env,
      flags.strict,
      flags.jobs,
    );
    if (result.diagnostics.some((d) => d.severity === 'error' || flags.strict))
      throw new UserError(result.diagnostics);
    if (result.diagnostics.length > 0) process.stderr.write(renderDiagnostics(result.diagnostics));
    this.print(`All ${result.stacks} stack manifests are valid (${result.instances} component instances).`);
  }
}
