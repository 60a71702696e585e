import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync, testdir } from '../helpers/testdir.js';

// These tests run the real terraform binary (Terraform 1.11 on PATH) on terraform_data components
// with the local backend. They fail, never skip, when terraform is missing.

const component = {
  'components/terraform/app/versions.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n',
  'components/terraform/app/main.tf': `variable "name" {
  type = string
}

variable "replicas" {
  type = number
  validation {
    condition     = var.replicas > 0
    error_message = "replicas must be positive"
  }
}

variable "stage" {
  type = string
}

resource "terraform_data" "app" {
  input = { name = var.name, replicas = var.replicas, stage = var.stage }
}

output "name" {
  value = terraform_data.app.output.name
}

output "replicas" {
  value = terraform_data.app.output.replicas
}
`,
};

function org(extraStacks: Record<string, string> = {}) {
  return testdir({
    'atmos.yaml': `base_path: "."
stacks:
  base_path: stacks
  included_paths: ["orgs/**/*"]
  excluded_paths: ["**/_defaults.yaml"]
  name_pattern: "{stage}"
components:
  terraform:
    base_path: components/terraform
    auto_generate_backend_file: true
    init_run_reconfigure: true
    deploy_run_init: true
`,
    'stacks/orgs/_defaults.yaml': 'terraform:\n  backend_type: local\n  backend: {local: {}}\n',
    'stacks/catalog/app.yaml': 'components:\n  terraform:\n    app:\n      vars: {name: web, replicas: 2}\n',
    'stacks/orgs/dev.yaml': 'import: [orgs/_defaults, catalog/app]\nvars: {stage: dev}\n',
    'stacks/orgs/prod.yaml':
      'import: [orgs/_defaults, catalog/app]\nvars: {stage: prod}\ncomponents:\n  terraform:\n    app:\n      vars: {replicas: 5}\n',
    ...component,
    ...extraStacks,
  });
}

const tf = (dir: string, ...args: string[]) =>
  runCli(['terraform', ...args], dir, { TF_CLI_CONFIG_FILE: '/dev/null' });

describe('terraform end to end', () => {
  it('plans, applies, outputs what the stack set, sees a changed var, and destroys', () => {
    const dir = org();
    const plan = tf(dir, 'plan', 'app', '-s', 'dev');
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('1 to add');
    const apply = tf(dir, 'apply', 'app', '-s', 'dev', '--from-plan');
    expect(apply.exitCode, apply.stderr).toBe(0);

    const output = tf(dir, 'output', 'app', '-s', 'dev', '--', '-json');
    expect(output.exitCode, output.stderr).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ name: { value: 'web' }, replicas: { value: 2 } });

    const catalog = join(dir, 'stacks/catalog/app.yaml');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('replicas: 2', 'replicas: 3'));
    const changed = tf(dir, 'plan', 'app', '-s', 'dev', '--', '-detailed-exitcode');
    expect(changed.exitCode).toBe(2);
    expect(changed.stdout).toMatch(/~ replicas\s+= 2 -> 3|1 to change|must be replaced/);

    const destroy = tf(dir, 'destroy', 'app', '-s', 'dev', '--', '-auto-approve');
    expect(destroy.exitCode, destroy.stderr).toBe(0);
    expect(JSON.parse(tf(dir, 'output', 'app', '-s', 'dev', '--', '-json').stdout)).toEqual({});
  });

  it('runs a second time without a terminal (init -reconfigure with existing workspace states)', () => {
    const dir = org();
    expect(tf(dir, 'deploy', 'app', '-s', 'dev').exitCode).toBe(0);
    const again = tf(dir, 'plan', 'app', '-s', 'dev', '--', '-detailed-exitcode');
    expect(again.stderr).not.toContain('Error');
    expect(again.exitCode).toBe(0);
  });

  it('runs two stacks of one component at the same time without mixing their state', async () => {
    const dir = org();
    const env = { TF_CLI_CONFIG_FILE: '/dev/null' };
    const [dev, prod] = await Promise.all([
      runCliAsync(['terraform', 'deploy', 'app', '-s', 'dev'], dir, env),
      runCliAsync(['terraform', 'deploy', 'app', '-s', 'prod'], dir, env),
    ]);
    expect(dev.exitCode, dev.stderr).toBe(0);
    expect(prod.exitCode, prod.stderr).toBe(0);
    const [devOut, prodOut] = await Promise.all([
      runCliAsync(['terraform', 'output', 'app', '-s', 'dev', '--', '-json'], dir, env),
      runCliAsync(['terraform', 'output', 'app', '-s', 'prod', '--', '-json'], dir, env),
    ]);
    expect(JSON.parse(devOut.stdout).replicas.value).toBe(2);
    expect(JSON.parse(prodOut.stdout).replicas.value).toBe(5);
  });

  it('exits with terraform’s code and names the stack and component when terraform fails', () => {
    const dir = org({
      'stacks/orgs/bad.yaml':
        'import: [orgs/_defaults, catalog/app]\nvars: {stage: bad}\ncomponents:\n  terraform:\n    app:\n      vars: {replicas: 0}\n',
    });
    const r = tf(dir, 'plan', 'app', '-s', 'bad');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("terraform plan failed for component 'app' in stack 'bad' (exit code 1)");
    expect(r.stderr).toContain('replicas must be positive');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what to install when the terraform binary is missing', () => {
    const dir = org();
    writeFileSync(
      join(dir, 'atmos.yaml'),
      readFileSync(join(dir, 'atmos.yaml'), 'utf8').replace(
        '    base_path: components/terraform',
        '    base_path: components/terraform\n    command: terraform-not-installed',
      ),
    );
    const r = tf(dir, 'plan', 'app', '-s', 'dev');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "error[terraform-not-found]: 'terraform-not-installed' is not installed or not on PATH",
    );
    expect(r.stderr).toContain('components.terraform.command');
  });
});
