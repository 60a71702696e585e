import { describe, expect, it } from 'vitest';
import { atmosYaml } from '../helpers/memory-project.js';
import { component, failure, runInstance, stacks, validate } from '../helpers/describe.js';
import { memoryProject } from '../helpers/memory-project.js';
import { describeComponentService } from '../../src/services/describe.js';

const vpc = 'components:\n  terraform:\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n';
const ctx = (t: string, e: string, s: string) => `vars: {tenant: ${t}, environment: ${e}, stage: ${s}}\n`;

describe('stack names', () => {
  const cases = [
    {
      name: 'file path when nothing is configured',
      config: '',
      file: 'orgs/acme/dev.yaml',
      text: vpc,
      stack: 'orgs/acme/dev',
      workspace: 'orgs-acme-dev',
    },
    {
      name: 'name_pattern over vars',
      config: 'stacks:\n  name_pattern: "{tenant}-{environment}-{stage}"\n',
      file: 'orgs/dev.yaml',
      text: ctx('plat', 'ue2', 'dev') + vpc,
      stack: 'plat-ue2-dev',
      workspace: 'plat-ue2-dev',
    },
    {
      name: 'name_pattern ignores tokens other than namespace/tenant/environment/stage',
      config: 'stacks:\n  name_pattern: "{stage}-{region}"\n',
      file: 'orgs/dev.yaml',
      text: 'vars: {stage: dev, region: us-east-2}\n' + vpc,
      stack: 'dev',
      workspace: 'dev',
    },
    {
      name: 'name_template over the component section',
      config: 'stacks:\n  name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"\n',
      file: 'orgs/dev.yaml',
      text: ctx('plat', 'ue2', 'dev') + vpc,
      stack: 'plat-dev',
      workspace: 'plat-dev',
    },
    {
      name: 'manifest name: beats the template',
      config: 'stacks:\n  name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"\n',
      file: 'orgs/dev.yaml',
      text: 'name: legacy-dev\n' + ctx('plat', 'ue2', 'dev') + vpc,
      stack: 'legacy-dev',
      workspace: 'legacy-dev',
    },
  ];
  it.each(cases)('$name', ({ config, file, text, stack, workspace }) => {
    const tree = { 'atmos.yaml': mergeConfig(config), [`stacks/${file}`]: text };
    expect(Object.keys(stacks(tree))).toEqual([stack]);
    const c = component(tree, 'vpc', stack);
    expect(c.atmos_stack).toBe(stack);
    expect(c.workspace).toBe(workspace);
    expect(c.atmos_stack_file).toBe(file.replace(/\.yaml$/, ''));
  });

  it('unions components of several manifests that name the same stack', () => {
    const tree = {
      'atmos.yaml': mergeConfig('stacks:\n  name_pattern: "{stage}"\n'),
      'stacks/orgs/dev.yaml': 'vars: {stage: dev}\n' + vpc,
      'stacks/orgs/dev-extras.yaml': 'vars: {stage: dev}\ncomponents:\n  terraform:\n    dns: {}\n',
    };
    expect(Object.keys(stacks(tree).dev.components.terraform).sort()).toEqual(['dns', 'vpc']);
    expect(component(tree, 'dns', 'dev').atmos_manifest).toBe('orgs/dev-extras');
  });

  it('reports one component defined differently in two manifests of one stack, naming both', () => {
    const tree = {
      'atmos.yaml': mergeConfig('stacks:\n  name_pattern: "{stage}"\n'),
      'stacks/orgs/a.yaml': 'vars: {stage: dev}\n' + vpc,
      'stacks/orgs/b.yaml':
        'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {vars: {cidr: 10.9.0.0/16}}\n',
    };
    const [d] = validate(tree);
    expect(d).toMatchObject({ code: 'component-duplicate' });
    expect(d!.related!.map((r) => r.file)).toEqual(['stacks/orgs/a.yaml', 'stacks/orgs/b.yaml']);
    const [dc] = failure(() => runInstance(tree, 'vpc', 'dev'));
    expect(dc!.code).toBe('component-duplicate');
    // Inspection stops at the first manifest that defines it (validate stacks reports the conflict).
    expect(component(tree, 'vpc', 'dev').vars).toEqual({ cidr: '10.0.0.0/16', stage: 'dev' });
  });

  it('accepts identical definitions of one component in two manifests of one stack', () => {
    const tree = {
      'atmos.yaml': mergeConfig('stacks:\n  name_pattern: "{stage}"\n'),
      'stacks/catalog/vpc.yaml': vpc,
      'stacks/orgs/a.yaml': 'import: [catalog/vpc]\nvars: {stage: dev}\n',
      'stacks/orgs/b.yaml': 'import: [catalog/vpc]\nvars: {stage: dev}\n',
    };
    expect(validate(tree)).toEqual([]);
    expect(component(tree, 'vpc', 'dev').atmos_manifest).toBe('orgs/a');
  });
});

describe('stack lookup errors', () => {
  const tree = {
    'atmos.yaml': mergeConfig('stacks:\n  name_pattern: "{tenant}-{environment}-{stage}"\n'),
    'stacks/orgs/dev.yaml': ctx('plat', 'ue2', 'dev') + vpc,
    'stacks/orgs/prod.yaml': ctx('plat', 'ue2', 'prod') + vpc,
  };
  it('suggests the closest stack name', () => {
    const [d] = failure(() => component(tree, 'vpc', 'plat-ue2-dve'));
    expect(d).toMatchObject({
      code: 'stack-not-found',
      hint: expect.stringContaining("did you mean 'plat-ue2-dev'?"),
    });
  });
  it('suggests the closest component in the stack', () => {
    const [d] = failure(() => component(tree, 'vcp', 'plat-ue2-dev'));
    expect(d).toMatchObject({
      code: 'component-not-found',
      hint: expect.stringContaining("did you mean 'vpc'?"),
    });
  });
  it('names the declared name when a manifest file name is given instead', () => {
    const named = { 'atmos.yaml': mergeConfig(''), 'stacks/orgs/prod.yaml': 'name: production\n' + vpc };
    const [d] = failure(() => describeComponentService(memoryProject(named), 'vpc', 'prod'));
    expect(d!.hint).toContain("did you mean 'production'?");
  });
  it('reports a stack that cannot be named in validate, with the missing variable', () => {
    const broken = { ...tree, 'stacks/orgs/odd.yaml': 'vars: {tenant: plat}\n' + vpc };
    const [d] = validate(broken);
    expect(d).toMatchObject({ code: 'stack-name-unresolved', file: 'stacks/orgs/odd.yaml' });
    expect(d!.message).toContain("'environment'");
  });
  it('falls back to the file name in describe stacks when a stack cannot be named', () => {
    const broken = { ...tree, 'stacks/orgs/odd.yaml': 'vars: {tenant: plat}\n' + vpc };
    expect(Object.keys(stacks(broken)).sort()).toEqual(['orgs/odd', 'plat-ue2-dev', 'plat-ue2-prod']);
  });
});

function mergeConfig(extra: string): string {
  // atmosYaml() already has a stacks: block; splice name settings into it.
  const base = atmosYaml();
  if (!extra) return base;
  const lines = extra.split('\n').slice(1).filter(Boolean).join('\n');
  return base.replace('stacks:\n', `stacks:\n${lines}\n`);
}

describe('lookup with stacks that cannot be named', () => {
  it('names the manifests that define the component but cannot be named', () => {
    const tree = {
      'atmos.yaml': atmosYaml().replace('stacks:\n', 'stacks:\n  name_pattern: "{tenant}-{stage}"\n'),
      'stacks/orgs/dev.yaml': 'vars: {tenant: plat}\ncomponents:\n  terraform:\n    vpc: {}\n',
    };
    const [d] = failure(() => component(tree, 'vpc', 'plat-dev'));
    expect(d!.code).toBe('stack-not-found');
    expect(d!.related).toEqual([
      {
        file: 'stacks/orgs/dev.yaml',
        message: expect.stringContaining("needs the variable 'stage', which is not set"),
      },
    ]);
  });
});
