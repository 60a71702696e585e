import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformDestroy extends TerraformCommand {
  static override summary =
    'Generate the inputs, then terraform destroy (asks for confirmation unless -auto-approve)';
  static override examples = ['<%= config.bin %> terraform destroy vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'destroy' as const;
}
