import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { toJson } from '../../describe/format.js';
import { table } from '../../describe/table.js';
import { listComponents } from '../../services/list.js';

export default class ListComponents extends StrataCommand {
  static override summary = 'List components across stacks';
  static override flags = {
    stack: Flags.string({ char: 's', description: 'only stacks matching this name or glob' }),
    type: Flags.option({
      options: ['real', 'abstract', 'all'] as const,
      default: 'real' as const,
      description: 'which components to list',
    })(),
    format: Flags.option({
      char: 'f',
      options: ['table', 'json'] as const,
      default: 'table' as const,
      description: 'output format',
    })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ListComponents);
    const rows = listComponents(await this.openProject(flags), flags.stack, flags.type);
    if (flags.format === 'json') {
      this.print(toJson(rows));
      return;
    }
    this.print(
      table(
        ['COMPONENT', 'TYPE', 'FOLDER', 'STACKS'],
        rows.map((r) => [r.component, r.type, r.folder, String(r.stacks.length)]),
      ),
    );
  }
}
