import { Args, Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { cleanInstance } from '../../services/terraform.js';

export default class TerraformClean extends StrataCommand {
  static override summary = "Remove the instance's generated files, planfile and .terraform data folder";
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = { stack: Flags.string({ char: 's', required: true, description: 'stack name' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TerraformClean);
    cleanInstance(await this.openProject(flags), args.component, flags.stack, process.env, this.reporter);
  }
}
