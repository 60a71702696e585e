import { describe, expect, it } from 'vitest';
import { atmosYaml } from '../helpers/memory-project.js';
import { component, failure, validate } from '../helpers/describe.js';

const tree = (files: Record<string, string>) => ({ 'atmos.yaml': atmosYaml(), ...files });

describe('locals', () => {
  it('resolves locals in any order and renders the file with them', () => {
    const t = tree({
      'stacks/orgs/dev.yaml': `locals:
  full: "{{ .locals.prefix }}-{{ .locals.name }}"
  prefix: "{{ .locals.org }}-{{ .vars.stage }}"
  org: acme
  name: vpc
vars:
  stage: dev
components:
  terraform:
    vpc:
      vars:
        name: "{{ .locals.full }}"
        later: "{{ .atmos_component }}"
`,
    });
    expect(component(t, 'vpc', 'orgs/dev').vars).toEqual({
      stage: 'dev',
      name: 'acme-dev-vpc',
      later: '{{ .atmos_component }}',
    });
  });

  it('scopes locals: global, then terraform.locals, then the component’s own, the narrowest winning', () => {
    const t = tree({
      'stacks/orgs/dev.yaml': `locals: {env: dev, level: global}
terraform:
  locals: {level: terraform, bucket: "{{ .locals.env }}-tfstate"}
  vars: {bucket: "{{ .locals.bucket }}", level: "{{ .locals.level }}"}
components:
  terraform:
    vpc:
      locals: {level: component}
      vars: {level_seen: "{{ .locals.level }}"}
`,
    });
    expect(component(t, 'vpc', 'orgs/dev').vars).toEqual({
      bucket: 'dev-tfstate',
      level: 'terraform',
      level_seen: 'component',
    });
  });

  it('never crosses files: an imported file does not see the importer’s locals', () => {
    const t = tree({
      'stacks/catalog/vpc.yaml':
        'locals: {owner: catalog}\ncomponents:\n  terraform:\n    vpc:\n      vars: {owner: "{{ .locals.owner }}"}\n',
      'stacks/orgs/dev.yaml':
        'import: [catalog/vpc]\nlocals: {owner: importer}\nvars: {from_importer: "{{ .locals.owner }}"}\n',
    });
    expect(component(t, 'vpc', 'orgs/dev').vars).toEqual({ owner: 'catalog', from_importer: 'importer' });
  });

  it('reports a cycle with its chain, at the local', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'locals:\n  a: "{{ .locals.b }}"\n  b: "{{ .locals.c }}"\n  c: "{{ .locals.a }}"\ncomponents:\n  terraform:\n    vpc: {}\n',
    });
    const [d] = validate(t);
    expect(d).toMatchObject({
      code: 'template-error',
      message: 'circular locals: a -> b -> c -> a',
      file: 'stacks/orgs/dev.yaml',
      position: { line: 2 },
    });
    expect(failure(() => component(t, 'vpc', 'orgs/dev'))[0]!.message).toBe(
      'circular locals: a -> b -> c -> a',
    );
  });

  it('reports a local that reads something undefined', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'locals:\n  a: "{{ .settings.missing.key }}"\ncomponents:\n  terraform:\n    vpc: {}\n',
    });
    expect(validate(t)[0]).toMatchObject({
      code: 'template-error',
      file: 'stacks/orgs/dev.yaml',
      position: { line: 2 },
      message: expect.stringContaining('locals.a'),
    });
  });
});

describe('YAML functions in locals', () => {
  it('runs them before templates, so a template can use their value', async () => {
    const { openProject } = await import('../../src/services/project.js');
    const { describeComponentService } = await import('../../src/services/describe.js');
    const { testdir } = await import('../helpers/testdir.js');
    const dir = testdir({
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/dev.yaml': `locals:
  region: !env DEPLOY_REGION us-east-1
  owner: !env TEAM
  bucket: "acme-{{ .locals.region }}-{{ .locals.owner }}"
components:
  terraform:
    vpc:
      vars:
        bucket: "{{ .locals.bucket }}"
`,
    });
    const described = describeComponentService(
      openProject({ cwd: dir, env: { TEAM: 'platform' } }),
      'vpc',
      'orgs/dev',
    );
    expect((described.value['vars'] as Record<string, unknown>)['bucket']).toBe('acme-us-east-1-platform');
  });
});
