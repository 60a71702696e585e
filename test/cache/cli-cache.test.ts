import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync, testdir } from '../helpers/testdir.js';

// The benchmark's organisation generator.
import { PRESETS, generate } from '../bench/generate.mjs';

// A generated organisation of 20 stacks: 2 tenants × 5 stages × 2 regions, every stack importing the
// whole catalog and the _defaults.yaml of its tenant and stage.
function org(): { dir: string; cache: string } {
  const dir = testdir({});
  generate(dir, PRESETS.small);
  return { dir, cache: join(dir, '.cache') };
}

const run = (dir: string, cache: string, args: string[]) => {
  const r = runCli(args, dir, { STRATA_CACHE_DIR: cache, STRATA_CACHE_STATS: '1' });
  expect(r.exitCode, r.stderr).toBe(0);
  const stats = /compile cache: (\d+) reused, (\d+) compiled/.exec(r.stderr);
  return { stdout: r.stdout, reused: Number(stats?.[1] ?? -1), compiled: Number(stats?.[2] ?? -1) };
};

const describeStacks = ['describe', 'stacks', '--format', 'json'];

describe('the compile cache, through the CLI', () => {
  it('gives byte-identical output cold, cached and with --no-cache, and reuses every stack the second time', () => {
    const { dir, cache } = org();
    const uncached = runCli([...describeStacks, '--no-cache'], dir, { STRATA_CACHE_DIR: cache });
    expect(uncached.stderr).not.toContain('compile cache');
    const first = run(dir, cache, describeStacks);
    expect(first).toMatchObject({ reused: 0, compiled: 20 });
    const second = run(dir, cache, describeStacks);
    expect(second).toMatchObject({ reused: 20, compiled: 0 });
    expect(first.stdout).toBe(uncached.stdout);
    expect(second.stdout).toBe(uncached.stdout);
    expect(run(dir, cache, ['list', 'stacks']).reused).toBe(20);
  });

  it.each([
    ['a stage _defaults.yaml', 'stacks/orgs/acme/t0/s2/_defaults.yaml', 2],
    ['a tenant _defaults.yaml', 'stacks/orgs/acme/t0/_defaults.yaml', 10],
    ['one region manifest', 'stacks/orgs/acme/t1/s3/r1.yaml', 1],
    ['a catalog file every stack imports', 'stacks/catalog/c3/defaults.yaml', 20],
  ])('recompiles exactly the stacks that import %s', (_label, file, expected) => {
    const { dir, cache } = org();
    run(dir, cache, describeStacks);
    appendFileSync(join(dir, file), '\nsettings:\n  touched: true\n');
    const after = run(dir, cache, describeStacks);
    expect(after.compiled).toBe(expected);
    expect(after.reused).toBe(20 - expected);
    const fresh = runCli([...describeStacks, '--no-cache'], dir).stdout;
    expect(after.stdout).toBe(fresh);
  });

  it('answers list stacks from the name index after a list stacks, exactly as a fresh listing', () => {
    const { dir, cache } = org();
    const list = ['list', 'stacks', '-c', 'c3'];
    const fresh = runCli([...list, '--no-cache'], dir, { STRATA_CACHE_DIR: cache }).stdout;
    expect(fresh.trim().split('\n')).toHaveLength(20);
    expect(run(dir, cache, list)).toMatchObject({ reused: 0, compiled: 20, stdout: fresh });
    expect(run(dir, cache, list)).toMatchObject({ reused: 20, compiled: 0, stdout: fresh });
    // A stack that now names itself differently is listed under its new name.
    const region = join(dir, 'stacks/orgs/acme/t1/s3/r1.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('environment: r1', 'environment: moved'));
    const moved = run(dir, cache, list);
    expect(moved).toMatchObject({ reused: 19, compiled: 1 });
    expect(moved.stdout).toContain('t1-moved-s3\n');
    expect(moved.stdout).toBe(runCli([...list, '--no-cache'], dir, { STRATA_CACHE_DIR: cache }).stdout);
  });

  it('finds a terraform instance through the name index, and still refuses one defined twice', () => {
    const { dir, cache } = org();
    // A second manifest for stack t0-r0-s0 defines c3 differently.
    writeFileSync(
      join(dir, 'stacks/orgs/acme/t0/s0/r0-extra.yaml'),
      'import: [./_defaults]\nvars: {environment: r0}\ncomponents:\n  terraform:\n    c3: {vars: {name: other}}\n',
    );
    const varfile = (component: string) => [
      'terraform',
      'generate',
      'varfile',
      component,
      '-s',
      't0-r0-s0',
      '--file',
      join(dir, `${component}.json`),
    ];
    const fresh = runCli(varfile('c4'), dir, { STRATA_CACHE_DIR: cache });
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    const freshVarfile = readFileSync(join(dir, 'c4.json'), 'utf8');
    run(dir, cache, ['list', 'stacks']);
    // Every manifest's names come from the index; only the one that defines the instance is compiled.
    expect(run(dir, cache, varfile('c4'))).toMatchObject({ reused: 21, compiled: 1 });
    expect(readFileSync(join(dir, 'c4.json'), 'utf8')).toBe(freshVarfile);
    const twice = runCli(varfile('c3'), dir, { STRATA_CACHE_DIR: cache });
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('error[component-duplicate]');
  });

  it('does not remember the names of a listing that failed', () => {
    const { dir, cache } = org();
    const catalog = join(dir, 'stacks/catalog/c3/base.yaml');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('vars:', 'vars: [oops'));
    for (let i = 0; i < 2; i++) {
      const r = runCli(['list', 'stacks'], dir, { STRATA_CACHE_DIR: cache });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/stacks\/catalog\/c3\/base\.yaml:\d+:\d+: error\[yaml-syntax\]/);
    }
  });

  it('answers describe component from the cache, identical to a fresh compile, provenance included', () => {
    const { dir, cache } = org();
    const args = ['describe', 'component', 'c3', '-s', 't1-r1-s4', '--provenance', '--format', 'json'];
    const fresh = runCli([...args, '--no-cache'], dir, { STRATA_CACHE_DIR: cache });
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    run(dir, cache, describeStacks);
    const cached = run(dir, cache, args);
    // Only the stack's own entry is read: its manifest path looks like the stack name.
    expect(cached).toMatchObject({ reused: 1, compiled: 0 });
    expect(cached.stdout).toBe(fresh.stdout);
  });

  it('rebuilds from damaged entries and still prints the right result', () => {
    const { dir, cache } = org();
    const expected = run(dir, cache, describeStacks).stdout;
    const folder = join(cache, readdirSync(cache)[0]!);
    for (const f of readdirSync(folder)) {
      const path = join(folder, f);
      const bytes = readFileSync(path);
      bytes[bytes.length - 2]! ^= 0x55; // the body: found out by its hash
      writeFileSync(path, bytes);
    }
    expect(run(dir, cache, describeStacks).stdout).toBe(expected);
    writeFileSync(join(folder, readdirSync(folder)[0]!), 'not a cache entry');
    expect(run(dir, cache, describeStacks).stdout).toBe(expected);
  });

  it('keeps the stacks that compiled from a run that fails, never the broken one', () => {
    const { dir, cache } = org();
    const broken = join(dir, 'stacks/orgs/acme/t0/s2/r0.yaml');
    const good = readFileSync(broken, 'utf8');
    // A component problem (load problems fail before anything compiles: test/describe/fail-fast.test.ts).
    writeFileSync(broken, `${good}    c1:\n      metadata: {inherits: [nope]}\n`);
    const r = runCli(describeStacks, dir, { STRATA_CACHE_DIR: cache, STRATA_CACHE_STATS: '1' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    // Once it is fixed, the next run compiles only that stack.
    writeFileSync(broken, good);
    const fixed = run(dir, cache, describeStacks);
    expect([fixed.reused, fixed.compiled]).toEqual([19, 1]);
    expect(fixed.stdout).toBe(run(dir, join(dir, '.other-cache'), describeStacks).stdout);
  });

  it('survives concurrent runs writing the same cache', async () => {
    const { dir, cache } = org();
    const env = { STRATA_CACHE_DIR: cache };
    const runs = await Promise.all([1, 2, 3, 4].map(() => runCliAsync(describeStacks, dir, env)));
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
    const after = run(dir, cache, describeStacks);
    expect(after).toMatchObject({ reused: 20, compiled: 0 });
    expect(after.stdout).toBe(runs[0]!.stdout);
    const folder = join(cache, readdirSync(cache)[0]!);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reuses the base side of describe affected after a one-line change', () => {
    const { dir, cache } = org();
    const git = (...args: string[]) => runGit(dir, args);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'init');
    const affected = () =>
      runCli(['describe', 'affected', '--base', 'main', '--format', 'json'], dir, {
        STRATA_CACHE_DIR: cache,
        STRATA_CACHE_STATS: '1',
      });
    expect(affected().stdout.trim()).toBe('[]');
    // describe stacks compiles the same files with Phase C: its entries must not replace these.
    run(dir, cache, describeStacks);
    const changed = join(dir, 'stacks/orgs/acme/t0/s2/r0.yaml');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('override: 0', 'override: 1'));
    const r = affected();
    expect(r.exitCode, r.stderr).toBe(0);
    const stats = [...r.stderr.matchAll(/compile cache: (\d+) reused, (\d+) compiled/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // The working tree: one stack changed. The base commit: every stack is as cached.
    expect(stats).toEqual([
      [19, 1],
      [20, 0],
    ]);
    // Sections are compared by digest: no cached stack's sections are read.
    expect([...r.stderr.matchAll(/(\d+) with sections read/g)].map((m) => Number(m[1]))).toEqual([0, 0]);
    const items = JSON.parse(r.stdout) as { stack: string; component: string }[];
    expect(items.map((a) => `${a.stack}/${a.component}`)).toEqual(['t0-r0-s2/c0']);
  });
});

function runGit(dir: string, args: string[]): void {
  const r = spawnSync('git', args, { cwd: dir, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
}
