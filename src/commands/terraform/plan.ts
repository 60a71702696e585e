import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformPlan extends TerraformCommand {
  static override summary =
    'Generate the inputs, then terraform init, select the workspace and plan (writes a planfile)';
  static override examples = ['<%= config.bin %> terraform plan vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'plan' as const;
}
