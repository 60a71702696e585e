import { Args, Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { UserError } from '../../diagnostics/errors.js';
import { renderDiagnostics } from '../../diagnostics/render.js';
import { validateComponent } from '../../services/validate.js';

export default class ValidateComponent extends StrataCommand {
  static override summary =
    "Check one component instance: its merged vars against the component's Terraform variables, and its settings.validation schemas";
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    strict: Flags.boolean({
      description: 'also fail on warnings such as values for undeclared variables (terraform only warns)',
    }),
    stack: Flags.string({ char: 's', required: true, description: 'stack name' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ValidateComponent);
    const diagnostics = await validateComponent(
      await this.openProject(flags),
      args.component,
      flags.stack,
      flags.strict,
    );
    if (diagnostics.some((d) => d.severity === 'error' || flags.strict)) throw new UserError(diagnostics);
    if (diagnostics.length > 0) process.stderr.write(renderDiagnostics(diagnostics));
    this.print(`Component '${args.component}' in stack '${flags.stack}' is valid.`);
  }
}
