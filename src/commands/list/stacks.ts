import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { toJson } from '../../describe/format.js';
import { listStacks } from '../../services/list.js';

export default class ListStacks extends StrataCommand {
  static override summary = 'List stack names';
  static override flags = {
    component: Flags.string({ char: 'c', description: 'only stacks that define this component' }),
    format: Flags.option({
      char: 'f',
      options: ['table', 'json'] as const,
      default: 'table' as const,
      description: 'output format',
    })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ListStacks);
    const stacks = listStacks(await this.openProject(flags), flags.component);
    this.print(flags.format === 'json' ? toJson(stacks) : stacks.join('\n'));
  }
}
