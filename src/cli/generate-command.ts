import { Args, Flags } from '@oclif/core';
import type { GeneratedKind } from '../services/generate.js';
import { generateMany, generateOne } from '../services/generate.js';
import { StrataCommand, commaList } from './base-command.js';

/** Base of `strata terraform generate varfile|backend|providers <component> -s <stack>`. */
export abstract class GenerateOneCommand extends StrataCommand {
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', required: true, description: 'stack name' }),
    file: Flags.string({ description: 'write to this path instead' }),
    'dry-run': Flags.boolean({ description: 'print the file instead of writing it' }),
  };

  protected abstract readonly kind: GeneratedKind;

  async run(): Promise<void> {
    const ctor = this.constructor as typeof GenerateOneCommand;
    const { args, flags } = await this.parse({
      args: ctor.args,
      flags: ctor.flags,
      baseFlags: ctor.baseFlags,
    });
    generateOne(
      await this.openProject(flags),
      this.kind,
      args.component,
      flags.stack,
      flags.file,
      this.reporter,
      flags['dry-run'],
    );
  }
}

/** Base of `strata terraform generate varfiles|backends`. */
export abstract class GenerateManyCommand extends StrataCommand {
  static override flags = {
    stacks: Flags.string({ description: 'comma-separated stack names or globs' }),
    components: Flags.string({ description: 'comma-separated component names' }),
    'dry-run': Flags.boolean({ description: 'print the files instead of writing them' }),
  };

  protected abstract readonly kind: 'varfile' | 'backend';

  async run(): Promise<void> {
    const ctor = this.constructor as typeof GenerateManyCommand;
    const { flags } = await this.parse({ flags: ctor.flags, baseFlags: ctor.baseFlags });
    const stacks = commaList(flags.stacks);
    const components = commaList(flags.components);
    generateMany(
      await this.openProject(flags),
      this.kind,
      { ...(stacks ? { stacks } : {}), ...(components ? { components } : {}) },
      this.reporter,
      flags['dry-run'],
    );
  }
}
