import { Command, Flags } from '@oclif/core';
import { renderDiagnostics } from '../diagnostics/render.js';
import { isUserError } from '../diagnostics/errors.js';
import type { OutputFormat } from '../describe/format.js';
import type { Project, ProjectOptions } from '../services/project.js';
import { openProjectWithIncludes } from '../services/project.js';

interface GlobalFlags {
  cache?: boolean;
  config?: string;
  chdir?: string;
  'base-path'?: string;
  'allow-exec'?: boolean;
}

interface EvaluationFlagValues {
  'resolve-remote'?: boolean;
  'process-templates'?: boolean;
  'process-functions'?: boolean;
  skip?: string;
}

/** `a, b ,c` → ['a', 'b', 'c']; undefined for an absent flag. */
export function commaList(s: string | undefined): string[] | undefined {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
}

/** Flags every command shares, and the one place that turns failures into text and exit codes. */
export abstract class StrataCommand extends Command {
  static override baseFlags = {
    config: Flags.string({
      description: 'path of the CLI config file (strata.yaml or atmos.yaml)',
      helpGroup: 'GLOBAL',
    }),
    chdir: Flags.string({ char: 'C', description: 'run as if started in this folder', helpGroup: 'GLOBAL' }),
    'base-path': Flags.string({
      description: 'override base_path (relative to the working folder)',
      helpGroup: 'GLOBAL',
    }),
    debug: Flags.boolean({ description: 'print stack traces of internal errors', helpGroup: 'GLOBAL' }),
    cache: Flags.boolean({
      default: true,
      allowNo: true,
      description: 'reuse compiled stacks whose files have not changed (--no-cache compiles everything)',
      helpGroup: 'GLOBAL',
    }),
    'allow-exec': Flags.boolean({
      description:
        "let !exec in manifests run commands (off by default: a manifest must not run commands on a reviewer's machine)",
      helpGroup: 'GLOBAL',
    }),
  };

  /** The project options every command derives from the global flags (the working folder and env here). */
  protected projectOptions(flags: GlobalFlags): ProjectOptions {
    return {
      // The command layer is the one place that reads the process's working folder and environment.
      cwd: process.cwd(),
      ...(flags.chdir ? { chdir: flags.chdir } : {}),
      ...(flags.config ? { configFile: flags.config } : {}),
      ...(flags['base-path'] ? { basePath: flags['base-path'] } : {}),
      cache: flags.cache !== false,
      env: process.env,
      report: (line) => this.reporter.info(line),
    };
  }

  /** `resolveOutputs`: terraform runs resolve `!terraform.output`; inspection commands do not. */
  protected async openProject(
    flags: GlobalFlags & EvaluationFlagValues,
    resolveOutputs = false,
  ): Promise<Project> {
    const project = await openProjectWithIncludes(this.openOptions(flags, resolveOutputs));
    this.#projects.push(project);
    return project;
  }

  /** What openProject opens the project with (worker threads open it again with the same). */
  protected openOptions(flags: GlobalFlags & EvaluationFlagValues, resolveOutputs = false): ProjectOptions {
    return {
      ...this.projectOptions(flags),
      allowExec: flags['allow-exec'] === true,
      resolveOutputs: resolveOutputs || flags['resolve-remote'] === true,
      ...(flags['process-templates'] === false ? { processTemplates: false } : {}),
      ...(flags['process-functions'] === false ? { processFunctions: false } : {}),
      ...(flags.skip ? { skip: commaList(flags.skip)!.map((x) => x.replace(/^!/, '')) } : {}),
    };
  }

  readonly #projects: Project[] = [];

  /** After a command, failed or not, the compile cache is pruned (entries were written as stacks compiled). */
  protected override async finally(err: Error | undefined): Promise<unknown> {
    for (const p of this.#projects) p.saveCache?.();
    return super.finally(err);
  }

  /** Strata's own messages (stderr), so stdout stays clean for data. */
  protected readonly reporter = { info: (m: string) => void process.stderr.write(`${m}\n`) };

  protected print(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<unknown> {
    if (isUserError(err)) {
      const color = Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'];
      process.stderr.write(renderDiagnostics(err.diagnostics, { color }));
      this.exit(1);
    }
    if (err.oclif !== undefined) return super.catch(err);
    const debug = this.argv.includes('--debug');
    process.stderr.write(
      `internal error: ${err.message}\nThis is a bug in Strata: please report it with the command you ran.${debug ? `\n${err.stack ?? ''}` : ' Run again with --debug to see the stack trace.'}\n`,
    );
    this.exit(1);
  }
}

export const formatFlag = Flags.option({
  char: 'f',
  options: ['yaml', 'json'] as const,
  default: 'yaml' as OutputFormat,
  description: 'output format',
})();

/** `--jobs` of the commands that go over every stack on worker threads (services/worker-parts.ts). */
export const jobsFlag = Flags.string({
  description:
    'threads going over the stacks: a number, or auto (every core, at most 4, from 1,000 stack manifests)',
  default: 'auto',
});

/** describe's evaluation switches (Atmos's flags). */
export const evaluationFlags = {
  'process-templates': Flags.boolean({
    default: true,
    allowNo: true,
    description: 'render Go templates in component sections (templates.settings.enabled)',
  }),
  'process-functions': Flags.boolean({
    default: true,
    allowNo: true,
    description: 'evaluate YAML functions (!env, !terraform.state, ...)',
  }),
  'resolve-remote': Flags.boolean({
    description:
      'resolve !terraform.output: from local state files, and (describe component) through terraform for remote backends; inspection is hermetic otherwise',
  }),
  skip: Flags.string({
    description: 'comma-separated YAML functions to leave as text, e.g. terraform.output,env',
  }),
};
