import { describe, expect, it } from 'vitest';
import { component } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §6 (file-scoped overrides). Atmos scenarios: atmos-overrides-section, complete (teams/testing).

const byStage = config({ stacks: 'name_template: "{{ .vars.stage }}"', included: ['deploy/**/*'] });

const catalog = y`
  components:
    terraform:
      api:
        vars:
          limits: {cpu: catalog, mem: catalog, disk: catalog, net: catalog}
`;

describe('overrides written in one file', () => {
  it('applies both sections, terraform.overrides winning over the top-level overrides', () => {
    const t = repo(
      {
        'stacks/catalog/api.yaml': catalog,
        'stacks/deploy/qa.yaml': y`
          import: [catalog/api]
          vars: {stage: qa}
          overrides:
            vars:
              limits: {cpu: top-level, mem: top-level}
          terraform:
            overrides:
              vars:
                limits: {cpu: terraform-level}
        `,
      },
      byStage,
    );
    const c = component(t, 'api', 'qa');
    expect(c.vars.limits).toEqual({
      cpu: 'terraform-level',
      mem: 'top-level',
      disk: 'catalog',
      net: 'catalog',
    });
    expect(c.overrides).toEqual({ vars: { limits: { cpu: 'terraform-level', mem: 'top-level' } } });
  });

  it('beats the component written in the same file, and every other overridable section', () => {
    const t = repo(
      {
        'stacks/deploy/qa.yaml': y`
          vars: {stage: qa, scope: global}
          overrides:
            env: {LOG_LEVEL: debug}
            settings: {owner: overrides}
          terraform:
            overrides:
              command: tofu
              vars: {scope: overrides}
              providers:
                aws: {region: us-west-2}
          components:
            terraform:
              api:
                command: terraform-1.5
                vars: {scope: component}
                env: {LOG_LEVEL: info, KEEP: "1"}
                settings: {owner: component, team: core}
                providers:
                  aws: {region: us-east-1, profile: qa}
        `,
      },
      byStage,
    );
    const c = component(t, 'api', 'qa');
    expect(c.vars).toEqual({ stage: 'qa', scope: 'overrides' });
    expect(c.env).toEqual({ LOG_LEVEL: 'debug', KEEP: '1' });
    expect(c.settings).toEqual({ owner: 'overrides', team: 'core' });
    expect(c.command).toBe('tofu');
    expect(c.providers).toEqual({ aws: { region: 'us-west-2', profile: 'qa' } });
  });

  it('does not touch the backend, which overrides cannot set', () => {
    const t = repo(
      {
        'stacks/deploy/qa.yaml': y`
          vars: {stage: qa}
          terraform:
            backend_type: local
            backend:
              local: {path: state/qa.tfstate}
            overrides:
              vars: {touched: true}
          components:
            terraform:
              api: {}
        `,
      },
      byStage,
    );
    const c = component(t, 'api', 'qa');
    expect(c.backend_type).toBe('local');
    expect(c.backend).toEqual({ path: 'state/qa.tfstate' });
    expect(c.vars.touched).toBe(true);
  });
});

describe('overrides and import order', () => {
  const teams = {
    'stacks/catalog/api.yaml': catalog,
    'stacks/teams/blue.yaml': y`
      import: [catalog/api]
      terraform:
        overrides:
          vars:
            limits: {cpu: blue, mem: blue, disk: blue}
    `,
    'stacks/teams/green.yaml': y`
      import: [catalog/api]
      terraform:
        overrides:
          vars:
            limits: {cpu: green, mem: green}
    `,
    'stacks/catalog/pin.yaml': y`
      terraform:
        overrides:
          vars:
            limits: {cpu: pinned, mem: pinned}
    `,
  };
  const stackFile = (stage: string, body: string) => ({
    [`stacks/deploy/${stage}.yaml`]: `vars: {stage: ${stage}}\n${body}`,
  });
  const t = repo(
    {
      ...teams,
      ...stackFile(
        'one',
        'import: [teams/blue, teams/green]\nterraform:\n  overrides:\n    vars:\n      limits: {cpu: one}\n',
      ),
      ...stackFile('two', 'import: [teams/blue, teams/green]\n'),
      ...stackFile(
        'three',
        'import: [teams/blue]\noverrides:\n  vars:\n    limits: {cpu: three-top, mem: three-top}\nterraform:\n  overrides:\n    vars:\n      limits: {cpu: three-tf}\n',
      ),
      ...stackFile('before', 'import: [catalog/pin, catalog/api]\n'),
      ...stackFile('after', 'import: [catalog/api, catalog/pin]\n'),
      ...stackFile(
        'importer',
        'import: [catalog/pin]\ncomponents:\n  terraform:\n    api:\n      vars:\n        limits: {cpu: own, mem: own, disk: own}\n',
      ),
    },
    byStage,
  );

  it.each([
    // The importer's overrides beat the imported teams'; a later sibling's beat an earlier one's.
    { stage: 'one', limits: { cpu: 'one', mem: 'green', disk: 'blue', net: 'catalog' } },
    { stage: 'two', limits: { cpu: 'green', mem: 'green', disk: 'blue', net: 'catalog' } },
    { stage: 'three', limits: { cpu: 'three-tf', mem: 'three-top', disk: 'blue', net: 'catalog' } },
    // Overrides reach components of later siblings ...
    { stage: 'before', limits: { cpu: 'pinned', mem: 'pinned', disk: 'catalog', net: 'catalog' } },
    // ... but not those of earlier siblings.
    { stage: 'after', limits: { cpu: 'catalog', mem: 'catalog', disk: 'catalog', net: 'catalog' } },
    // They reach the importing file's own components.
    { stage: 'importer', limits: { cpu: 'pinned', mem: 'pinned', disk: 'own' } },
  ])('stack $stage: limits = $limits', ({ stage, limits }) => {
    expect(component(t, 'api', stage).vars).toEqual({ stage, limits });
  });

  it('shows the overrides that reached the component', () => {
    expect(component(t, 'api', 'after').overrides).toEqual({});
    expect(component(t, 'api', 'before').overrides).toEqual({
      vars: { limits: { cpu: 'pinned', mem: 'pinned' } },
    });
  });

  it('keeps overrides inside the stack files that import them', () => {
    const isolated = repo(
      {
        ...teams,
        ...stackFile('one', 'import: [teams/blue]\n'),
        ...stackFile('plain', 'import: [catalog/api]\n'),
      },
      byStage,
    );
    expect(component(isolated, 'api', 'plain').vars.limits).toEqual({
      cpu: 'catalog',
      mem: 'catalog',
      disk: 'catalog',
      net: 'catalog',
    });
  });
});

describe('overrides and inheritance', () => {
  it('does not pass a base its overrides to derived components in files the overrides do not reach', () => {
    const t = repo(
      {
        'stacks/catalog/derived.yaml': y`
          components:
            terraform:
              worker:
                metadata: {inherits: [worker-base]}
                vars: {own: true}
        `,
        'stacks/catalog/base.yaml': y`
          terraform:
            overrides:
              vars: {tier: overridden}
          components:
            terraform:
              worker-base:
                vars: {tier: base}
        `,
        'stacks/deploy/qa.yaml': 'vars: {stage: qa}\nimport: [catalog/derived, catalog/base]\n',
      },
      byStage,
    );
    expect(component(t, 'worker-base', 'qa').vars.tier).toBe('overridden');
    // The base contributes its raw vars; its file's overrides do not travel with it.
    expect(component(t, 'worker', 'qa').vars).toEqual({ stage: 'qa', tier: 'base', own: true });
  });

  it('puts overrides above the inherited values of a derived component', () => {
    const t = repo(
      {
        'stacks/catalog/base.yaml': y`
          components:
            terraform:
              worker-base:
                metadata: {type: abstract}
                vars: {tier: base, replicas: 2}
        `,
        'stacks/deploy/qa.yaml': y`
          vars: {stage: qa}
          import: [catalog/base]
          overrides:
            vars: {tier: overridden}
          components:
            terraform:
              worker:
                metadata: {inherits: [worker-base]}
                vars: {tier: own}
        `,
      },
      byStage,
    );
    expect(component(t, 'worker', 'qa').vars).toEqual({ stage: 'qa', tier: 'overridden', replicas: 2 });
  });
});

describe('an overrides section written inside a component', () => {
  it('applies above the component when no file-scoped overrides reach its file', () => {
    const t = repo(
      {
        'stacks/deploy/qa.yaml': y`
          vars: {stage: qa}
          components:
            terraform:
              api:
                vars: {size: small, tier: web}
                overrides:
                  vars: {size: large}
        `,
      },
      byStage,
    );
    const c = component(t, 'api', 'qa');
    expect(c.vars).toEqual({ stage: 'qa', size: 'large', tier: 'web' });
    expect(c.overrides).toEqual({ vars: { size: 'large' } });
  });

  it('is replaced by the file-scoped overrides that reach its file', () => {
    const t = repo(
      {
        'stacks/deploy/qa.yaml': y`
          vars: {stage: qa}
          overrides:
            vars: {tier: batch}
          components:
            terraform:
              api:
                vars: {size: small, tier: web}
                overrides:
                  vars: {size: large}
        `,
      },
      byStage,
    );
    const c = component(t, 'api', 'qa');
    expect(c.vars).toEqual({ stage: 'qa', size: 'small', tier: 'batch' });
    expect(c.overrides).toEqual({ vars: { tier: 'batch' } });
  });
});
