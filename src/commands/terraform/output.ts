import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformOutput extends TerraformCommand {
  static override summary = 'Print the outputs of a component instance (terraform output)';
  static override examples = ['<%= config.bin %> terraform output vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'output' as const;
}
