import { Args, Flags } from '@oclif/core';
import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import { execaRunner } from '../io/terraform.js';
import type { Subcommand } from '../run/terraform-plan.js';
import { runTerraform } from '../services/terraform.js';
import { runMany } from '../services/terraform-many.js';
import { describeAffected } from '../services/affected.js';
import { StrataCommand, commaList } from './base-command.js';

const MANY: readonly Subcommand[] = ['plan', 'apply', 'deploy', 'destroy'];

/**
 * Base of `strata terraform <subcommand> <component> -s <stack> [-- <native terraform args>]`, and of
 * runs over many instances (`--all`, `--stacks`, `--components`) for plan/apply/deploy/destroy.
 */
export abstract class TerraformCommand extends StrataCommand {
  static override strict = false;
  static override args = { component: Args.string({ required: false, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', description: 'stack name (or a stack manifest path)' }),
    'dry-run': Flags.boolean({
      description: 'print the generated files and the commands, write and run nothing',
    }),
    'skip-init': Flags.boolean({ description: "do not run 'terraform init' first" }),
    all: Flags.boolean({
      description: 'every real, enabled instance, in dependency order (plan/apply/deploy/destroy)',
    }),
    stacks: Flags.string({ description: 'comma-separated stack names or globs (many instances)' }),
    components: Flags.string({ description: 'comma-separated component names (many instances)' }),
    query: Flags.string({
      description:
        'keep instances whose merged config matches, e.g. \'.vars.stage == "dev" and .settings.deploy\'',
    }),
    affected: Flags.boolean({
      description: 'the instances `describe affected` reports (not the deleted ones)',
    }),
    base: Flags.string({ description: 'with --affected: the git ref to compare with' }),
    'include-dependents': Flags.boolean({ description: 'also run what depends on the selection' }),
    'include-dependencies': Flags.boolean({ description: 'also run what the selection depends on' }),
    parallelism: Flags.integer({
      default: 1,
      min: 1,
      description: 'instances of one dependency wave run at once',
    }),
    'failure-mode': Flags.option({
      options: ['fail-fast', 'keep-going'] as const,
      default: 'fail-fast' as const,
      description: 'after a failure: stop, or skip only its dependents',
    })(),
  };

  protected abstract readonly subcommand: Subcommand;

  protected fromPlan(): boolean {
    return false;
  }

  private affectedIds(flags: {
    chdir?: string;
    config?: string;
    'base-path'?: string;
    base?: string;
  }): string[] {
    const items = describeAffected(this.projectOptions(flags), {
      ...(flags.base ? { base: flags.base } : {}),
      includeDependents: false,
    });
    return items.filter((i) => !i.deleted).map((i) => `${i.stack}/${i.component}`);
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
    const reporter = this.reporter;
    const many =
      flags.all ||
      flags.affected ||
      flags.stacks !== undefined ||
      flags.components !== undefined ||
      flags.query !== undefined;
    let code: number;
    if (many) {
      if (!MANY.includes(this.subcommand))
        throw usage(`--all, --stacks and --components work with ${MANY.join(', ')}`);
      code = await runMany(
        (resolveOutputs) => this.openProject(flags, resolveOutputs),
        execaRunner,
        {
          subcommand: this.subcommand,
          ...(commaList(flags.stacks) ? { stacks: commaList(flags.stacks)! } : {}),
          ...(commaList(flags.components) ? { components: commaList(flags.components)! } : {}),
          ...(flags.affected ? { only: this.affectedIds(flags) } : {}),
          ...(flags.query !== undefined ? { query: flags.query } : {}),
          progress: Boolean(process.stderr.isTTY),
          includeDependents: flags['include-dependents'],
          includeDependencies: flags['include-dependencies'],
          parallelism: flags.parallelism,
          failureMode: flags['failure-mode'],
          extraArgs,
          dryRun: flags['dry-run'],
          skipInit: flags['skip-init'],
          env: process.env,
          now: () => Date.now(),
        },
        reporter,
      );
    } else {
      if (!args.component || !flags.stack)
        throw usage('give a component and -s <stack>, or --all / --stacks / --components');
      code = await runTerraform(
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
        reporter,
      );
    }
    if (code !== 0) this.exit(code);
  }
}

function usage(message: string): UserError {
  return new UserError([error('usage', message)]);
}
