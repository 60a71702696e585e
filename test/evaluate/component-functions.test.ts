import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';

// atmos.Component and !terraform.state over a project on disk, with no terraform run: a `static`
// remote-state backend provides outputs the way Atmos's fixtures mock them.
const project = (consumerVars: string) =>
  testdir({
    'atmos.yaml':
      'stacks:\n  base_path: stacks\n  included_paths: ["deploy/**/*"]\n  name_template: "{{ .vars.stage }}"\ncomponents:\n  terraform:\n    base_path: components/terraform\ntemplates:\n  settings:\n    enabled: true\n',
    'stacks/deploy/dev.yaml': `vars: {stage: dev}
components:
  terraform:
    network:
      metadata: {component: mock}
      remote_state_backend_type: static
      remote_state_backend:
        static:
          vpc_id: vpc-static
          subnets: [a, b]
      vars: {cidr: 10.1.0.0/16}
    consumer:
      metadata: {component: mock}
      vars:
${consumerVars}
`,
    'components/terraform/mock/main.tf': 'variable "stage" {\n  type = string\n}\n',
  });

const describeVars = (dir: string) => {
  const r = runCli(['describe', 'component', 'consumer', '-s', 'dev', '-f', 'json'], dir);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout).vars as Record<string, unknown>;
};

describe('outputs of a static remote-state backend', () => {
  it('are what atmos.Component and !terraform.state read', () => {
    const dir = project(
      [
        `        id: '{{ (atmos.Component "network" .stack).outputs.vpc_id }}'`,
        `        cidr: '{{ (atmos.Component "network" .stack).vars.cidr }}'`,
        `        subnets: !template '{{ toJson (atmos.Component "network" .stack).outputs.subnets }}'`,
        `        ws: '{{ (atmos.Component "network" .stack).workspace }}'`,
        '        state: !terraform.state network subnets',
      ].join('\n'),
    );
    expect(describeVars(dir)).toEqual({
      stage: 'dev',
      id: 'vpc-static',
      cidr: '10.1.0.0/16',
      subnets: ['a', 'b'],
      ws: 'dev-network',
      state: ['a', 'b'],
    });
  });

  it('makes an output that does not exist an error at the line that reads it', () => {
    const dir = project('        missing: !terraform.state network nope');
    const r = runCli(['describe', 'component', 'consumer', '-s', 'dev'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/stacks\/deploy\/dev\.yaml:15:\d+/);
    expect(r.stderr).toContain("'network' in stack 'dev' has no output 'nope'");
  });

  it('reports a circular atmos.Component reference instead of recursing', () => {
    const dir = project(`        self: '{{ (atmos.Component "consumer" .stack).vars.stage }}'`);
    const r = runCli(['describe', 'component', 'consumer', '-s', 'dev'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("circular atmos.Component reference through 'consumer' in 'dev'");
  });
});
