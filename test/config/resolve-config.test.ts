import { describe, expect, it } from 'vitest';
import type { ConfigProbe } from '../../src/config/resolve-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

const probe = (over: Partial<ConfigProbe> = {}, dirs: string[] = []): ConfigProbe => ({
  cwd: '/work/repo/sub',
  env: {},
  gitRoot: () => '/work/repo',
  isDirectory: (p) => dirs.includes(p),
  ...over,
});
const file = (text: string, path = '/work/repo/config/atmos.yaml') => ({
  file: { path, display: 'atmos.yaml', text },
});

describe('base_path', () => {
  it.each([
    { name: 'absolute', base: '/abs/infra', expected: '/abs/infra' },
    { name: 'dot: the config file folder', base: '.', expected: '/work/repo/config' },
    { name: './x relative to the config file folder', base: './x', expected: '/work/repo/config/x' },
    { name: '../x relative to the config file folder', base: '../x', expected: '/work/repo/x' },
    { name: 'empty: the git root', base: '""', expected: '/work/repo' },
    {
      name: 'bare relative: under the git root when it exists there',
      base: 'infra',
      dirs: ['/work/repo/infra'],
      expected: '/work/repo/infra',
    },
    {
      name: 'bare relative: the config folder next',
      base: 'infra',
      dirs: ['/work/repo/config/infra'],
      expected: '/work/repo/config/infra',
    },
    { name: 'bare relative: the git root when nothing exists', base: 'infra', expected: '/work/repo/infra' },
  ])('$name', ({ base, dirs, expected }) => {
    const { config } = resolveConfig(file(`base_path: ${base}\n`), probe({}, dirs ?? []));
    expect(config!.basePath).toBe(expected);
  });

  it('takes STRATA_BASE_PATH (or ATMOS_BASE_PATH) relative to the working folder', () => {
    expect(
      resolveConfig(file('base_path: .\n'), probe({ env: { ATMOS_BASE_PATH: '../other' } })).config!.basePath,
    ).toBe('/work/repo/other');
    expect(
      resolveConfig(file('base_path: .\n'), probe({ env: { STRATA_BASE_PATH: 'x', ATMOS_BASE_PATH: 'y' } }))
        .config!.basePath,
    ).toBe('/work/repo/sub/x');
  });
});

describe('settings', () => {
  it('reads stacks and terraform settings, with zero values for omitted keys when a file exists', () => {
    const { config } = resolveConfig(
      file(
        'base_path: .\nstacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n    command: tofu\n    workspaces_enabled: false\nsettings:\n  list_merge_strategy: append\n',
      ),
      probe(),
    );
    expect(config).toMatchObject({
      stacks: {
        basePath: '/work/repo/config/stacks',
        includedPaths: ['orgs/**/*'],
        excludedPaths: [],
        namePattern: '{stage}',
        inheritMetadata: true,
      },
      terraform: {
        basePath: '/work/repo/config/components/terraform',
        command: 'tofu',
        workspacesEnabled: false,
        autoGenerateBackendFile: false,
        initRunReconfigure: false,
      },
      listMergeStrategy: 'append',
    });
  });

  it('uses Atmos built-in defaults when there is no config file', () => {
    const { config } = resolveConfig({}, probe());
    expect(config).toMatchObject({
      basePath: '/work/repo/sub',
      stacks: {
        includedPaths: ['orgs/**/*'],
        excludedPaths: ['**/_defaults.yaml'],
        namePattern: '{tenant}-{environment}-{stage}',
      },
      terraform: { autoGenerateBackendFile: true, initRunReconfigure: true, command: 'terraform' },
    });
  });

  it('lets ATMOS_* environment variables override the file', () => {
    const { config } = resolveConfig(
      file('stacks:\n  name_pattern: "{stage}"\n'),
      probe({
        env: {
          ATMOS_STACKS_NAME_PATTERN: '{tenant}-{stage}',
          ATMOS_STACKS_INCLUDED_PATHS: 'a/**/*, b/*',
          ATMOS_COMPONENTS_TERRAFORM_COMMAND: 'tofu',
        },
      }),
    );
    expect(config).toMatchObject({
      stacks: { namePattern: '{tenant}-{stage}', includedPaths: ['a/**/*', 'b/*'] },
      terraform: { command: 'tofu' },
    });
  });

  it('accepts keys it does not use', () => {
    const { diagnostics } = resolveConfig(
      file(
        'logs: {level: Info}\nworkflows: {base_path: w}\nintegrations: {github: {}}\nstacks:\n  base_path: s\n',
      ),
      probe(),
    );
    expect(diagnostics).toEqual([]);
  });

  it.each([
    { text: 'stacks: [a]\n', message: "'stacks' must be a map, got list", line: 1 },
    {
      text: 'stacks:\n  name_pattern: 3\n',
      message: "'stacks.name_pattern' must be a string, got integer",
      line: 2,
    },
    {
      text: 'components:\n  terraform:\n    auto_generate_backend_file: "yes"\n',
      message: "'components.terraform.auto_generate_backend_file' must be true or false, got string",
      line: 3,
    },
    {
      text: 'settings:\n  list_merge_strategy: deep\n',
      message: "invalid list merge strategy 'deep'",
      line: 2,
    },
    {
      text: 'stacks:\n  included_paths: [1]\n',
      message: "'stacks.included_paths' must be a list of glob strings, got list",
      line: 2,
    },
  ])('reports $message at line $line', ({ text, message, line }) => {
    const { diagnostics } = resolveConfig(file(text), probe());
    expect(diagnostics[0]).toMatchObject({ message, file: 'atmos.yaml', position: { line } });
  });

  it('reports a YAML syntax error in the config file', () => {
    const { config, diagnostics } = resolveConfig(file('stacks:\n  base_path: [\n'), probe());
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'atmos.yaml' });
  });
});
