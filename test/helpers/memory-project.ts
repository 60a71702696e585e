import { resolveConfig } from '../../src/config/resolve-config.js';
import type { CliConfig } from '../../src/model/cli-config.js';
import { StackSet } from '../../src/compile/stack-set.js';
import type { StackHost } from '../../src/resolve/host.js';
import { compareWalkOrder } from '../../src/resolve/host.js';
import type { Project } from '../../src/services/project.js';

/** A repository held in memory: `files` maps repo-relative paths to their text. */
export type Tree = Record<string, string>;

const ROOT = '/repo';

/** Opens a project over an in-memory tree, exactly as the CLI does over a folder (config + stacks). */
export function memoryProject(tree: Tree, configFile = 'atmos.yaml', reads?: Set<string>): Project {
  const text = tree[configFile];
  const { config, diagnostics } = resolveConfig(
    text === undefined ? {} : { file: { path: `${ROOT}/${configFile}`, display: configFile, text } },
    {
      cwd: ROOT,
      env: {},
      gitRoot: () => ROOT,
      isDirectory: (p) => Object.keys(tree).some((f) => `${ROOT}/${f}`.startsWith(`${p}/`)),
    },
  );
  if (!config) throw new Error(`bad config in test: ${diagnostics.map((d) => d.message).join('; ')}`);
  return {
    cli: config,
    cwd: ROOT,
    set: new StackSet({
      cli: config,
      host: recording(memoryHost(tree, config), reads),
      display: (f) => `${stacksPrefix(config)}${f}`,
    }),
  };
}

function stacksPrefix(cli: CliConfig): string {
  const rel = cli.stacks.basePath.slice(cli.basePath.length + 1);
  return rel === '' ? '' : `${rel}/`;
}

/** The host, adding every stack-relative file it is asked to read to `reads`. */
function recording(host: StackHost, reads: Set<string> | undefined): StackHost {
  if (!reads) return host;
  return {
    ...host,
    readFile: (rel) => {
      reads.add(rel);
      return host.readFile(rel);
    },
  };
}

export function memoryHost(tree: Tree, cli: CliConfig): StackHost {
  const prefix = cli.stacks.basePath.slice(ROOT.length + 1);
  const stackFiles = Object.keys(tree)
    .filter((f) => f.startsWith(`${prefix}/`))
    .map((f) => f.slice(prefix.length + 1))
    .sort(compareWalkOrder);
  const components = cli.terraform.basePath.slice(ROOT.length + 1);
  return {
    listFiles: () => stackFiles,
    readFile: (rel) => tree[normalizeJoin(prefix, rel)],
    componentFolderExists: (folder) => {
      const [, ...rest] = folder.split('/');
      const dir = `${components}/${rest.join('/')}/`;
      return Object.keys(tree).some((f) => f.startsWith(dir));
    },
  };
}

function normalizeJoin(prefix: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${prefix}/${rel}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** A minimal atmos.yaml for fixtures. */
export function atmosYaml(extra = ''): string {
  return `base_path: "."
stacks:
  base_path: stacks
  included_paths: ["orgs/**/*"]
  excluded_paths: ["**/_defaults.yaml"]
components:
  terraform:
    base_path: components/terraform
${extra}`;
}
