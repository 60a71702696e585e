import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';
import { runnableAtmosYaml, terraformDataModule } from '../helpers/terraform-org.js';

// A !terraform.output chain against real terraform: app reads vpc's output, so vpc must be applied first.
const org = () =>
  testdir({
    'atmos.yaml': runnableAtmosYaml(),
    'stacks/orgs/dev.yaml': `vars: {stage: dev}
terraform:
  backend_type: local
  backend: {local: {}}
components:
  terraform:
    vpc:
      vars: {cidr: 10.0.0.0/16}
    app:
      vars:
        vpc_id: !terraform.output vpc vpc_id
        home: !env APP_HOME
`,
    'components/terraform/vpc/main.tf': terraformDataModule(
      ['cidr', 'stage'],
      '"vpc-${var.stage}-${md5(var.cidr)}"',
      { vpc_id: 'terraform_data.this.output' },
    ),
    'components/terraform/app/main.tf': terraformDataModule(
      ['vpc_id', 'home', 'stage'],
      '{ vpc = var.vpc_id, home = var.home }',
      { vpc_id: 'terraform_data.this.output.vpc' },
    ),
  });

const env = { TF_CLI_CONFIG_FILE: '/dev/null', APP_HOME: '/srv/app' };

describe('!terraform.output chains', () => {
  it('keeps the value a placeholder in describe, refuses to plan before the dependency exists, then plans and applies in order', () => {
    const dir = org();
    const described = JSON.parse(
      runCli(['describe', 'component', 'app', '-s', 'dev', '-f', 'json'], dir, env).stdout,
    );
    expect(described.vars).toMatchObject({
      vpc_id: '(computed: !terraform.output vpc vpc_id)',
      home: '/srv/app',
    });

    const early = runCli(['terraform', 'plan', 'app', '-s', 'dev'], dir, env);
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain("'vpc' in stack 'dev' has no state yet");
    expect(early.stderr).toMatch(/stacks\/orgs\/dev\.yaml:11:\d+/);

    expect(runCli(['terraform', 'deploy', 'vpc', '-s', 'dev'], dir, env).exitCode).toBe(0);
    const vpcId = JSON.parse(
      runCli(['terraform', 'output', 'vpc', '-s', 'dev', '--', '-json'], dir, env).stdout,
    ).vpc_id.value as string;
    expect(vpcId).toMatch(/^vpc-dev-/);

    const resolved = JSON.parse(
      runCli(['describe', 'component', 'app', '-s', 'dev', '-f', 'json', '--resolve-remote'], dir, env)
        .stdout,
    );
    expect(resolved.vars.vpc_id).toBe(vpcId);

    const deploy = runCli(['terraform', 'deploy', 'app', '-s', 'dev'], dir, env);
    expect(deploy.exitCode, deploy.stderr).toBe(0);
    expect(
      JSON.parse(runCli(['terraform', 'output', 'app', '-s', 'dev', '--', '-json'], dir, env).stdout).vpc_id
        .value,
    ).toBe(vpcId);
  });
});

describe('--all against real terraform', () => {
  it('deploys a stack in dependency order (outputs flow to dependents), then destroys in reverse', () => {
    const dir = org();
    const deploy = runCli(['terraform', 'deploy', '--all', '--parallelism', '2'], dir, env);
    expect(deploy.exitCode, deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/^dev\/vpc \| /m);
    expect(deploy.stderr).toMatch(/dev\/app\s+ok/);
    expect(deploy.stdout.indexOf('dev/vpc | Apply complete')).toBeLessThan(
      deploy.stdout.indexOf('dev/app | Apply complete'),
    );
    const vpcId = JSON.parse(
      runCli(['terraform', 'output', 'vpc', '-s', 'dev', '--', '-json'], dir, env).stdout,
    ).vpc_id.value as string;
    expect(
      JSON.parse(runCli(['terraform', 'output', 'app', '-s', 'dev', '--', '-json'], dir, env).stdout).vpc_id
        .value,
    ).toBe(vpcId);
    const destroy = runCli(['terraform', 'destroy', '--all', '--', '-auto-approve'], dir, env);
    expect(destroy.exitCode, destroy.stderr).toBe(0);
    expect(destroy.stdout.indexOf('dev/app | Destroy complete')).toBeLessThan(
      destroy.stdout.indexOf('dev/vpc | Destroy complete'),
    );
  });
});

// The same chain through the atmos.Component template function (templates enabled in atmos.yaml).
const templatedOrg = () =>
  testdir({
    'atmos.yaml': runnableAtmosYaml('templates:\n  settings:\n    enabled: true\n'),
    'stacks/orgs/dev.yaml': `vars: {stage: dev}
terraform:
  backend_type: local
  backend: {local: {}}
components:
  terraform:
    vpc:
      vars: {cidr: 10.0.0.0/16}
    app:
      vars:
        vpc_id: '{{ (atmos.Component "vpc" .stack).outputs.vpc_id }}/{{ (atmos.Component "vpc" .stack).vars.cidr }}'
        home: /srv/app
`,
    'components/terraform/vpc/main.tf': terraformDataModule(['cidr', 'stage'], '"vpc-${var.stage}"', {
      vpc_id: 'terraform_data.this.output',
    }),
    'components/terraform/app/main.tf': terraformDataModule(['vpc_id', 'home', 'stage'], 'var.vpc_id', {
      vpc_id: 'terraform_data.this.output',
    }),
  });

describe('atmos.Component outputs against real terraform', () => {
  it('is a placeholder before the dependency exists, orders --all, and renders the applied output', () => {
    const dir = templatedOrg();
    const described = JSON.parse(
      runCli(['describe', 'component', 'app', '-s', 'dev', '-f', 'json'], dir, env).stdout,
    );
    expect(described.vars.vpc_id).toBe('(computed: atmos.Component vpc dev outputs.vpc_id)/10.0.0.0/16');

    const early = runCli(['terraform', 'plan', 'app', '-s', 'dev'], dir, env);
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain("'atmos.Component vpc dev' at vars.vpc_id cannot be resolved");
    expect(early.stderr).toContain("apply 'vpc' in stack 'dev' first");
    expect(early.stderr).toMatch(/stacks\/orgs\/dev\.yaml:11:\d+/);

    const deploy = runCli(['terraform', 'deploy', '--all'], dir, env);
    expect(deploy.exitCode, deploy.stderr).toBe(0);
    expect(deploy.stdout.indexOf('dev/vpc | Apply complete')).toBeLessThan(
      deploy.stdout.indexOf('dev/app | Apply complete'),
    );
    expect(
      JSON.parse(runCli(['terraform', 'output', 'app', '-s', 'dev', '--', '-json'], dir, env).stdout).vpc_id
        .value,
    ).toBe('vpc-dev/10.0.0.0/16');
  });
});
