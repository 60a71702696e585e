import { describe, expect, it } from 'vitest';
import { component, stacks, validate } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §5.2–§5.4 and §8.1. Atmos scenarios: abstract-component-backend,
// component-inheritance-without-metadata-component, terraform-sub-components, slash-components.

const named = (extra: { stacks?: string; terraform?: string; root?: string } = {}) =>
  config({
    ...extra,
    stacks: `name_template: "{{ .vars.tenant }}-{{ .vars.environment }}-{{ .vars.stage }}"\n${extra.stacks ?? ''}`,
  });

describe('an abstract base carrying the backend and the folder', () => {
  const files = {
    'stacks/catalog/queue.yaml': y`
      components:
        terraform:
          queue/defaults:
            metadata:
              type: abstract
              component: sqs-queue
            backend_type: s3
            backend:
              s3: {bucket: acme-state, encrypt: true}
            vars:
              namespace: acme
              retention_days: 4
    `,
    'stacks/orgs/plat/dev.yaml': y`
      import: [catalog/queue]
      vars: {tenant: plat, environment: use1, stage: dev}
      components:
        terraform:
          queue/orders:
            metadata:
              component: sqs-queue
              inherits: [queue/defaults]
            vars: {name: orders}
          queue/payments:
            metadata:
              inherits: [queue/defaults]
            vars: {name: payments}
    `,
    'components/terraform/sqs-queue/main.tf': '',
  };

  it('gives the derived component the base backend, its folder and a suffixed workspace', () => {
    const c = component(repo(files, named()), 'queue/orders', 'plat-use1-dev');
    expect(c.vars).toEqual({
      tenant: 'plat',
      environment: 'use1',
      stage: 'dev',
      namespace: 'acme',
      retention_days: 4,
      name: 'orders',
    });
    expect(c.backend_type).toBe('s3');
    expect(c.backend).toEqual({ bucket: 'acme-state', encrypt: true, workspace_key_prefix: 'sqs-queue' });
    expect(c.component).toBe('sqs-queue');
    expect(c.inheritance).toEqual(['queue/defaults']);
    expect(c.metadata).toEqual({ component: 'sqs-queue', inherits: ['queue/defaults'] });
    expect(c.workspace).toBe('plat-use1-dev-queue-orders');
  });

  it('runs a derived component without its own metadata.component in the inherited folder (QUIRK 10)', () => {
    const c = component(repo(files, named()), 'queue/payments', 'plat-use1-dev');
    // The `component` key keeps the Phase B value (the component's own name) ...
    expect(c.component).toBe('queue/payments');
    // ... while metadata, folder and workspace follow the inherited metadata.component.
    expect(c.metadata).toEqual({ component: 'sqs-queue', inherits: ['queue/defaults'] });
    expect(c.component_info.component_path).toBe('components/terraform/sqs-queue');
    expect(c.workspace).toBe('plat-use1-dev-queue-payments');
    // The backend key prefix is computed from the component's own folder value.
    expect(c.backend.workspace_key_prefix).toBe('queue-payments');
  });

  it('inherits no metadata when stacks.inherit.metadata is false', () => {
    const c = component(
      repo(files, named({ stacks: 'inherit:\n  metadata: false' })),
      'queue/payments',
      'plat-use1-dev',
    );
    expect(c.metadata).toEqual({ inherits: ['queue/defaults'] });
    expect(c.component).toBe('queue/payments');
    expect(c.component_info.component_path).toBe('components/terraform/queue/payments');
    expect(c.workspace).toBe('plat-use1-dev');
    // Sections other than metadata are still inherited.
    expect(c.backend_type).toBe('s3');
    expect(c.vars.retention_days).toBe(4);
  });

  it('keeps the folder equal to the component name when only metadata.inherits is set', () => {
    const t = repo(
      {
        'stacks/catalog/base.yaml': y`
        components:
          terraform:
            shared-base:
              vars: {enabled: true, name: shared-base, from_base: yes-base}
      `,
        'stacks/orgs/test.yaml': y`
        import: [catalog/base]
        vars: {stage: test}
        components:
          terraform:
            worker:
              metadata: {inherits: [shared-base]}
              vars: {name: worker, own: yes-own}
      `,
      },
      config({ stacks: 'name_template: "{{ .vars.stage }}"' }),
    );
    const c = component(t, 'worker', 'test');
    expect(c.vars).toEqual({
      stage: 'test',
      enabled: true,
      name: 'worker',
      from_base: 'yes-base',
      own: 'yes-own',
    });
    expect(c.component).toBe('worker');
    expect(c.metadata).toEqual({ inherits: ['shared-base'] });
    expect(c.inheritance).toEqual(['shared-base']);
    expect(c.workspace).toBe('test');
  });
});

describe('metadata inheritance', () => {
  const t = repo({
    'stacks/orgs/dev.yaml': y`
      metadata:
        labels: {org: acme}
      components:
        terraform:
          grand:
            metadata:
              type: abstract
              custom: {owner: sre}
          parent:
            metadata:
              type: abstract
              inherits: [grand]
              component: app
              name: app-identity
              enabled: false
              locked: true
              description: shared parent
              custom: {tier: gold}
              labels: {team: payments}
              terraform_workspace: parent-ws
          child:
            metadata:
              inherits: [parent]
              enabled: true
              labels: {env: dev}
    `,
  });

  it('merges every field of the chain except inherits and type, under the global metadata', () => {
    expect(component(t, 'child', 'orgs/dev').metadata).toEqual({
      labels: { org: 'acme', team: 'payments', env: 'dev' },
      custom: { owner: 'sre', tier: 'gold' },
      component: 'app',
      name: 'app-identity',
      enabled: true,
      locked: true,
      description: 'shared parent',
      terraform_workspace: 'parent-ws',
      inherits: ['parent'],
    });
  });

  it('applies inherited workspace and identity fields', () => {
    const c = component(t, 'child', 'orgs/dev');
    expect(c.workspace).toBe('parent-ws');
    expect(c.inheritance).toEqual(['parent', 'grand']);
  });

  it('keeps the abstract base itself describable and listed', () => {
    const parent = component(t, 'parent', 'orgs/dev');
    expect(parent.metadata.type).toBe('abstract');
    expect(parent.metadata.inherits).toEqual(['grand']);
    expect(parent.metadata.custom).toEqual({ owner: 'sre', tier: 'gold' });
    expect(Object.keys(stacks(t)['orgs/dev'].components.terraform).sort()).toEqual([
      'child',
      'grand',
      'parent',
    ]);
  });
});

describe('inheritance order', () => {
  it('merges a diamond ancestor twice and lists the chain nearest-first without duplicates', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            root:
              metadata: {type: abstract}
              vars: {size: from-root, root: true}
            left:
              metadata: {type: abstract, inherits: [root]}
              vars: {size: from-left, left: true}
            right:
              metadata: {type: abstract, inherits: [root]}
              vars: {right: true}
            leaf:
              metadata: {inherits: [left, right]}
      `,
    });
    const c = component(t, 'leaf', 'orgs/dev');
    // Visit order root, left, root, right: the second visit of root resets size.
    expect(c.vars).toEqual({ size: 'from-root', root: true, left: true, right: true });
    expect(c.inheritance).toEqual(['right', 'root', 'left']);
  });

  it.each([
    { inherits: '[a, b]', who: 'b', chain: ['b', 'a'] },
    { inherits: '[b, a]', who: 'a', chain: ['a', 'b'] },
  ])('inherits $inherits: the last base wins and comes first in the chain', ({ inherits, who, chain }) => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            a: {metadata: {type: abstract}, vars: {who: a, only_a: 1}}
            b: {metadata: {type: abstract}, vars: {who: b, only_b: 1}}
            svc: {metadata: {inherits: ${inherits}}}
      `,
    });
    const c = component(t, 'svc', 'orgs/dev');
    expect(c.vars).toEqual({ who, only_a: 1, only_b: 1 });
    expect(c.inheritance).toEqual(chain);
  });

  it('processes the legacy component: key before metadata.inherits', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        vars: {stage: dev}
        components:
          terraform:
            legacy-base:
              vars: {a: from-legacy, b: from-legacy}
            mixin:
              metadata: {type: abstract}
              vars: {b: from-mixin}
            svc:
              component: legacy-base
              metadata: {inherits: [mixin]}
              vars: {c: own}
      `,
    });
    const c = component(t, 'svc', 'orgs/dev');
    expect(c.vars).toEqual({ stage: 'dev', a: 'from-legacy', b: 'from-mixin', c: 'own' });
    expect(c.inheritance).toEqual(['mixin', 'legacy-base']);
    expect(c.component).toBe('legacy-base');
    expect(c.workspace).toBe('orgs-dev-svc');
  });

  it("follows a base's own legacy component: key before merging the base", () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            origin: {vars: {level: origin, origin: true}}
            middle: {component: origin, vars: {level: middle}}
            top: {metadata: {inherits: [middle]}}
      `,
    });
    const c = component(t, 'top', 'orgs/dev');
    expect(c.vars).toEqual({ level: 'middle', origin: true });
    expect(c.inheritance).toEqual(['middle', 'origin']);
    expect(c.component).toBe('top');
  });

  it('puts the stack global vars below a base defined in an imported catalog', () => {
    const t = repo({
      'stacks/catalog/base.yaml': y`
        components:
          terraform:
            base: {metadata: {type: abstract}, vars: {region: from-base}}
      `,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/base]
        vars: {region: from-global, global_only: true}
        components:
          terraform:
            svc: {metadata: {inherits: [base]}}
      `,
    });
    expect(component(t, 'svc', 'orgs/dev').vars).toEqual({ region: 'from-base', global_only: true });
  });
});

describe('the folder when both the legacy key and metadata.component are set', () => {
  it('inherits from the legacy base but runs in metadata.component', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            legacy-a:
              vars: {from: legacy-a}
            both:
              component: legacy-a
              metadata: {component: folder-b}
      `,
    });
    const c = component(t, 'both', 'orgs/dev');
    expect(c.component).toBe('folder-b');
    expect(c.inheritance).toEqual(['legacy-a']);
    expect(c.vars).toEqual({ from: 'legacy-a' });
    expect(c.workspace).toBe('orgs-dev-both');
  });
});

describe('abstract components', () => {
  it('drop their own settings.spacelift.workspace_enabled, which derived components still inherit raw', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            base:
              metadata: {type: abstract}
              settings:
                spacelift: {workspace_enabled: true, autodeploy: true}
            derived:
              metadata: {inherits: [base]}
      `,
    });
    expect(component(t, 'base', 'orgs/dev').settings).toEqual({ spacelift: { autodeploy: true } });
    expect(component(t, 'derived', 'orgs/dev').settings).toEqual({
      spacelift: { workspace_enabled: true, autodeploy: true },
    });
  });
});

describe('folders and component names with slashes', () => {
  const t = repo(
    {
      'stacks/orgs/dev.yaml': y`
        vars: {stage: dev}
        components:
          terraform:
            infra/vpc:
              vars: {cidr: 10.0.0.0/16}
            infra/vpc-blue:
              metadata: {component: infra/vpc}
            edge:
              metadata: {component: network/edge/v2}
            network/edge/v2-blue:
              metadata: {component: network/edge/v2}
      `,
      'components/terraform/infra/vpc/main.tf': '',
      'components/terraform/network/edge/v2/main.tf': '',
    },
    config({ stacks: 'name_template: "{{ .vars.stage }}"' }),
  );

  it.each([
    { name: 'infra/vpc', folder: 'infra/vpc', workspace: 'dev' },
    { name: 'infra/vpc-blue', folder: 'infra/vpc', workspace: 'dev-infra-vpc-blue' },
    { name: 'edge', folder: 'network/edge/v2', workspace: 'dev-edge' },
    { name: 'network/edge/v2-blue', folder: 'network/edge/v2', workspace: 'dev-network-edge-v2-blue' },
  ])('$name runs in $folder with workspace $workspace', ({ name, folder, workspace }) => {
    const c = component(t, name, 'dev');
    expect(c.component).toBe(folder);
    expect(c.component_info.component_path).toBe(`components/terraform/${folder}`);
    expect(c.workspace).toBe(workspace);
    expect(c.atmos_component).toBe(name);
  });
});

describe('the legacy component: key', () => {
  it('keeps the own name when it names only a folder, as Atmos does', () => {
    const t = repo({
      'stacks/catalog/base.yaml': y`
        components:
          terraform:
            dns:
              component: route53
              vars: {enabled: true}
      `,
      'stacks/orgs/prod.yaml':
        'name: prod-legacy\nimport: [catalog/base]\ncomponents:\n  terraform:\n    dns:\n      vars: {zone: example.com}\n',
      'components/terraform/route53/main.tf': '',
    });
    const c = component(t, 'dns', 'prod-legacy');
    expect(c.vars).toEqual({ enabled: true, zone: 'example.com' });
    expect(c.component).toBe('dns');
    expect(c.inheritance).toEqual([]);
    expect(c.workspace).toBe('prod-legacy');
  });

  it('is an error when it names neither a component nor a folder', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': 'components:\n  terraform:\n    dns:\n      component: nowhere\n',
    });
    const ds = validate(t);
    expect(ds.map((d) => d.code)).toContain('component-folder-missing');
    expect(ds.find((d) => d.code === 'component-folder-missing')!.message).toContain('nowhere');
  });
});
