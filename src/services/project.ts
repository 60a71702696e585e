import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { CliConfig } from '../model/cli-config.js';
import { StackSet } from '../compile/stack-set.js';
import { findConfig } from '../io/find-config.js';
import { configProbe } from '../io/config-probe.js';
import { fileSystemHost } from '../io/stack-host.js';

export interface ProjectOptions {
  readonly cwd: string;
  readonly chdir?: string;
  readonly configFile?: string;
  readonly basePath?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Project {
  readonly cli: CliConfig;
  readonly set: StackSet;
  readonly cwd: string;
}

/** Finds and resolves the CLI config, then opens a compile session over the stacks it points at. */
export function openProject(options: ProjectOptions): Project {
  const cwd = resolve(options.cwd, options.chdir ?? '.');
  const found = findConfig({ cwd, configFlag: options.configFile, env: options.env });
  if (found.diagnostics.length > 0) throw new UserError(found.diagnostics);
  const { config, diagnostics } = resolveConfig(
    {
      ...(found.found ? { file: found.found } : {}),
      ...(options.basePath ? { basePathOverride: options.basePath } : {}),
    },
    configProbe(cwd, options.env),
  );
  if (!config || diagnostics.length > 0) throw new UserError(diagnostics);
  const cli = config;
  const stacksDisplay = relative(cli.basePath, cli.stacks.basePath).split('\\').join('/');
  const display = (file: string) =>
    stacksDisplay === '' ? file : `${stacksDisplay}/${file}`.replace(/\/\.\//g, '/');
  const set = new StackSet({
    cli,
    host: fileSystemHost(cli.stacks.basePath, cli.terraform.basePath),
    display,
  });
  if (set.stackFiles.length === 0) {
    throw new UserError([noStacks(cli, display)]);
  }
  return { cli, set, cwd };
}

function noStacks(cli: CliConfig, display: (f: string) => string): Diagnostic {
  const where = cli.configFile ? { file: cli.configFile } : {};
  return {
    code: 'no-stacks-found',
    severity: 'error',
    message: `no stack manifests found in '${display('')}' for included_paths ${JSON.stringify(cli.stacks.includedPaths)}`,
    hint: 'check stacks.base_path and stacks.included_paths in the CLI config (base_path is resolved from the config file folder)',
    ...where,
  };
}
