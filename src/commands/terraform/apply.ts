import { Flags } from '@oclif/core';
import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformApply extends TerraformCommand {
  static override summary = 'Generate the inputs, then terraform init, select the workspace and apply';
  static override examples = [
    '<%= config.bin %> terraform apply vpc -s plat-ue1-dev',
    '<%= config.bin %> terraform apply vpc -s plat-ue1-dev --from-plan',
    '<%= config.bin %> terraform apply vpc -s plat-ue1-dev -- -auto-approve',
  ];
  static override flags = {
    ...TerraformCommand.flags,
    'from-plan': Flags.boolean({ description: "apply the planfile written by 'strata terraform plan'" }),
  };
  protected readonly subcommand = 'apply' as const;

  protected override fromPlan(): boolean {
    return this.argv.includes('--from-plan');
  }
}
