import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/errors.js';
import type { TerraformRunner } from '../../src/io/terraform.js';
import type { Step } from '../../src/run/terraform-plan.js';
import { openProject } from '../../src/services/project.js';
import type { ManyOptions } from '../../src/services/terraform-many.js';
import { runMany } from '../../src/services/terraform-many.js';
import { testdir } from '../helpers/testdir.js';

// net ← vpc ← (eks, db) ← app : app depends on eks and db, which depend on vpc, which depends on net.
const org = () =>
  testdir({
    'atmos.yaml':
      'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n',
    'stacks/orgs/dev.yaml': `vars: {stage: dev}
components:
  terraform:
    net: {}
    vpc: {settings: {depends_on: {1: {component: net}}}}
    eks: {settings: {depends_on: {1: {component: vpc}}}}
    db: {dependencies: {components: [{name: vpc}]}}
    app: {dependencies: {components: [{name: eks}, {name: db}]}}
    off: {metadata: {enabled: false}}
`,
    'components/terraform/net/main.tf': '',
  });

/** A fake terraform that records main commands in order, with canned exit codes per component. */
function fake(codes: Record<string, number> = {}) {
  const order: string[] = [];
  const runner: TerraformRunner = {
    async run(step: Step) {
      const component = step.cwd.split('/').pop()!;
      if (step.label === 'init' || step.label === 'workspace selection') return 0;
      order.push(`${step.label} ${component}`);
      await new Promise((r) => setTimeout(r, 5));
      return codes[component] ?? 0;
    },
    capture: () => Promise.resolve({ exitCode: 0, stdout: '{}' }),
  };
  return { runner, order };
}

const options = (over: Partial<ManyOptions> = {}): ManyOptions => ({
  subcommand: 'plan',
  parallelism: 1,
  failureMode: 'fail-fast',
  extraArgs: [],
  dryRun: false,
  skipInit: false,
  env: {},
  now: () => 0,
  ...over,
});

const opener = (cwd: string) => (resolveOutputs: boolean) => openProject({ cwd, env: {}, resolveOutputs });
const messages: string[] = [];
const reporter = { info: (m: string) => messages.push(m) };

describe('terraform over many instances', () => {
  it('runs every enabled instance in dependency order, disabled ones left out', async () => {
    const { runner, order } = fake();
    expect(await runMany(opener(org()), runner, options(), reporter)).toBe(0);
    expect(order).toEqual(['plan net', 'plan vpc', 'plan db', 'plan eks', 'plan app']);
  });

  it('destroys in reverse dependency order', async () => {
    const { runner, order } = fake();
    await runMany(
      opener(org()),
      runner,
      options({ subcommand: 'destroy', extraArgs: ['-auto-approve'] }),
      reporter,
    );
    expect(order).toEqual(['destroy app', 'destroy db', 'destroy eks', 'destroy vpc', 'destroy net']);
  });

  it('keeps going past a failure but skips the failed instance’s dependents, and exits 1', async () => {
    const { runner, order } = fake({ eks: 1 });
    const lines: string[] = [];
    const code = await runMany(opener(org()), runner, options({ failureMode: 'keep-going' }), {
      info: (m) => lines.push(m),
    });
    expect(code).toBe(1);
    expect(order).toEqual(['plan net', 'plan vpc', 'plan db', 'plan eks']);
    const summary = lines.at(-1)!;
    expect(summary).toMatch(/dev\/app\s+skipped\s+dev\/eks failed/);
    expect(summary).toMatch(/dev\/eks\s+failed/);
    expect(summary).toMatch(/dev\/db\s+ok/);
  });

  it('stops scheduling after a failure with fail-fast', async () => {
    const { runner, order } = fake({ vpc: 1 });
    expect(await runMany(opener(org()), runner, options(), reporter)).toBe(1);
    expect(order).toEqual(['plan net', 'plan vpc']);
  });

  it('exits 2 when a -detailed-exitcode plan has changes and nothing failed', async () => {
    const { runner } = fake({ db: 2 });
    expect(
      await runMany(opener(org()), runner, options({ extraArgs: ['-detailed-exitcode'] }), reporter),
    ).toBe(2);
  });

  it('runs independent instances of a wave in parallel, never a dependent before its dependency', async () => {
    const { runner, order } = fake();
    await runMany(opener(org()), runner, options({ parallelism: 2 }), reporter);
    expect(order.indexOf('plan app')).toBeGreaterThan(
      Math.max(order.indexOf('plan eks'), order.indexOf('plan db')),
    );
    expect(order[0]).toBe('plan net');
  });

  it('filters by stack globs and component names', async () => {
    const { runner, order } = fake();
    await runMany(opener(org()), runner, options({ stacks: ['de*'], components: ['vpc', 'app'] }), reporter);
    expect(order).toEqual(['plan vpc', 'plan app']);
  });

  it('refuses apply of several instances without -auto-approve', async () => {
    const { runner } = fake();
    await expect(
      runMany(opener(org()), runner, options({ subcommand: 'apply' }), reporter),
    ).rejects.toBeInstanceOf(UserError);
  });
});

describe('selections', () => {
  it('adds dependents or dependencies of the selection on request', async () => {
    const a = fake();
    await runMany(
      opener(org()),
      a.runner,
      options({ components: ['vpc'], includeDependents: true }),
      reporter,
    );
    expect(a.order).toEqual(['plan vpc', 'plan db', 'plan eks', 'plan app']);
    const b = fake();
    await runMany(
      opener(org()),
      b.runner,
      options({ components: ['eks'], includeDependencies: true }),
      reporter,
    );
    expect(b.order).toEqual(['plan net', 'plan vpc', 'plan eks']);
  });

  it('runs only the given instance ids (what --affected passes)', async () => {
    const { runner, order } = fake();
    await runMany(opener(org()), runner, options({ only: ['dev/db', 'dev/net'] }), reporter);
    expect(order).toEqual(['plan net', 'plan db']);
  });
});

describe('--query', () => {
  it('keeps instances whose merged config matches', async () => {
    const { runner, order } = fake();
    await runMany(
      opener(org()),
      runner,
      options({ query: '.settings.depends_on and .vars.stage == "dev"' }),
      reporter,
    );
    expect(order).toEqual(['plan vpc', 'plan eks']);
  });

  it('rejects a query it cannot read', async () => {
    const { runner } = fake();
    await expect(
      runMany(opener(org()), runner, options({ query: 'vars.stage = dev' }), reporter),
    ).rejects.toBeInstanceOf(UserError);
  });
});
