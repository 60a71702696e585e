import { TerraformCommand } from '../../cli/terraform-command.js';

export default class TerraformWorkspace extends TerraformCommand {
  static override summary =
    "Select (or create) the instance's workspace, or pass workspace subcommands after --";
  static override examples = ['<%= config.bin %> terraform workspace vpc -s plat-ue1-dev'];
  protected readonly subcommand = 'workspace' as const;
}
