import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformInit extends TerraformCommand {
  static override summary = 'Generate the inputs, then terraform init';
  static override examples = ['<%= config.bin %> terraform init vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'init' as const;
}
