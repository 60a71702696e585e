import { describe, expect, it } from 'vitest';
import { component, failure, runInstance, stacks, validate } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §2.2 (top-level stacks, several manifests forming one stack). Atmos scenario:
// top-level-stack-composition (internal/exec/top_level_stack_composition_test.go).

const composed = {
  'stacks/catalog/common.yaml': y`
    vars:
      environment: dev
      stage: shared
    components:
      terraform:
        common:
          metadata: {component: mock}
          vars:
            origin: common-catalog
            name: common
  `,
  'stacks/layers/a-core.yaml': y`
    import: [catalog/common]
    components:
      terraform:
        network:
          metadata: {component: mock}
          vars: {name: network}
        resolver:
          metadata: {component: mock}
          vars: {name: resolver, hostname: ns1.example.com}
  `,
  'stacks/layers/b-apps.yaml': y`
    import: [catalog/common]
    components:
      terraform:
        chat:
          metadata:
            component: mock
            inherits: [common]
          vars: {name: chat}
        portal:
          metadata: {component: mock}
          vars: {name: portal}
  `,
};

const layered = (extra: Record<string, string> = {}) =>
  repo(
    { ...composed, ...extra },
    config({
      included: ['layers/**/*'],
      stacks: 'name_template: "{{ .vars.environment }}-{{ .vars.stage }}"',
    }),
  );

describe('two top-level manifests naming one stack', () => {
  const t = layered();

  it('unions their components under the one stack name', () => {
    const all = stacks(t);
    expect(Object.keys(all)).toEqual(['dev-shared']);
    expect(Object.keys(all['dev-shared'].components.terraform).sort()).toEqual([
      'chat',
      'common',
      'network',
      'portal',
      'resolver',
    ]);
  });

  it('resolves a component both manifests import identically to the first manifest', () => {
    const c = component(t, 'common', 'dev-shared');
    expect(c.atmos_manifest).toBe('layers/a-core');
    expect(c.component).toBe('mock');
    expect(c.vars).toEqual({ environment: 'dev', stage: 'shared', origin: 'common-catalog', name: 'common' });
  });

  it('computes each component inside its own manifest', () => {
    const chat = component(t, 'chat', 'dev-shared');
    expect(chat.atmos_manifest).toBe('layers/b-apps');
    expect(chat.inheritance).toEqual(['common']);
    expect(chat.component).toBe('mock');
    expect(chat.vars).toEqual({
      environment: 'dev',
      stage: 'shared',
      origin: 'common-catalog',
      name: 'chat',
    });
  });

  it('validates cleanly although one component appears in both manifests', () => {
    expect(validate(t)).toEqual([]);
  });

  it('does not let one manifest inherit from a component defined only in the other', () => {
    const broken = layered({
      'stacks/layers/c-extra.yaml': y`
        import: [catalog/common]
        components:
          terraform:
            edge:
              metadata: {inherits: [network]}
      `,
    });
    const ds = validate(broken);
    expect(ds.map((d) => d.code)).toContain('inherits-missing');
    expect(ds.find((d) => d.code === 'inherits-missing')!.file).toBe('stacks/layers/c-extra.yaml');
    expect(failure(() => component(broken, 'edge', 'dev-shared')).map((d) => d.code)).toContain(
      'inherits-missing',
    );
  });
});

describe('file-scoped globals in a composed stack', () => {
  const byStage = config({ stacks: 'name_pattern: "{stage}"' });

  it("does not give one manifest's global vars to the other's components", () => {
    const t = repo(
      {
        'stacks/orgs/dev-core.yaml':
          'vars: {stage: dev, team: core}\ncomponents:\n  terraform:\n    network: {}\n',
        'stacks/orgs/dev-apps.yaml': 'vars: {stage: dev}\ncomponents:\n  terraform:\n    portal: {}\n',
      },
      byStage,
    );
    expect(component(t, 'network', 'dev').vars).toEqual({ stage: 'dev', team: 'core' });
    expect(component(t, 'portal', 'dev').vars).toEqual({ stage: 'dev' });
  });

  it('turns a shared import into a conflict when the manifests give it different globals', () => {
    const t = repo(
      {
        'stacks/catalog/common.yaml': 'components:\n  terraform:\n    common: {vars: {name: common}}\n',
        'stacks/orgs/dev-core.yaml': 'import: [catalog/common]\nvars: {stage: dev, team: core}\n',
        'stacks/orgs/dev-apps.yaml': 'import: [catalog/common]\nvars: {stage: dev}\n',
      },
      byStage,
    );
    expect(failure(() => runInstance(t, 'common', 'dev')).map((d) => d.code)).toEqual([
      'component-duplicate',
    ]);
    expect(validate(t).map((d) => d.code)).toContain('component-duplicate');
  });
});

describe('which files are top-level stacks', () => {
  const t = repo({
    'stacks/orgs/acme/_defaults.yaml':
      'vars: {namespace: acme}\ncomponents:\n  terraform:\n    from-defaults: {}\n',
    'stacks/orgs/acme/base.yaml':
      'import: [orgs/acme/_defaults]\ncomponents:\n  terraform:\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n',
    'stacks/orgs/acme/dev.yaml': 'import: [orgs/acme/base]\nvars: {stage: dev}\n',
    'stacks/orgs/acme/only-vars.yaml': 'vars: {stage: idle}\n',
    'stacks/catalog/dns.yaml': 'components:\n  terraform:\n    dns: {}\n',
  });

  it('keeps an included file a stack even when another stack imports it; skips excluded and component-less files', () => {
    expect(Object.keys(stacks(t)).sort()).toEqual(['orgs/acme/base', 'orgs/acme/dev']);
  });

  it('describes the same component separately in the imported and the importing stack', () => {
    expect(component(t, 'vpc', 'orgs/acme/base').vars).toEqual({ namespace: 'acme', cidr: '10.0.0.0/16' });
    expect(component(t, 'vpc', 'orgs/acme/dev').vars).toEqual({
      namespace: 'acme',
      stage: 'dev',
      cidr: '10.0.0.0/16',
    });
    expect(component(t, 'vpc', 'orgs/acme/dev').imports).toEqual(['orgs/acme/_defaults', 'orgs/acme/base']);
  });

  it('keeps components of excluded files only in the stacks that import them', () => {
    expect(component(t, 'from-defaults', 'orgs/acme/dev').atmos_manifest).toBe('orgs/acme/dev');
    expect(failure(() => component(t, 'dns', 'catalog/dns')).length).toBeGreaterThan(0);
  });
});

describe('stack file names', () => {
  it.each([
    { file: 'orgs/acme/dev.yml', stackFile: 'orgs/acme/dev', workspace: 'orgs-acme-dev' },
    { file: 'orgs/acme/dev.yaml', stackFile: 'orgs/acme/dev', workspace: 'orgs-acme-dev' },
    // Only .yaml/.yml are trimmed; a template keeps its suffix in the stack file name.
    {
      file: 'orgs/acme/dev.yaml.tmpl',
      stackFile: 'orgs/acme/dev.yaml.tmpl',
      workspace: 'orgs-acme-dev.yaml.tmpl',
    },
  ])('$file is the stack $stackFile', ({ file, stackFile, workspace }) => {
    const t = repo({ [`stacks/${file}`]: 'components:\n  terraform:\n    vpc: {}\n' });
    expect(Object.keys(stacks(t))).toEqual([stackFile]);
    const c = component(t, 'vpc', stackFile);
    expect(c.atmos_stack_file).toBe(stackFile);
    expect(c.workspace).toBe(workspace);
  });
});
