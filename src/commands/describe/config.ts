import { StrataCommand, formatFlag } from '../../cli/base-command.js';
import { render } from '../../describe/format.js';
import { configView } from '../../services/config-view.js';

export default class DescribeConfig extends StrataCommand {
  static override summary =
    'Show the CLI configuration in effect (after defaults, env overrides and path resolution)';
  static override flags = { format: formatFlag };

  async run(): Promise<void> {
    const { flags } = await this.parse(DescribeConfig);
    this.print(render(configView((await this.openProject(flags)).cli), flags.format));
  }
}
