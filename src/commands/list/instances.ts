import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { toJson } from '../../describe/format.js';
import { table } from '../../describe/table.js';
import { listInstances } from '../../services/list.js';

export default class ListInstances extends StrataCommand {
  static override summary = 'List every component instance (stack × component)';
  static override flags = {
    stack: Flags.string({ char: 's', description: 'only stacks matching this name or glob' }),
    components: Flags.string({ description: 'comma-separated component names' }),
    format: Flags.option({
      char: 'f',
      options: ['table', 'json', 'csv', 'matrix'] as const,
      default: 'table' as const,
      description: 'output format (matrix: GitHub Actions {"include": [...]})',
    })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ListInstances);
    const components = flags.components
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const rows = listInstances(await this.openProject(flags), flags.stack, components);
    switch (flags.format) {
      case 'json':
        return this.print(toJson(rows));
      case 'matrix':
        return this.print(JSON.stringify({ include: rows }));
      case 'csv':
        return this.print(
          [
            'stack,component,component_type,component_path',
            ...rows.map((r) => [r.stack, r.component, r.component_type, r.component_path].map(csv).join(',')),
          ].join('\n'),
        );
      default:
        return this.print(
          table(
            ['STACK', 'COMPONENT', 'TYPE', 'PATH'],
            rows.map((r) => [r.stack, r.component, r.component_type, r.component_path]),
          ),
        );
    }
  }
}

function csv(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
