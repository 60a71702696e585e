import { Args, Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { openShell } from '../../services/shell.js';

export default class TerraformShell extends StrataCommand {
  static override summary =
    "Open a shell in the component's folder with the instance's environment (TF_DATA_DIR, workspace, var-file)";
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = { stack: Flags.string({ char: 's', required: true, description: 'stack name' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TerraformShell);
    const code = await openShell(
      await this.openProject(flags),
      args.component,
      flags.stack,
      process.env,
      this.reporter,
    );
    if (code !== 0) this.exit(code);
  }
}
