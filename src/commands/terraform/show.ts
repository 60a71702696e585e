import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformShow extends TerraformCommand {
  static override summary = 'terraform show for a component instance';
  static override examples = ['<%= config.bin %> terraform show vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'show' as const;
}
