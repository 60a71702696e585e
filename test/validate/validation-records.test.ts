import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/testdir.js';
import { runCli, runCliAsync, testdir } from '../helpers/testdir.js';
import { smallOrganisation } from '../helpers/broken-parts.js';

// With the compile cache, `validate stacks` records what each manifest's checks found (and what each
// file checked on its own found); a second run takes every record that still holds instead of
// compiling the stack again. What it prints must be what a run without the cache prints.

const run = (dir: string, cache: string, ...args: string[]) =>
  runCli(['validate', 'stacks', ...args], dir, { STRATA_CACHE_DIR: cache, STRATA_CACHE_STATS: '1' });

/** What the user sees, without the cache counters. */
const report = (r: CliResult) => ({
  exitCode: r.exitCode,
  stdout: r.stdout,
  stderr: r.stderr.replace(/^compile cache: .*\n/m, ''),
});

const counters = (r: CliResult) => {
  const m =
    /compile cache: (\d+) reused, (\d+) compiled, \d+ with sections read, (\d+) validations recalled/.exec(
      r.stderr,
    );
  expect(m, r.stderr).not.toBeNull();
  return { reused: Number(m![1]), compiled: Number(m![2]), recalled: Number(m![3]) };
};

const fresh = (dir: string, ...args: string[]) =>
  report(
    runCli(['validate', 'stacks', '--no-cache', ...args], dir, { STRATA_CACHE_DIR: join(dir, '.none') }),
  );

const recordFiles = (cache: string) =>
  readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => /checks-[0-9a-f]+\.json$/.test(f));

describe('validate stacks from its records', () => {
  it('takes every manifest from its record on the second run, and prints what a run without the cache prints', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    const expected = fresh(dir);
    expect(expected.exitCode).toBe(0);
    expect(expected.stderr).toContain('Found 70 warnings.');
    // On two threads: the worker's records are saved with the main thread's.
    const first = run(dir, cache, '--jobs', '2');
    expect(counters(first)).toMatchObject({ compiled: 20, recalled: 0 });
    expect(report(first)).toEqual(expected);
    const second = run(dir, cache);
    expect(counters(second)).toEqual({ reused: 0, compiled: 0, recalled: 20 });
    expect(report(second)).toEqual(expected);
    // More threads asked for: nothing is left to check on them, and the report is the same.
    expect(report(run(dir, cache, '--jobs', '2'))).toEqual(expected);
    // --strict is recorded on its own: its first run checks again, its second recalls.
    const strict = fresh(dir, '--strict');
    expect(strict.exitCode).toBe(1);
    expect(counters(run(dir, cache, '--strict')).recalled).toBe(0);
    const again = run(dir, cache, '--strict');
    expect(counters(again).recalled).toBe(20);
    expect(report(again)).toEqual(strict);
  });

  it.each([
    [
      'a variable declared in a component every stack uses',
      'components/terraform/c0/main.tf',
      'variable "enabled" {}\n',
      0,
    ],
    [
      'a catalog file every stack imports',
      'stacks/catalog/c3/defaults.yaml',
      '\nsettings:\n  touched: true\n',
      0,
    ],
    ['a stage _defaults.yaml', 'stacks/orgs/acme/t0/s2/_defaults.yaml', '\nsettings:\n  touched: true\n', 18],
    ['one region manifest', 'stacks/orgs/acme/t1/s3/r1.yaml', '\nsettings:\n  touched: true\n', 19],
  ])('checks again exactly the stacks that %s reaches', (_label, file, addition, recalled) => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    run(dir, cache);
    appendFileSync(join(dir, file), addition);
    const after = run(dir, cache);
    expect(after.exitCode, after.stderr).toBe(0);
    expect(counters(after).recalled).toBe(recalled);
    expect(report(after)).toEqual(fresh(dir));
    expect(counters(run(dir, cache)).recalled).toBe(20);
  });

  it('reports a schema problem in an excluded _defaults.yaml a stack imports, and a YAML error in an unused catalog file, on every run', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    appendFileSync(join(dir, 'stacks/orgs/acme/t0/_defaults.yaml'), '\nsettings: 5\n');
    writeFileSync(join(dir, 'stacks/catalog/unused.yaml'), 'components: [oops\n');
    const expected = fresh(dir);
    expect(expected.exitCode).toBe(1);
    expect(expected.stderr).toMatch(
      /stacks\/orgs\/acme\/t0\/_defaults\.yaml:\d+:\d+: error\[manifest-schema\]/,
    );
    expect(expected.stderr).toMatch(/stacks\/catalog\/unused\.yaml:\d+:\d+: error\[yaml-syntax\]/);
    for (let i = 0; i < 3; i++) expect(report(run(dir, cache))).toEqual(expected);
  });

  it('reports a component whose variables do not parse on every run', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    run(dir, cache);
    writeFileSync(join(dir, 'components/terraform/c1/main.tf'), 'variable "name" {\n  type = \n');
    const expected = fresh(dir);
    expect(expected.stderr).toContain('error[hcl-invalid]');
    for (let i = 0; i < 2; i++) expect(report(run(dir, cache))).toEqual(expected);
  });

  it('finds a component defined differently in a new manifest when the other definition is a record', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    run(dir, cache);
    writeFileSync(
      join(dir, 'stacks/orgs/acme/t0/s0/r0-extra.yaml'),
      'import: [./_defaults]\nvars: {environment: r0}\ncomponents:\n  terraform:\n    c3: {vars: {name: other}}\n',
    );
    const expected = fresh(dir);
    expect(expected.exitCode).toBe(1);
    expect(expected.stderr).toContain("component 'c3' in stack 't0-r0-s0' is defined differently");
    expect(report(run(dir, cache))).toEqual(expected);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'not json at all'],
    ['from another program', (text: string) => text.replace('STRATA-CHECKS-', 'OTHER-CHECKS-')],
    [
      'pointing at entries it does not have',
      (text: string) => text.replace(/"findings":\[\d+/, '"findings":[99999'),
    ],
  ])('ignores a record file that is %s, and writes a sound one', (_label, damage) => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    run(dir, cache);
    const [file] = recordFiles(cache);
    const path = join(cache, file!);
    writeFileSync(path, damage(readFileSync(path, 'utf8')));
    const after = run(dir, cache);
    expect(counters(after).recalled).toBeLessThan(20);
    expect(report(after)).toEqual(fresh(dir));
    expect(counters(run(dir, cache)).recalled).toBe(20);
  });

  it('keeps sound records when runs overlap', async () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    const expected = fresh(dir);
    const runs = await Promise.all(
      [[], ['--jobs', '2'], []].map((extra) =>
        runCliAsync(['validate', 'stacks', ...extra], dir, { STRATA_CACHE_DIR: cache }),
      ),
    );
    for (const r of runs) expect(report(r)).toEqual(expected);
    const after = run(dir, cache);
    expect(counters(after).recalled).toBe(20);
    expect(report(after)).toEqual(expected);
  });

  it('--no-cache neither reads nor writes records', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    runCli(['validate', 'stacks', '--no-cache'], dir, { STRATA_CACHE_DIR: cache });
    expect(existsSync(cache) ? recordFiles(cache) : []).toEqual([]);
  });
});

describe('what else a record depends on', () => {
  const atmos =
    'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\nschemas:\n  jsonschema:\n    base_path: stacks/schemas\n';
  const policy =
    'components:\n  terraform:\n    vpc:\n      settings:\n        validation:\n          cidr:\n            schema_type: jsonschema\n            schema_path: vpc.json\n            description: VPC CIDRs\n      vars:\n        cidr_block: 10.0.0.0/16\n';
  /** The `vpc` component (one variable, `stage`) and `files`. */
  const vpcProject = (files: Record<string, string>) =>
    testdir({ 'atmos.yaml': atmos, 'components/terraform/vpc/main.tf': 'variable "stage" {}\n', ...files });
  const schema = (pattern: string) =>
    JSON.stringify({ type: 'object', properties: { vars: { properties: { cidr_block: { pattern } } } } });

  it('checks a stack again when a settings.validation schema file changes', () => {
    const dir = testdir({
      'atmos.yaml': atmos,
      'components/terraform/vpc/main.tf': 'variable "stage" {}\nvariable "cidr_block" {}\n',
      'stacks/schemas/vpc.json': schema('^10\\.'),
      'stacks/orgs/dev.yaml': `vars:\n  stage: dev\n${policy}`,
    });
    const cache = join(dir, '.cache');
    expect(report(run(dir, cache))).toEqual(fresh(dir));
    writeFileSync(join(dir, 'stacks/schemas/vpc.json'), schema('^172\\.'));
    const after = run(dir, cache);
    expect(counters(after).recalled).toBe(0);
    expect(after.exitCode).toBe(1);
    expect(after.stderr).toContain("component 'vpc' in stack 'dev' fails settings.validation.cidr");
    expect(report(after)).toEqual(fresh(dir));
  });

  it('checks a stack again when an environment variable it reads changes', () => {
    const dir = vpcProject({
      // A .yaml.tmpl file is rendered when imported: Sprig's env reads the environment.
      'stacks/catalog/vpc.yaml.tmpl':
        'components:\n  terraform:\n    vpc:\n      vars:\n        extra_{{ env "EXTRA" }}: 1\n',
      'stacks/orgs/dev.yaml': 'import: [catalog/vpc]\nvars:\n  stage: dev\n',
    });
    const cache = join(dir, '.cache');
    const withEnv = (value: string) =>
      runCli(['validate', 'stacks'], dir, { STRATA_CACHE_DIR: cache, STRATA_CACHE_STATS: '1', EXTRA: value });
    expect(withEnv('a').stderr).toContain('`vars.extra_a` is not a variable');
    const b = withEnv('b');
    expect(counters(b).recalled).toBe(0);
    expect(b.stderr).toContain('`vars.extra_b` is not a variable');
    expect(b.stderr).not.toContain('extra_a');
    expect(counters(withEnv('b')).recalled).toBe(1);
  });

  it('checks an imported template as this run rendered it, and not as raw text when it did not render it', () => {
    const dir = vpcProject({
      // As text, `type` is "{{ .kind }}", not a metadata type: only the rendered file is a manifest.
      'stacks/catalog/vpc.yaml.tmpl':
        'components:\n  terraform:\n    vpc:\n      metadata:\n        type: "{{ .kind }}"\n',
      'stacks/orgs/dev.yaml': 'vars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc: {}\n',
      // The last stack: on two threads, a worker renders the template.
      'stacks/orgs/prod.yaml':
        'import:\n  - path: catalog/vpc.yaml.tmpl\n    context: {kind: real}\nvars:\n  stage: prod\n',
    });
    const cache = join(dir, '.cache');
    const expected = fresh(dir);
    expect(expected.exitCode, expected.stderr).toBe(0);
    for (let i = 0; i < 3; i++) expect(report(run(dir, cache))).toEqual(expected);
    expect(report(run(dir, cache, '--jobs', '2'))).toEqual(expected);
    // describe stacks fills the compile cache: validate then renders nothing, and reports the same.
    const other = join(dir, '.other');
    runCli(['describe', 'stacks'], dir, { STRATA_CACHE_DIR: other });
    expect(report(run(dir, other))).toEqual(expected);
  });
});
