import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/errors.js';
import { openProject } from '../../src/services/project.js';
import { runTerraform } from '../../src/services/terraform.js';
import { fakeTerraform, terraformOptions } from '../helpers/fake-terraform.js';
import { testdir } from '../helpers/testdir.js';

const config = (extra = '') => `base_path: "."
stacks:
  base_path: stacks
  included_paths: ["orgs/**/*"]
  name_pattern: "{stage}"
components:
  terraform:
    base_path: components/terraform
    auto_generate_backend_file: true
    init_run_reconfigure: true
${extra}`;

const stack = `vars: {stage: dev}
terraform:
  backend_type: local
  backend: {local: {}}
components:
  terraform:
    base: {metadata: {type: abstract}, vars: {a: 1}}
    vpc: {metadata: {inherits: [base]}, vars: {cidr: 10.0.0.0/16}, env: {TF_LOG: info, UNSET_ME: null}}
    vpc-off: {metadata: {component: vpc, enabled: false}}
    vpc-locked: {metadata: {component: vpc, locked: true}}
`;

function setup(extraConfig = '') {
  const dir = testdir({
    'atmos.yaml': config(extraConfig),
    'stacks/orgs/dev.yaml': stack,
    'components/terraform/vpc/main.tf': '',
  });
  return { dir, project: openProject({ cwd: dir, env: {} }) };
}

const quiet = { info: () => undefined };

describe('terraform command sequence', () => {
  it.each([
    {
      sub: 'plan',
      extra: [],
      main: 'terraform plan -var-file dev-vpc.terraform.tfvars.json -input=false -out dev-vpc.planfile',
    },
    {
      sub: 'plan',
      extra: ['-out=x.plan', '-detailed-exitcode'],
      main: 'terraform plan -var-file dev-vpc.terraform.tfvars.json -input=false -out=x.plan -detailed-exitcode',
    },
    { sub: 'apply', extra: [], main: 'terraform apply -var-file dev-vpc.terraform.tfvars.json -input=false' },
    {
      sub: 'destroy',
      extra: ['-auto-approve'],
      main: 'terraform destroy -var-file dev-vpc.terraform.tfvars.json -input=false -auto-approve',
    },
    { sub: 'output', extra: ['-json'], main: 'terraform output -json' },
  ] as const)('$sub $extra: init, workspace, then "$main"', async ({ sub, extra, main }) => {
    const { project } = setup();
    const tf = fakeTerraform();
    expect(
      await runTerraform(project, tf, terraformOptions({ subcommand: sub, extraArgs: extra }), quiet),
    ).toBe(0);
    expect(tf.commands()).toEqual([
      'terraform init -reconfigure -force-copy -input=false',
      'terraform workspace select -or-create dev',
      main,
    ]);
    expect(tf.steps.every((s) => s.cwd.endsWith('components/terraform/vpc'))).toBe(true);
  });

  it('deploys with apply -auto-approve, running init only when deploy_run_init is on (Atmos)', async () => {
    const tf = fakeTerraform();
    await runTerraform(setup().project, tf, terraformOptions({ subcommand: 'deploy' }), quiet);
    expect(tf.commands()).toEqual([
      'terraform workspace select -or-create dev',
      'terraform apply -var-file dev-vpc.terraform.tfvars.json -input=false -auto-approve',
    ]);
    const withInit = fakeTerraform();
    await runTerraform(
      setup('    deploy_run_init: true\n').project,
      withInit,
      terraformOptions({ subcommand: 'deploy' }),
      quiet,
    );
    expect(withInit.commands()[0]).toBe('terraform init -reconfigure -force-copy -input=false');
  });

  it('applies a saved plan with --from-plan, the planfile last', async () => {
    const { project } = setup();
    const tf = fakeTerraform();
    await runTerraform(project, tf, terraformOptions({ subcommand: 'apply', fromPlan: true }), quiet);
    expect(tf.commands()[2]).toBe('terraform apply -input=false dev-vpc.planfile');
  });

  it('passes the component env (null unsets), a per-instance TF_DATA_DIR and TF_IN_AUTOMATION', async () => {
    const { project } = setup();
    const tf = fakeTerraform();
    await runTerraform(project, tf, terraformOptions({}), quiet);
    expect(tf.steps[0]!.env).toMatchObject({
      TF_LOG: 'info',
      UNSET_ME: null,
      TF_IN_AUTOMATION: 'true',
      TF_DATA_DIR: expect.stringMatching(/vpc\/\.terraform\/strata\/dev-vpc$/),
    });
  });

  it('uses the command setting, so tofu works', async () => {
    const { project } = setup('    command: tofu\n');
    const tf = fakeTerraform();
    await runTerraform(project, tf, terraformOptions({}), quiet);
    expect(tf.steps.map((s) => s.binary)).toEqual(['tofu', 'tofu', 'tofu']);
  });

  it('skips workspace selection when TF_WORKSPACE is set, and init with --skip-init', async () => {
    const { project } = setup();
    const tf = fakeTerraform();
    await runTerraform(project, tf, terraformOptions({ skipInit: true, env: { TF_WORKSPACE: 'x' } }), quiet);
    expect(tf.commands()).toEqual([
      'terraform plan -var-file dev-vpc.terraform.tfvars.json -input=false -out dev-vpc.planfile',
    ]);
  });

  it('writes the varfile and backend before running, and leaves unchanged files untouched', async () => {
    const { dir, project } = setup();
    await runTerraform(project, fakeTerraform(), terraformOptions({}), quiet);
    const varfile = join(dir, 'components/terraform/vpc/dev-vpc.terraform.tfvars.json');
    expect(JSON.parse(readFileSync(varfile, 'utf8'))).toEqual({ a: 1, cidr: '10.0.0.0/16', stage: 'dev' });
    expect(JSON.parse(readFileSync(join(dir, 'components/terraform/vpc/backend.tf.json'), 'utf8'))).toEqual({
      terraform: { backend: { local: {} } },
    });
    const before = statSync(varfile).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await runTerraform(openProject({ cwd: dir, env: {} }), fakeTerraform(), terraformOptions({}), quiet);
    expect(statSync(varfile).mtimeMs).toBe(before);
  });

  it('stops at the first failing step and returns its exit code', async () => {
    const { project } = setup();
    const tf = fakeTerraform({ init: 3 });
    const messages: string[] = [];
    expect(await runTerraform(project, tf, terraformOptions({}), { info: (m) => messages.push(m) })).toBe(3);
    expect(tf.steps).toHaveLength(1);
    expect(messages).toEqual(["terraform init failed for component 'vpc' in stack 'dev' (exit code 3)"]);
  });

  it('returns 2 from plan -detailed-exitcode without calling it a failure', async () => {
    const { project } = setup();
    const messages: string[] = [];
    expect(
      await runTerraform(
        project,
        fakeTerraform({ plan: 2 }),
        terraformOptions({ extraArgs: ['-detailed-exitcode'] }),
        { info: (m) => messages.push(m) },
      ),
    ).toBe(2);
    expect(messages).toEqual([]);
  });
});

describe('safety', () => {
  const fails = async (run: Promise<unknown>) => {
    try {
      await run;
    } catch (e) {
      if (e instanceof UserError) return e.diagnostics[0]!;
    }
    throw new Error('expected a user error');
  };

  it('refuses an abstract component', async () => {
    const { project } = setup();
    expect(
      await fails(runTerraform(project, fakeTerraform(), terraformOptions({ component: 'base' }), quiet)),
    ).toMatchObject({ code: 'component-abstract' });
  });

  it('skips a disabled instance with a message and exit 0, running nothing', async () => {
    const { project } = setup();
    const tf = fakeTerraform();
    const messages: string[] = [];
    expect(
      await runTerraform(project, tf, terraformOptions({ component: 'vpc-off', subcommand: 'apply' }), {
        info: (m) => messages.push(m),
      }),
    ).toBe(0);
    expect(tf.steps).toEqual([]);
    expect(messages[0]).toContain('is not enabled');
  });

  it.each(['apply', 'deploy', 'destroy'] as const)(
    'refuses %s on a locked instance but allows plan',
    async (sub) => {
      const { project } = setup();
      expect(
        await fails(
          runTerraform(
            project,
            fakeTerraform(),
            terraformOptions({ component: 'vpc-locked', subcommand: sub }),
            quiet,
          ),
        ),
      ).toMatchObject({ code: 'component-locked' });
      expect(
        await runTerraform(project, fakeTerraform(), terraformOptions({ component: 'vpc-locked' }), quiet),
      ).toBe(0);
    },
  );

  it('--dry-run prints files and commands and writes and runs nothing', async () => {
    const { dir, project } = setup();
    const tf = fakeTerraform();
    const messages: string[] = [];
    await runTerraform(project, tf, terraformOptions({ dryRun: true }), { info: (m) => messages.push(m) });
    expect(tf.steps).toEqual([]);
    expect(existsSync(join(dir, 'components/terraform/vpc/dev-vpc.terraform.tfvars.json'))).toBe(false);
    expect(messages.join('\n')).toContain('would write');
    expect(messages.join('\n')).toContain('terraform init -reconfigure -force-copy -input=false');
  });
});

describe('!terraform.output of a remote backend', () => {
  it('reads the other instance’s outputs through terraform output -json, then writes the varfile with them', async () => {
    const dir = testdir({
      'atmos.yaml': config(),
      'stacks/orgs/dev.yaml': `vars: {stage: dev}
terraform:
  backend_type: s3
  backend: {s3: {bucket: tfstate}}
components:
  terraform:
    vpc: {}
    app:
      vars:
        vpc_id: !terraform.output vpc vpc_id
        subnet: !terraform.output vpc .subnets.private
`,
      'components/terraform/vpc/main.tf': '',
      'components/terraform/app/main.tf': '',
    });
    const tf = fakeTerraform(
      {},
      { vpc: { vpc_id: { value: 'vpc-9' }, subnets: { value: { private: 'subnet-1' } } } },
    );
    const project = openProject({ cwd: dir, env: {}, resolveOutputs: true });
    expect(await runTerraform(project, tf, terraformOptions({ component: 'app' }), quiet)).toBe(0);
    expect(tf.commands().slice(0, 4)).toEqual([
      'terraform init -reconfigure -input=false',
      'terraform workspace select -or-create dev',
      'terraform output -json',
      'terraform init -reconfigure -input=false',
    ]);
    expect(tf.steps[2]!.cwd).toMatch(/components\/terraform\/vpc$/);
    const varfile = JSON.parse(
      readFileSync(join(dir, 'components/terraform/app/dev-app.terraform.tfvars.json'), 'utf8'),
    );
    expect(varfile).toEqual({ stage: 'dev', vpc_id: 'vpc-9', subnet: 'subnet-1' });
  });
});
