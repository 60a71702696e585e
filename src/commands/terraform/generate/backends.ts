import { Flags } from '@oclif/core';
import { StrataCommand } from '../../../cli/base-command.js';
import { generateMany } from '../../../services/generate.js';

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

export default class GenerateBackends extends StrataCommand {
  static override summary =
    'Write the backend file of every terraform component instance (abstract ones excluded)';
  static override flags = {
    stacks: Flags.string({ description: 'comma-separated stack names or globs' }),
    components: Flags.string({ description: 'comma-separated component names' }),
    'dry-run': Flags.boolean({ description: 'print the files instead of writing them' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(GenerateBackends);
    const filter = {
      ...(list(flags.stacks) ? { stacks: list(flags.stacks)! } : {}),
      ...(list(flags.components) ? { components: list(flags.components)! } : {}),
    };
    generateMany(
      this.openProject(flags),
      'backend',
      filter,
      { info: (m) => process.stderr.write(`${m}\n`) },
      flags['dry-run'],
    );
  }
}
