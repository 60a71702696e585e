import { Args, Flags } from '@oclif/core';
import { execaRunner } from '../io/terraform.js';
import type { Subcommand } from '../run/terraform-plan.js';
import { runTerraform } from '../services/terraform.js';
import { StrataCommand } from './base-command.js';

/** Base of `strata terraform <subcommand> <component> -s <stack> [-- <native terraform args>]`. */
export abstract class TerraformCommand extends StrataCommand {
  static override strict = false;
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', required: true, description: 'stack name (or a stack manifest path)' }),
    'dry-run': Flags.boolean({
      description: 'print the generated files and the commands, write and run nothing',
    }),
    'skip-init': Flags.boolean({ description: "do not run 'terraform init' first" }),
  };

  protected abstract readonly subcommand: Subcommand;

  protected fromPlan(): boolean {
    return false;
  }

  async run(): Promise<void> {
    // Statics inherited from this class are not own properties of the subclass, and oclif spreads the
    // class into its parser options: pass them explicitly.
    const ctor = this.constructor as typeof TerraformCommand;
    const { args, flags } = await this.parse({
      args: ctor.args,
      flags: ctor.flags,
      baseFlags: ctor.baseFlags,
      strict: false,
    });
    const dashdash = this.argv.indexOf('--');
    const extraArgs = dashdash < 0 ? [] : this.argv.slice(dashdash + 1);
    const code = await runTerraform(
      await this.openProject(flags, true),
      execaRunner,
      {
        subcommand: this.subcommand,
        component: args.component,
        stack: flags.stack,
        extraArgs,
        fromPlan: this.fromPlan(),
        skipInit: flags['skip-init'],
        dryRun: flags['dry-run'],
        interactive: Boolean(process.stdin.isTTY),
        env: process.env,
      },
      { info: (m) => process.stderr.write(`${m}\n`) },
    );
    if (code !== 0) this.exit(code);
  }
}
