import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';
import { atmosYaml } from '../helpers/memory-project.js';

const repo = (files: Record<string, string>) =>
  testdir({
    'atmos.yaml': atmosYaml('\nsettings:\n  list_merge_strategy: replace\n').replace(
      '  included_paths: ["orgs/**/*"]',
      '  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"',
    ),
    'stacks/catalog/vpc.yaml':
      'components:\n  terraform:\n    vpc:\n      vars:\n        cidr: 10.0.0.0/16\n        tags: {Team: platform}\n',
    'stacks/orgs/dev.yaml':
      'import:\n  - catalog/vpc\nvars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n      vars:\n        cidr: 10.1.0.0/16\n',
    ...files,
  });

describe('strata describe component', () => {
  it('prints JSON with sorted keys and exits 0', () => {
    const r = runCli(['describe', 'component', 'vpc', '-s', 'dev', '--format', 'json'], repo({}));
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.vars).toEqual({ cidr: '10.1.0.0/16', stage: 'dev', tags: { Team: 'platform' } });
    expect(Object.keys(out)).toEqual([...Object.keys(out)].sort());
  });

  it('prints the same bytes on every run', () => {
    const dir = repo({});
    const a = runCli(['describe', 'component', 'vpc', '-s', 'dev'], dir);
    const b = runCli(['describe', 'component', 'vpc', '-s', 'dev'], dir);
    expect(a.stdout).toBe(b.stdout);
  });

  it('annotates every value with file:line:col with --provenance', () => {
    const r = runCli(['describe', 'component', 'vpc', '-s', 'dev', '--provenance'], repo({}));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      'cidr: 10.1.0.0/16 # stacks/orgs/dev.yaml:9:15 (over stacks/catalog/vpc.yaml:5:15)',
    );
    expect(r.stdout).toContain('Team: platform # stacks/catalog/vpc.yaml:6:22');
    const json = JSON.parse(
      runCli(['describe', 'component', 'vpc', '-s', 'dev', '--provenance', '--format', 'json'], repo({}))
        .stdout,
    );
    expect(json.sources.provenance['vars.stage']).toEqual([
      { file: 'stacks/orgs/dev.yaml', line: 4, column: 10, value: 'dev' },
    ]);
  });

  it('fails with exit 1, the stack suggestion and no stack trace for an unknown stack', () => {
    const r = runCli(['describe', 'component', 'vpc', '-s', 'dve'], repo({}));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("error[stack-not-found]: could not find the stack 'dve'");
    expect(r.stderr).toContain("did you mean 'dev'?");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('!exec with --allow-exec', () => {
  const execRepo = (value: string) =>
    repo({
      'stacks/orgs/dev.yaml': `vars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n      vars:\n        x: ${value}\n`,
    });

  it('runs the command through the shell with the environment, and decodes JSON output', () => {
    const r = runCli(
      ['describe', 'component', 'vpc', '-s', 'dev', '--format', 'json', '--allow-exec'],
      execRepo('!exec printf \'{"who":"%s","n":[1,2]}\' "$STRATA_EXEC_PROBE"'),
      { STRATA_EXEC_PROBE: 'probe-value' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).vars.x).toEqual({ who: 'probe-value', n: [1, 2] });
  });

  it('reports a failing command with its exit code and first stderr line, exit 1', () => {
    const r = runCli(
      ['describe', 'component', 'vpc', '-s', 'dev', '--allow-exec'],
      execRepo('!exec echo broken >&2; exit 3'),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('failed: exit code 3: broken');
  });
});

describe('errors in manifests', () => {
  it('shows file:line:col and a code frame for a YAML syntax error', () => {
    const r = runCli(
      ['validate', 'stacks'],
      repo({ 'stacks/orgs/bad.yaml': 'vars:\n  stage: bad\n  tags: {a: 1\n' }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^stacks\/orgs\/bad\.yaml:4:1: error\[yaml-syntax\]: invalid YAML/m);
    expect(r.stderr).toContain('  tags: {a: 1');
  });

  it('lists every problem of every manifest in one run', () => {
    const r = runCli(
      ['validate', 'stacks'],
      repo({
        'stacks/orgs/a.yaml': 'import:\n  - catalog/missing\nvars: {stage: a}\n',
        'stacks/orgs/b.yaml':
          'vars: {stage: b}\ncomponents:\n  terraform:\n    app:\n      metadata:\n        inherits: [nope]\n',
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "stacks/orgs/a.yaml:2:5: error[import-missing]: import 'catalog/missing' matches no manifest",
    );
    expect(r.stderr).toContain(
      "stacks/orgs/b.yaml:6:20: error[inherits-missing]: component 'app' inherits from 'nope'",
    );
    expect(r.stderr).toContain('Found 2 errors.');
  });

  it('rejects an unknown YAML tag at its position', () => {
    const r = runCli(
      ['validate', 'stacks'],
      repo({ 'stacks/orgs/x.yaml': 'vars:\n  stage: x\n  secret: !vault path/to/secret\n' }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("stacks/orgs/x.yaml:3:11: error[yaml-unknown-tag]: unknown YAML tag '!vault'");
  });

  it('evaluates !env and keeps !terraform.output as a typed placeholder (hermetic)', () => {
    const dir = repo({
      'stacks/orgs/dev.yaml':
        'vars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n      vars:\n        home: !env HOME\n        id: !terraform.output vpc vpc_id\n',
    });
    const out = JSON.parse(
      runCli(['describe', 'component', 'vpc', '-s', 'dev', '-f', 'json'], dir, { HOME: '/home/tester' })
        .stdout,
    );
    expect(out.vars.home).toBe('/home/tester');
    expect(out.vars.id).toBe('(computed: !terraform.output vpc vpc_id)');
  });
});

describe('evaluation switches', () => {
  it('leaves functions as text with --no-process-functions, or only those named by --skip', () => {
    const dir = repo({
      'stacks/orgs/dev.yaml':
        'vars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n      vars:\n        home: !env HOME\n        id: !terraform.output net id\n',
    });
    const vars = (...flags: string[]) =>
      (
        JSON.parse(
          runCli(['describe', 'component', 'vpc', '-s', 'dev', '-f', 'json', ...flags], dir, { HOME: '/h' })
            .stdout,
        ) as { vars: Record<string, unknown> }
      ).vars;
    expect(vars('--no-process-functions')).toMatchObject({
      home: '!env HOME',
      id: '!terraform.output net id',
    });
    expect(vars('--skip', 'env')).toMatchObject({
      home: '!env HOME',
      id: '(computed: !terraform.output net id)',
    });
    expect(vars()).toMatchObject({ home: '/h' });
  });
});

describe('configuration', () => {
  it('finds atmos.yaml in a parent folder', () => {
    const dir = repo({ 'stacks/orgs/deep/x.yaml': 'import: [catalog/vpc]\nvars: {stage: x}\n' });
    const r = runCli(['list', 'stacks'], `${dir}/stacks/orgs/deep`);
    expect(r.stdout.trim().split('\n')).toEqual(['dev', 'x']);
  });

  it('prefers strata.yaml over atmos.yaml in the same folder', () => {
    const dir = repo({
      'strata.yaml': atmosYaml().replace(
        '  included_paths: ["orgs/**/*"]',
        '  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}-strata"',
      ),
    });
    expect(runCli(['list', 'stacks'], dir).stdout.trim()).toBe('dev');
    const described = JSON.parse(runCli(['describe', 'config', '-f', 'json'], dir).stdout);
    expect(described.cli_config_path).toMatch(/strata\.yaml$/);
  });

  it('honours -C, --config and ATMOS_CLI_CONFIG_PATH', () => {
    const dir = repo({});
    expect(runCli(['-C', dir, 'list', 'stacks'], '/').stdout.trim()).toBe('dev');
    expect(runCli(['list', 'stacks', '--config', `${dir}/atmos.yaml`], '/').stdout.trim()).toBe('dev');
    expect(runCli(['list', 'stacks'], '/', { ATMOS_CLI_CONFIG_PATH: dir }).stdout.trim()).toBe('dev');
  });

  it('reports a bad atmos.yaml value with its line', () => {
    const dir = testdir({
      'atmos.yaml': 'stacks:\n  base_path: stacks\n  included_paths: orgs\n',
      'stacks/orgs/a.yaml': '{}\n',
    });
    const r = runCli(['list', 'stacks'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "atmos.yaml:3:19: error[config-invalid]: 'stacks.included_paths' must be a list of glob strings, got string",
    );
  });

  it('says where it looked when no stack manifest matches', () => {
    const dir = testdir({ 'atmos.yaml': atmosYaml() });
    const r = runCli(['list', 'stacks'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error[no-stacks-found]');
  });
});

describe('list', () => {
  it('lists components as a table and as JSON', () => {
    const dir = repo({});
    expect(runCli(['list', 'components'], dir).stdout).toBe(
      'COMPONENT  TYPE       FOLDER  STACKS\nvpc        terraform  vpc     1\n',
    );
    expect(JSON.parse(runCli(['list', 'components', '-f', 'json'], dir).stdout)).toEqual([
      { abstract: false, component: 'vpc', folder: 'vpc', stacks: ['dev'], type: 'terraform' },
    ]);
  });
});

describe('list instances and the graph', () => {
  it('lists instances as a table, CSV and a GitHub Actions matrix', () => {
    const dir = repo({ 'stacks/orgs/prod.yaml': 'import:\n  - catalog/vpc\nvars:\n  stage: prod\n' });
    expect(runCli(['list', 'instances'], dir).stdout).toBe(
      'STACK  COMPONENT  TYPE       PATH\ndev    vpc        terraform  components/terraform/vpc\nprod   vpc        terraform  components/terraform/vpc\n',
    );
    expect(runCli(['list', 'instances', '-f', 'csv', '-s', 'pro*'], dir).stdout).toBe(
      'stack,component,component_type,component_path\nprod,vpc,terraform,components/terraform/vpc\n',
    );
    expect(JSON.parse(runCli(['list', 'instances', '-f', 'matrix'], dir).stdout).include).toHaveLength(2);
  });

  it('prints the dependency graph and the dependents of an instance', () => {
    const dir = repo({
      'stacks/orgs/dev.yaml':
        'import:\n  - catalog/vpc\nvars:\n  stage: dev\ncomponents:\n  terraform:\n    app:\n      settings:\n        depends_on:\n          1: {component: vpc}\n',
    });
    expect(JSON.parse(runCli(['describe', 'graph'], dir).stdout).edges).toEqual([
      { from: 'dev/app', to: 'dev/vpc' },
    ]);
    expect(
      (
        JSON.parse(runCli(['describe', 'dependents', 'vpc', '-s', 'dev'], dir).stdout) as {
          stack_slug: string;
        }[]
      ).map((d) => d.stack_slug),
    ).toEqual(['dev-app']);
  });
});
