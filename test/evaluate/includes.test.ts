import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';

const config =
  'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n';

const describeVars = (dir: string) => {
  const r = runCli(['describe', 'component', 'app', '-s', 'dev', '-f', 'json'], dir);
  return { ...r, vars: r.exitCode === 0 ? JSON.parse(r.stdout).vars : undefined };
};

describe('!include', () => {
  it('includes YAML, JSON, HCL (tfvars) and text, relative to the manifest, the CWD or base_path, with a query', () => {
    const dir = testdir({
      'atmos.yaml': config,
      'config/defaults.json': '{"sizes": {"small": 1, "large": 3}}',
      'stacks/orgs/tags.yaml': 'tags:\n  Team: platform\n',
      'stacks/orgs/motd.txt': 'hello\n',
      'components/terraform/app/dev.tfvars': 'replicas = 2\nzones = ["a", "b"]\n',
      'stacks/orgs/dev.yaml': `vars:
  stage: dev
components:
  terraform:
    app:
      vars:
        tags: !include ./tags.yaml .tags
        size: !include config/defaults.json .sizes.large
        tfvars: !include components/terraform/app/dev.tfvars
        motd: !include ./motd.txt
        raw: !include.raw ./tags.yaml
`,
    });
    const { vars, stderr } = describeVars(dir);
    expect(stderr).toBe('');
    expect(vars).toEqual({
      stage: 'dev',
      tags: { Team: 'platform' },
      size: 3,
      tfvars: { replicas: 2, zones: ['a', 'b'] },
      motd: 'hello\n',
      raw: 'tags:\n  Team: platform\n',
    });
  });

  it('names the manifest, the line and the paths tried when the file is missing', () => {
    const dir = testdir({
      'atmos.yaml': config,
      'stacks/orgs/dev.yaml':
        'vars:\n  stage: dev\ncomponents:\n  terraform:\n    app:\n      vars:\n        x: !include ./nope.yaml\n',
    });
    const r = describeVars(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'stacks/orgs/dev.yaml:7:21: error[include-missing]: !include ./nope.yaml: no such file',
    );
    expect(r.stderr).toContain('looked for');
  });
});
