import { isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { CliConfig, ListMergeStrategy } from '../model/cli-config.js';
import type { Value, ValueMap } from '../model/value.js';
import { isMap, typeName } from '../model/value.js';

/** What config resolution needs from the outside world (injected; see src/io/config-host.ts). */
export interface ConfigProbe {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  gitRoot(): string | undefined;
  isDirectory(path: string): boolean;
}

export interface ConfigInput {
  /** The config file found (absolute), with its text; undefined for built-in defaults. */
  readonly file?: { readonly path: string; readonly display: string; readonly text: string };
  /** --base-path or STRATA_BASE_PATH/ATMOS_BASE_PATH (relative to the CWD). */
  readonly basePathOverride?: string;
}

/** Built-in defaults when no config file exists (spec §1.1). */
const NO_FILE_DEFAULTS: ValueMap = {
  base_path: '.',
  stacks: {
    base_path: 'stacks',
    included_paths: ['orgs/**/*'],
    excluded_paths: ['**/_defaults.yaml'],
    name_pattern: '{tenant}-{environment}-{stage}',
  },
  components: {
    terraform: {
      base_path: 'components/terraform',
      auto_generate_backend_file: true,
      deploy_run_init: true,
      init_run_reconfigure: true,
      apply_auto_approve: false,
    },
  },
  settings: { list_merge_strategy: 'replace' },
};

const STRATEGIES = ['replace', 'append', 'merge'];

/** Parses and checks strata.yaml/atmos.yaml, applies env overrides and resolves every path. */
export function resolveConfig(
  input: ConfigInput,
  probe: ConfigProbe,
): { config?: CliConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let raw: ValueMap = NO_FILE_DEFAULTS;
  let source: SourceFile | undefined;
  if (input.file) {
    const parsed = parseYaml(input.file.display, input.file.text);
    if (!parsed.source) return { diagnostics: [...parsed.diagnostics] };
    source = parsed.source;
    const v = source.value;
    if (v !== null && !isMap(v)) {
      return {
        diagnostics: [
          error('config-invalid', `the CLI config must be a map of settings, got ${typeName(v)}`, {
            file: input.file.display,
            hint: 'start it with keys such as base_path:, stacks:, components:',
          }),
        ],
      };
    }
    raw = v ?? {};
  }
  const bad = (path: string[], expected: string, got: Value | undefined) =>
    diagnostics.push(
      error('config-invalid', `'${path.join('.')}' must be ${expected}, got ${typeName(got)}`, {
        file: source?.file,
        position: source ? positionAt(source, path) : undefined,
        source: source?.text,
        hint: `fix '${path.join('.')}' in the CLI config`,
      }),
    );
  const env = (name: string) => probe.env[`STRATA_${name}`] ?? probe.env[`ATMOS_${name}`];
  const str = (path: string[], envName?: string): string => {
    const fromEnv = envName ? env(envName) : undefined;
    if (fromEnv !== undefined) return fromEnv;
    const v = get(raw, path);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      bad(path, 'a string', v);
      return '';
    }
    return v;
  };
  const bool = (path: string[], fallback: boolean, envName?: string): boolean => {
    const fromEnv = envName ? env(envName) : undefined;
    if (fromEnv !== undefined) return fromEnv === 'true';
    const v = get(raw, path);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') {
      bad(path, 'true or false', v);
      return fallback;
    }
    return v;
  };
  const list = (path: string[], envName: string): string[] => {
    const fromEnv = env(envName);
    if (fromEnv !== undefined)
      return fromEnv
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const v = get(raw, path);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      bad(path, 'a list of glob strings', v);
      return [];
    }
    return v as string[];
  };
  for (const section of ['stacks', 'components', 'settings', 'templates', 'env']) {
    const v = raw[section];
    if (v !== undefined && v !== null && !isMap(v)) bad([section], 'a map', v);
  }

  const configDir = input.file ? resolve(input.file.path, '..') : probe.cwd;
  const basePath = resolveBasePath(
    input.basePathOverride ?? env('BASE_PATH'),
    str(['base_path']),
    configDir,
    probe,
  );
  const stacksBase = str(['stacks', 'base_path'], 'STACKS_BASE_PATH');
  const terraformBase = str(['components', 'terraform', 'base_path'], 'COMPONENTS_TERRAFORM_BASE_PATH');
  const strategy = str(['settings', 'list_merge_strategy'], 'SETTINGS_LIST_MERGE_STRATEGY') || 'replace';
  if (!STRATEGIES.includes(strategy)) {
    diagnostics.push(
      error('merge-strategy-invalid', `invalid list merge strategy '${strategy}'`, {
        file: source?.file,
        position: source ? positionAt(source, ['settings', 'list_merge_strategy']) : undefined,
        source: source?.text,
        hint: "use 'replace', 'append' or 'merge'",
      }),
    );
  }
  const workspacesRaw = get(raw, ['components', 'terraform', 'workspaces_enabled']);
  if (workspacesRaw !== undefined && workspacesRaw !== null && typeof workspacesRaw !== 'boolean')
    bad(['components', 'terraform', 'workspaces_enabled'], 'true or false', workspacesRaw);
  const separator = str(['components', 'terraform', 'workspace', 'prefix_separator']) || '-';
  const envSection = get(raw, ['env']);
  const config: CliConfig = {
    configFile: input.file?.path,
    basePath,
    stacks: {
      basePath: join(basePath, stacksBase),
      basePathRelative: stacksBase,
      includedPaths: list(['stacks', 'included_paths'], 'STACKS_INCLUDED_PATHS'),
      excludedPaths: list(['stacks', 'excluded_paths'], 'STACKS_EXCLUDED_PATHS'),
      namePattern: str(['stacks', 'name_pattern'], 'STACKS_NAME_PATTERN'),
      nameTemplate: str(['stacks', 'name_template'], 'STACKS_NAME_TEMPLATE'),
      inheritMetadata: bool(['stacks', 'inherit', 'metadata'], true),
    },
    terraform: {
      basePath: join(basePath, terraformBase),
      basePathRelative: terraformBase,
      command: str(['components', 'terraform', 'command'], 'COMPONENTS_TERRAFORM_COMMAND') || 'terraform',
      autoGenerateBackendFile: bool(
        ['components', 'terraform', 'auto_generate_backend_file'],
        false,
        'COMPONENTS_TERRAFORM_AUTO_GENERATE_BACKEND_FILE',
      ),
      workspacesEnabled: typeof workspacesRaw === 'boolean' ? workspacesRaw : undefined,
      initRunReconfigure: bool(
        ['components', 'terraform', 'init_run_reconfigure'],
        false,
        'COMPONENTS_TERRAFORM_INIT_RUN_RECONFIGURE',
      ),
      applyAutoApprove: bool(
        ['components', 'terraform', 'apply_auto_approve'],
        false,
        'COMPONENTS_TERRAFORM_APPLY_AUTO_APPROVE',
      ),
      deployRunInit: bool(
        ['components', 'terraform', 'deploy_run_init'],
        false,
        'COMPONENTS_TERRAFORM_DEPLOY_RUN_INIT',
      ),
      prefixSeparator: separator,
    },
    listMergeStrategy: (STRATEGIES.includes(strategy) ? strategy : 'replace') as ListMergeStrategy,
    ignoreMissingTemplateValues: bool(['templates', 'settings', 'ignore_missing_template_values'], false),
    env: isMap(envSection) ? envSection : {},
    raw,
  };
  return { config, diagnostics };
}

function get(v: Value | undefined, path: readonly string[]): Value | undefined {
  let cur = v;
  for (const k of path) {
    if (!isMap(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** base_path rules of spec §1.3. */
function resolveBasePath(
  override: string | undefined,
  configured: string,
  configDir: string,
  probe: ConfigProbe,
): string {
  if (override !== undefined && override !== '')
    return isAbsolute(override) ? override : resolve(probe.cwd, override);
  const p = configured;
  if (isAbsolute(p)) return p;
  if (p === '') return probe.gitRoot() ?? configDir;
  if (p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../')) return resolve(configDir, p);
  const git = probe.gitRoot();
  if (git && probe.isDirectory(join(git, p))) return join(git, p);
  if (probe.isDirectory(join(configDir, p))) return join(configDir, p);
  if (probe.isDirectory(join(probe.cwd, p))) return join(probe.cwd, p);
  return join(git ?? configDir, p);
}
