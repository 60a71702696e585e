import { Args, Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { render } from '../../describe/format.js';
import { describeDependents } from '../../services/graph.js';

export default class DescribeDependents extends StrataCommand {
  static override summary =
    'List the component instances that depend on one (settings.depends_on, dependencies.components, !terraform.output), recursively';
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', required: true, description: 'stack name' }),
    format: Flags.option({
      char: 'f',
      options: ['json', 'yaml'] as const,
      default: 'json' as const,
      description: 'output format',
    })(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DescribeDependents);
    this.print(
      render(describeDependents(await this.openProject(flags), args.component, flags.stack), flags.format),
    );
  }
}
