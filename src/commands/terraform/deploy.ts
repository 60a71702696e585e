import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformDeploy extends TerraformCommand {
  static override summary = 'terraform apply -auto-approve';
  static override examples = ['<%= config.bin %> terraform deploy vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'deploy' as const;
}
