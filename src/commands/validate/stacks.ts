import { StrataCommand } from '../../cli/base-command.js';
import { UserError } from '../../diagnostics/errors.js';
import { validateStacks } from '../../services/validate.js';
import { renderDiagnostics } from '../../diagnostics/render.js';

export default class ValidateStacks extends StrataCommand {
  static override summary =
    'Check every stack manifest: YAML, imports, cycles, inheritance, naming and duplicate definitions';

  async run(): Promise<void> {
    const { flags } = await this.parse(ValidateStacks);
    const result = await validateStacks(this.openProject(flags), process.env);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new UserError(result.diagnostics);
    if (result.diagnostics.length > 0) process.stderr.write(renderDiagnostics(result.diagnostics));
    this.print(`All ${result.stacks} stack manifests are valid (${result.instances} component instances).`);
  }
}
