import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { renderGraph } from '../../services/graph.js';

export default class DescribeGraph extends StrataCommand {
  static override summary =
    'Print the dependency graph of every component instance (edges point from a dependency to its dependents)';
  static override flags = {
    format: Flags.option({
      char: 'f',
      options: ['json', 'dot', 'mermaid'] as const,
      default: 'json' as const,
      description: 'output format',
    })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DescribeGraph);
    this.print(renderGraph(await this.openProject(flags), flags.format));
  }
}
