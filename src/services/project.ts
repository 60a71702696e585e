import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { CliConfig } from '../model/cli-config.js';
import { StackSet } from '../compile/stack-set.js';
import { findConfig } from '../io/find-config.js';
import { configProbe } from '../io/config-probe.js';
import { fileSystemHost } from '../io/stack-host.js';
import { evalHost } from './eval-host.js';
import { includeReader, parseIncludedHcl } from '../io/include-files.js';
import type { DiskCache } from '../io/compile-cache.js';
import { cacheDir, codeIdentity, diskCache } from '../io/compile-cache.js';
import type { StackHost } from '../resolve/host.js';
import { observeOutside, runKey } from './cache-key.js';
import type { HclCache } from '../resolve/includes.js';
import type { MemoryStore } from '../compile/memory-cache.js';
import type { DetailsKeeper } from '../compile/section-digest.js';
import { memoryCache } from '../compile/memory-cache.js';

export interface ProjectOptions {
  readonly cwd: string;
  readonly chdir?: string;
  readonly configFile?: string;
  readonly basePath?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Evaluate templates and YAML functions (Phase C); `!exec` still needs allowExec. Default true. */
  readonly evaluate?: boolean;
  /** --allow-exec: let `!exec` run commands (also functions.exec.enabled in the config). */
  readonly allowExec?: boolean;
  /** describe's --process-templates / --process-functions / --skip. */
  readonly processTemplates?: boolean;
  readonly processFunctions?: boolean;
  readonly skip?: readonly string[];
  /** Resolve `!terraform.output` (terraform runs); inspection leaves placeholders. */
  readonly resolveOutputs?: boolean;
  /** HCL files `!include`d by manifests, parsed ahead (see openProjectWithIncludes). */
  readonly hcl?: HclCache;
  /** Use the on-disk compile cache (inspection commands; `--no-cache` turns it off). */
  readonly cache?: boolean;
  /**
   * Without the on-disk cache: compiled stacks shared in memory with other projects of this run over
   * the same store (the two sides of describe affected).
   */
  readonly memoryStore?: MemoryStore;
  /** Where `STRATA_CACHE_STATS=1` reports how many stacks were reused (the command's stderr). */
  readonly report?: (line: string) => void;
}

export interface Project {
  readonly cli: CliConfig;
  readonly set: StackSet;
  readonly cwd: string;
  /** Prunes the compile cache and reports its counters (STRATA_CACHE_STATS); call it when the command ends. */
  readonly saveCache?: () => void;
  /** The on-disk compile cache, when the project uses it. */
  readonly cache?: DiskCache;
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
  const probe = configProbe(cwd, options.env);
  const allowExec = options.allowExec === true || execEnabled(cli);
  const repoRoot = probe.gitRoot();
  // What a run reads from the outside world decides whether its results may be cached.
  const observed = observeOutside(options.env);
  // The evaluation host looks other instances up in this very project (for !terraform.state).
  const holder: { project?: Project } = {};
  const evaluate =
    options.evaluate === false
      ? undefined
      : observed.host(
          evalHost(
            {
              cwd,
              env: observed.env,
              repoRoot,
              allowExec,
              resolveOutputs: options.resolveOutputs === true,
              ...(options.processTemplates === false ? { processTemplates: false } : {}),
              ...(options.processFunctions === false ? { processFunctions: false } : {}),
              ...(options.skip ? { skip: options.skip } : {}),
            },
            () => holder.project!,
          ),
        );
  const host = fileSystemHost(cli.stacks.basePath, cli.terraform.basePath);
  const include = includeReader({ cwd, basePath: cli.basePath, stacksBasePath: cli.stacks.basePath });
  const cacheable = options.cache === true && options.resolveOutputs !== true && !options.hcl;
  const cache = cacheable
    ? projectCache(
        options,
        cli,
        host,
        repoRoot,
        allowExec,
        () => observed.envRead,
        () => !observed.impure,
      )
    : undefined;
  const inMemory =
    !cache && options.memoryStore && options.evaluate === false
      ? memoryCache(options.memoryStore, host.listFiles(), (f) => host.readFile(f))
      : undefined;
  const set = new StackSet({
    cli,
    host,
    display,
    ...(evaluate ? { evaluate } : {}),
    include: observed.include(include),
    ...(options.hcl ? { hcl: options.hcl } : {}),
    ...(cache ? { cache } : inMemory ? { cache: inMemory } : {}),
  });
  if (set.stackFiles.length === 0) {
    throw new UserError([noStacks(cli, display)]);
  }
  const saveCache = () => {
    // Entries were written as stacks compiled (only those without problems, and only while the run
    // had read nothing but files and variables); what is left is pruning old ones.
    cache?.flush();
    reportCacheStats(cache, options);
  };
  holder.project = { cli, set, cwd, saveCache, ...(cache ? { cache } : {}) };
  return holder.project;
}

/**
 * openProject, plus the HCL files that manifests `!include` (`.tfvars`, `.tf`, `.hcl`): HashiCorp's
 * parser is asynchronous and the compile is not, so they are parsed first. What the CLI uses.
 */
export async function openProjectWithIncludes(options: ProjectOptions): Promise<Project> {
  const project = openProject(options);
  const { set, cli } = project;
  const texts: [string, string][] = [];
  for (const file of set.index.files) {
    if (!/\.ya?ml(\.tmpl)?$/.test(file)) continue;
    const text = set.context.host.readFile(file);
    if (text?.includes('!include')) texts.push([file, text]);
  }
  if (texts.length === 0) return project;
  const hcl = await parseIncludedHcl(texts, {
    cwd: project.cwd,
    basePath: cli.basePath,
    stacksBasePath: cli.stacks.basePath,
  });
  return hcl.size === 0 ? project : openProject({ ...options, hcl });
}

/**
 * The on-disk compile cache of a project, for stack files read through `host` (the working tree, or a
 * git commit for `describe affected`): entries from both are keyed by file contents, so they share it.
 */
export function projectCache(
  options: ProjectOptions,
  cli: CliConfig,
  host: StackHost,
  repoRoot: string | undefined,
  allowExec: boolean,
  envRead: () => ReadonlyMap<string, string | undefined>,
  pure?: () => boolean,
  keep?: DetailsKeeper,
): DiskCache {
  return diskCache({
    dir: cacheDir(options.env, cli.basePath),
    runKey: runKey({
      code: codeIdentity(),
      cli,
      repoRoot,
      listing: host.listFiles(),
      switches: [
        options.evaluate,
        allowExec,
        options.processTemplates,
        options.processFunctions,
        options.skip,
      ],
    }),
    readFile: (file) => host.readFile(file),
    env: options.env,
    envRead,
    ...(pure ? { pure } : {}),
    ...(keep ? { keep } : {}),
    // Room for a few versions of every stack file (branches, the two sides of describe affected).
    capacity: 4 * host.listFiles().length,
  });
}

/** `STRATA_CACHE_STATS=1`: how many stacks a run reused from the compile cache. */
export function reportCacheStats(cache: DiskCache | undefined, options: ProjectOptions): void {
  if (!cache || !options.env['STRATA_CACHE_STATS'] || !options.report) return;
  const { reused, missed, bodies, recalled } = cache.stats();
  options.report(
    `compile cache: ${reused} reused, ${missed} compiled, ${bodies} with sections read, ${recalled} validations recalled`,
  );
}

function execEnabled(cli: CliConfig): boolean {
  const functions = cli.raw['functions'];
  const exec =
    functions !== null && typeof functions === 'object'
      ? (functions as Record<string, unknown>)['exec']
      : undefined;
  return exec !== null && typeof exec === 'object' && (exec as Record<string, unknown>)['enabled'] === true;
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
