import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedMatrix, describeAffected } from '../../src/services/affected.js';
import { testdir } from '../helpers/testdir.js';

const config =
  'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n';

function repo() {
  const dir = testdir({
    'atmos.yaml': config,
    'stacks/catalog/vpc.yaml': 'components:\n  terraform:\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n',
    'stacks/orgs/dev.yaml': `import: [catalog/vpc]
vars: {stage: dev}
components:
  terraform:
    app:
      settings: {depends_on: {1: {component: vpc}}}
      dependencies: {files: [config/app.json]}
    old: {}
`,
    'stacks/orgs/qa.yaml': 'import: [catalog/vpc]\nvars: {stage: qa}\n',
    'components/terraform/vpc/main.tf': '',
    'components/terraform/app/main.tf': '',
    'config/app.json': '{}',
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=t@e.st', '-c', 'user.name=t', 'commit', '-qm', 'base');
  git('branch', '-M', 'main');
  return dir;
}

const affected = (dir: string, includeDependents = false) =>
  describeAffected({ cwd: dir, env: {} }, { base: 'main', includeDependents }).map(
    (i) => `${i.stack_slug} ${i.affected_all.join(',')}${i.deleted ? ' deleted' : ''}`,
  );

describe('describe affected', () => {
  it('reports nothing when nothing changed', () => {
    expect(affected(repo())).toEqual([]);
  });

  it('reports changed sections with every reason, uncommitted changes included', () => {
    const dir = repo();
    writeFileSync(
      join(dir, 'stacks/catalog/vpc.yaml'),
      'components:\n  terraform:\n    vpc: {vars: {cidr: 10.9.0.0/16}}\n',
    );
    expect(affected(dir)).toEqual(['dev-vpc stack.vars', 'qa-vpc stack.vars']);
  });

  it('reports a changed component folder, a changed file dependency, new and deleted instances and stacks', () => {
    const dir = repo();
    writeFileSync(join(dir, 'components/terraform/vpc/main.tf'), '# changed\n');
    writeFileSync(join(dir, 'config/app.json'), '{"x": 1}');
    writeFileSync(
      join(dir, 'stacks/orgs/dev.yaml'),
      'import: [catalog/vpc]\nvars: {stage: dev}\ncomponents:\n  terraform:\n    app:\n      settings: {depends_on: {1: {component: vpc}}}\n      dependencies: {files: [config/app.json]}\n    new: {}\n',
    );
    rmSync(join(dir, 'stacks/orgs/qa.yaml'));
    expect(affected(dir)).toEqual([
      'dev-app file',
      'dev-new stack.metadata',
      'dev-old deleted deleted',
      'dev-vpc component',
      'qa-vpc deleted.stack deleted',
    ]);
  });

  // Without the disk cache, both sides share compiled stacks in memory when their files hash the same;
  // a glob import makes a manifest depend on the listing too, so a deleted file must not be missed.
  it.each([false, true])(
    'sees a catalog file a glob import no longer finds, the manifest itself unchanged (disk cache: %s)',
    (cache) => {
      const dir = repo();
      writeFileSync(join(dir, 'stacks/orgs/qa.yaml'), 'import: [catalog/*]\nvars: {stage: qa}\n');
      writeFileSync(
        join(dir, 'stacks/catalog/dns.yaml'),
        'components:\n  terraform:\n    dns: {vars: {zone: example.com}}\n',
      );
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
      git('add', '-A');
      git('-c', 'user.email=t@e.st', '-c', 'user.name=t', 'commit', '-qm', 'glob');
      rmSync(join(dir, 'stacks/catalog/dns.yaml'));
      const run = () =>
        describeAffected(
          { cwd: dir, env: { STRATA_CACHE_DIR: join(dir, '.cache') }, cache },
          { base: 'main', includeDependents: false },
        ).map((i) => `${i.stack_slug} ${i.affected_all.join(',')}${i.deleted ? ' deleted' : ''}`);
      expect(run()).toEqual(['qa-dns deleted deleted']);
      expect(run()).toEqual(['qa-dns deleted deleted']);
    },
  );

  // Abstract bases are never listed; without the disk cache they are held without digests.
  it.each([false, true])(
    'reports the instances an abstract base reaches, and a base made real as new (disk cache: %s)',
    (cache) => {
      const dir = repo();
      const catalog = (type: string, cidr: string) =>
        `components:\n  terraform:\n    vpc/defaults:\n      metadata: {type: ${type}}\n      vars: {cidr: ${cidr}}\n    vpc:\n      metadata: {inherits: [vpc/defaults]}\n`;
      writeFileSync(join(dir, 'stacks/catalog/vpc.yaml'), catalog('abstract', '10.0.0.0/16'));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
      git('add', '-A');
      git('-c', 'user.email=t@e.st', '-c', 'user.name=t', 'commit', '-qm', 'abstract');
      const run = () =>
        describeAffected(
          { cwd: dir, env: { STRATA_CACHE_DIR: join(dir, '.cache') }, cache },
          { base: 'main', includeDependents: false },
        ).map((i) => `${i.stack_slug} ${i.affected_all.join(',')}`);
      writeFileSync(join(dir, 'stacks/catalog/vpc.yaml'), catalog('abstract', '10.9.0.0/16'));
      expect(run()).toEqual(['dev-vpc stack.vars', 'qa-vpc stack.vars']);
      writeFileSync(join(dir, 'stacks/catalog/vpc.yaml'), catalog('real', '10.0.0.0/16'));
      // Its heirs are unchanged: metadata is not inherited.
      expect(run()).toEqual(['dev-vpc-defaults stack.metadata', 'qa-vpc-defaults stack.metadata']);
    },
  );

  it('fails on a manifest that no longer loads, instead of reporting its components deleted', () => {
    const dir = repo();
    writeFileSync(join(dir, 'stacks/orgs/qa.yaml'), 'import: [catalog/vpc]\nvars: {stage: qa\n');
    expect(() => affected(dir)).toThrow(/yaml-syntax|invalid YAML/);
  });

  it('adds dependents, and groups a matrix into dependency waves', () => {
    const dir = repo();
    writeFileSync(join(dir, 'components/terraform/vpc/main.tf'), '# changed\n');
    const items = describeAffected({ cwd: dir, env: {} }, { base: 'main', includeDependents: true });
    expect(items.find((i) => i.stack_slug === 'dev-vpc')!.dependents).toEqual(['dev/app']);
    writeFileSync(join(dir, 'components/terraform/app/main.tf'), '# changed\n');
    const all = describeAffected({ cwd: dir, env: {} }, { base: 'main', includeDependents: false });
    const matrix = affectedMatrix({ cwd: dir, env: {} }, all, true) as {
      waves: { wave: number; include: { stack_slug: string; wave: number }[] }[];
    };
    expect(matrix.waves.map((w) => w.include.map((e) => `${e.wave}:${e.stack_slug}`))).toEqual([
      ['0:dev-vpc', '0:qa-vpc'],
      ['1:dev-app'],
    ]);
  });
});

describe('CI outputs', () => {
  it('writes a GitLab child pipeline with needs: between affected jobs', async () => {
    const { affectedGitlabPipeline } = await import('../../src/services/affected.js');
    const dir = repo();
    writeFileSync(join(dir, 'components/terraform/vpc/main.tf'), '# changed\n');
    writeFileSync(join(dir, 'components/terraform/app/main.tf'), '# changed\n');
    const items = describeAffected({ cwd: dir, env: {} }, { base: 'main', includeDependents: false });
    const pipeline = affectedGitlabPipeline({ cwd: dir, env: {} }, items, 'plan') as Record<
      string,
      { needs: string[]; script: string[] }
    >;
    expect(pipeline['dev/app']).toEqual({
      stage: 'plan',
      script: ['npx strata terraform plan app -s dev'],
      needs: ['dev/vpc'],
    });
    expect(pipeline['dev/vpc']!.needs).toEqual([]);
  });

  it('writes the matrix to $GITHUB_OUTPUT, or to a file when it is too big', async () => {
    const { readFileSync } = await import('node:fs');
    const { writeGithubOutput } = await import('../../src/io/github-output.js');
    const dir = testdir({});
    const out = join(dir, 'github_output');
    writeFileSync(out, '');
    expect(writeGithubOutput(out, 'matrix', '{"include":[]}', join(dir, 'm.json'))).toBe('inline');
    const big = JSON.stringify({
      include: Array.from({ length: 20000 }, (_, i) => ({
        stack: `stack-${i}`,
        component: 'a-fairly-long-component-name',
      })),
    });
    expect(writeGithubOutput(out, 'matrix', big, join(dir, 'm.json'))).toBe('file');
    expect(readFileSync(out, 'utf8')).toBe(`matrix={"include":[]}\nmatrix-file=${join(dir, 'm.json')}\n`);
    expect(readFileSync(join(dir, 'm.json'), 'utf8')).toBe(big);
  });
});
