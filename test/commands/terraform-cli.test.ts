import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';

const repo = () =>
  testdir({
    'atmos.yaml':
      'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n',
    'stacks/orgs/dev.yaml':
      'vars: {stage: dev}\nterraform:\n  backend_type: s3\n  backend: {s3: {bucket: tfstate}}\n  providers: {aws: {region: us-east-1}, aws.west: {region: us-west-2}}\ncomponents:\n  terraform:\n    base: {metadata: {type: abstract}}\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n    net/dns: {vars: {zone: example.com}}\n',
    'stacks/orgs/prod.yaml':
      'vars: {stage: prod}\ncomponents:\n  terraform:\n    vpc: {vars: {cidr: 10.9.0.0/16}}\n',
    'components/terraform/vpc/main.tf': '',
    'components/terraform/net/dns/main.tf': '',
    'print-env.sh': '#!/bin/sh\necho "ws=$TF_WORKSPACE args=$TF_CLI_ARGS_plan pwd=$(basename "$PWD")"\n',
  });

describe('strata terraform generate', () => {
  it('writes one varfile to the component folder or to --file', () => {
    const dir = repo();
    expect(runCli(['terraform', 'generate', 'varfile', 'vpc', '-s', 'dev'], dir).exitCode).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, 'components/terraform/vpc/dev-vpc.terraform.tfvars.json'), 'utf8')),
    ).toEqual({ cidr: '10.0.0.0/16', stage: 'dev' });
    expect(
      runCli(['terraform', 'generate', 'varfile', 'vpc', '-s', 'dev', '--file', 'out/vars.json'], dir)
        .exitCode,
    ).toBe(0);
    expect(readFileSync(join(dir, 'out/vars.json'), 'utf8')).toBe(
      '{\n  "cidr": "10.0.0.0/16",\n  "stage": "dev"\n}\n',
    );
  });

  it('writes the backend and the providers override', () => {
    const dir = repo();
    runCli(['terraform', 'generate', 'backend', 'vpc', '-s', 'dev'], dir);
    runCli(['terraform', 'generate', 'providers', 'vpc', '-s', 'dev'], dir);
    expect(JSON.parse(readFileSync(join(dir, 'components/terraform/vpc/backend.tf.json'), 'utf8'))).toEqual({
      terraform: { backend: { s3: { bucket: 'tfstate', workspace_key_prefix: 'vpc' } } },
    });
    expect(
      JSON.parse(readFileSync(join(dir, 'components/terraform/vpc/providers_override.tf.json'), 'utf8')),
    ).toEqual({
      provider: { aws: [{ region: 'us-east-1' }, { alias: 'west', region: 'us-west-2' }] },
    });
  });

  it('writes the varfiles of every real instance, filtered by stack and component', () => {
    const dir = repo();
    const r = runCli(['terraform', 'generate', 'varfiles'], dir);
    expect(r.exitCode).toBe(0);
    const written = r.stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(`wrote ${dir}/`, ''))
      .sort();
    expect(written).toEqual([
      'components/terraform/net/dns/dev-net-dns.terraform.tfvars.json',
      'components/terraform/vpc/dev-vpc.terraform.tfvars.json',
      'components/terraform/vpc/prod-vpc.terraform.tfvars.json',
    ]);
    const again = runCli(
      ['terraform', 'generate', 'varfiles', '--stacks', 'pro*', '--components', 'vpc'],
      dir,
    );
    expect(again.stderr.trim()).toBe(
      `unchanged ${dir}/components/terraform/vpc/prod-vpc.terraform.tfvars.json`,
    );
  });

  it('refuses an abstract component with exit 1', () => {
    const r = runCli(['terraform', 'plan', 'base', '-s', 'dev'], repo());
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("error[component-abstract]: component 'base' in stack 'dev' is abstract");
  });
});

describe('strata terraform shell', () => {
  it("opens $SHELL in the component folder with the instance's workspace and varfile", () => {
    const dir = repo();
    chmodSync(join(dir, 'print-env.sh'), 0o755);
    const r = runCli(['terraform', 'shell', 'vpc', '-s', 'prod'], dir, { SHELL: join(dir, 'print-env.sh') });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toBe('ws=prod args=-var-file=prod-vpc.terraform.tfvars.json pwd=vpc');
  });
});
