import { Args, Flags } from '@oclif/core';
import { StrataCommand } from '../../../cli/base-command.js';
import { generateOne } from '../../../services/generate.js';

export default class GenerateProviders extends StrataCommand {
  static override summary =
    'Write the providers file of one component instance (default: into the component folder)';
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', required: true, description: 'stack name' }),
    file: Flags.string({ description: 'write to this path instead' }),
    'dry-run': Flags.boolean({ description: 'print the file instead of writing it' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GenerateProviders);
    generateOne(
      this.openProject(flags),
      'providers',
      args.component,
      flags.stack,
      flags.file,
      { info: (m) => process.stderr.write(`${m}\n`) },
      flags['dry-run'],
    );
  }
}
