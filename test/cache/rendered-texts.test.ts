import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';
import { smallOrganisation } from '../helpers/broken-parts.js';

// `describe stacks` keeps the text it printed for each manifest beside the manifest's cache entry; a
// run with the same options copies those texts instead of reading the sections and printing them
// again ("0 with sections read"). What it prints must be what a run without the cache prints.

const run = (dir: string, cache: string, args: readonly string[]) => {
  const r = runCli(['describe', 'stacks', ...args], dir, {
    STRATA_CACHE_DIR: cache,
    STRATA_CACHE_STATS: '1',
  });
  expect(r.exitCode, r.stderr).toBe(0);
  const m = /compile cache: (\d+) reused, (\d+) compiled, (\d+) with sections read/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { stdout: r.stdout, reused: Number(m![1]), compiled: Number(m![2]), bodies: Number(m![3]) };
};

const fresh = (dir: string, args: readonly string[]) => {
  const r = runCli(['describe', 'stacks', '--no-cache', ...args], dir, {
    STRATA_CACHE_DIR: join(dir, '.none'),
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout;
};

const keptTexts = (cache: string) =>
  readdirSync(cache, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.r[0-9a-f]{12}$/.test(f))
    .sort()
    .map((f) => join(cache, f));

describe('describe stacks from the texts it kept', () => {
  it.each([
    ['JSON', ['--format', 'json']],
    ['YAML', ['--format', 'yaml']],
    [
      'JSON, some sections of some components',
      ['--format', 'json', '--sections', 'vars,backend', '--components', 'c3,c4'],
    ],
  ])('copies every stack the second time (%s), byte for byte what --no-cache prints', (_label, args) => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    const expected = fresh(dir, args);
    expect(run(dir, cache, args)).toMatchObject({ compiled: 20, stdout: expected });
    expect(keptTexts(cache)).toHaveLength(20);
    expect(run(dir, cache, args)).toEqual({ stdout: expected, reused: 20, compiled: 0, bodies: 0 });
    // On two threads asked for: nothing is left to print on them, and the output is the same.
    expect(run(dir, cache, [...args, '--jobs', '2']).stdout).toBe(expected);
  });

  it('prints a changed stack anew and copies the others', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    const args = ['--format', 'json'];
    run(dir, cache, args);
    appendFileSync(join(dir, 'stacks/orgs/acme/t1/s3/r1.yaml'), '\nsettings:\n  touched: true\n');
    const after = run(dir, cache, args);
    expect(after).toMatchObject({ reused: 19, compiled: 1, bodies: 0 });
    expect(after.stdout).toBe(fresh(dir, args));
    expect(after.stdout).toContain('"touched": true');
  });

  it('does not take texts kept for other options', () => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    run(dir, cache, ['--format', 'json']);
    const vars = ['--format', 'json', '--sections', 'vars'];
    const other = run(dir, cache, vars);
    expect(other.bodies).toBe(20);
    expect(other.stdout).toBe(fresh(dir, vars));
  });

  it.each([
    ['a changed byte', (b: Buffer) => ((b[b.length - 3]! ^= 0x20), b)],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['not ours', () => Buffer.from('something else')],
  ])('ignores a kept text with %s, and keeps a sound one again', (_label, damage) => {
    const dir = smallOrganisation();
    const cache = join(dir, '.cache');
    const args = ['--format', 'json'];
    const expected = run(dir, cache, args).stdout;
    const [first] = keptTexts(cache);
    writeFileSync(first!, damage(readFileSync(first!)));
    const after = run(dir, cache, args);
    expect(after.bodies).toBe(1);
    expect(after.stdout).toBe(expected);
    expect(run(dir, cache, args).bodies).toBe(0);
  });

  it('never copies texts printed for an entry that was since rewritten for other environment values', () => {
    const dir = testdir({
      'atmos.yaml':
        'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n',
      'components/terraform/vpc/main.tf': 'variable "stage" {}\nvariable "owner" {}\n',
      'stacks/orgs/dev.yaml':
        'vars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n      vars:\n        owner: !env OWNER\n',
    });
    const cache = join(dir, '.cache');
    const as = (owner: string, args: string[]) =>
      runCli(args, dir, { STRATA_CACHE_DIR: cache, OWNER: owner });
    const stacks = ['describe', 'stacks', '--format', 'json'];
    expect(as('alice', stacks).stdout).toContain('"owner": "alice"');
    // Other options compile the stack again for the new value, into the same entry file, and keep
    // texts of their own: the first texts are still beside the entry.
    expect(as('bob', [...stacks, '--sections', 'vars']).stdout).toContain('"owner": "bob"');
    const after = as('bob', stacks);
    expect(after.stdout).toContain('"owner": "bob"');
    expect(after.stdout).toBe(
      runCli([...stacks, '--no-cache'], dir, { STRATA_CACHE_DIR: join(dir, '.none'), OWNER: 'bob' }).stdout,
    );
  });
});
