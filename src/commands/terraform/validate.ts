import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformValidate extends TerraformCommand {
  static override summary = 'Generate the inputs, then terraform validate';
  static override examples = ['<%= config.bin %> terraform validate vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'validate' as const;
}
