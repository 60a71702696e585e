import { describe, expect, it } from 'vitest';
import { component } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §5.1 (layer table): what atmos.yaml, the stack's global sections, terraform:, the base chain,
// the component and overrides each contribute, lowest to highest.

describe('section layers from atmos.yaml up to overrides', () => {
  const t = repo(
    {
      'stacks/orgs/dev.yaml': y`
        env: {GLOBAL: g, SHARED: global}
        hooks:
          store-outputs: {events: [after-terraform-apply]}
        terraform:
          env: {TF: t, SHARED: terraform}
          hooks:
            store-outputs: {name: prod-store}
        overrides:
          env: {FROM_OVERRIDES: o}
        components:
          terraform:
            base:
              metadata: {type: abstract}
              env: {BASE: b, SHARED: base}
            app:
              metadata: {inherits: [base]}
              env: {SHARED: component}
            plain: {}
      `,
    },
    config({ root: 'env:\n  FROM_CONFIG: c\n  SHARED: config', terraform: 'command: tofu' }),
  );

  it('layers env from atmos.yaml, global, terraform, base, component and overrides', () => {
    expect(component(t, 'app', 'orgs/dev').env).toEqual({
      FROM_CONFIG: 'c',
      GLOBAL: 'g',
      TF: 't',
      BASE: 'b',
      SHARED: 'component',
      FROM_OVERRIDES: 'o',
    });
    expect(component(t, 'plain', 'orgs/dev').env).toEqual({
      FROM_CONFIG: 'c',
      GLOBAL: 'g',
      TF: 't',
      SHARED: 'terraform',
      FROM_OVERRIDES: 'o',
    });
  });

  it('merges global and terraform hooks', () => {
    expect(component(t, 'plain', 'orgs/dev').hooks).toEqual({
      'store-outputs': { events: ['after-terraform-apply'], name: 'prod-store' },
    });
  });

  it('takes the command from atmos.yaml when no stack layer sets one', () => {
    expect(component(t, 'plain', 'orgs/dev').command).toBe('tofu');
  });
});

describe('atmos.yaml integrations.github', () => {
  // tests/snapshots/TestCLICommands_describe_component_with_relative_path.stdout.golden: the
  // fixture's atmos.yaml gitops versions appear in settings.integrations.github next to the
  // catalog's own key.
  it('is merged under every component settings.integrations.github, the stacks winning', () => {
    const t = repo(
      {
        'stacks/orgs/dev.yaml': y`
          components:
            terraform:
              vpc:
                settings:
                  integrations:
                    github:
                      gitops: {infracost-enabled: true}
              dns: {}
        `,
      },
      config({
        root: 'integrations:\n  github:\n    gitops:\n      terraform-version: 1.9.8\n      infracost-enabled: false',
      }),
    );
    expect(component(t, 'vpc', 'orgs/dev').settings).toEqual({
      integrations: { github: { gitops: { 'terraform-version': '1.9.8', 'infracost-enabled': true } } },
    });
    expect(component(t, 'dns', 'orgs/dev').settings).toEqual({
      integrations: { github: { gitops: { 'terraform-version': '1.9.8', 'infracost-enabled': false } } },
    });
  });
});

describe('overrides for other component types', () => {
  const t = repo({
    'stacks/orgs/dev.yaml': y`
      overrides:
        vars: {who: top-level}
      terraform:
        overrides:
          vars: {who: terraform-level, tf_only: true}
      helmfile:
        overrides:
          env: {HELM_ONLY: "1"}
      components:
        terraform:
          app: {vars: {who: component}}
        helmfile:
          chart: {vars: {who: component}}
    `,
  });

  it('applies top-level and helmfile overrides to helmfile components, never terraform.overrides', () => {
    const chart = component(t, 'chart', 'orgs/dev');
    expect(chart.component_type).toBe('helmfile');
    expect(chart.vars).toEqual({ who: 'top-level' });
    expect(chart.env).toEqual({ HELM_ONLY: '1' });
  });

  it('applies terraform.overrides above the top-level overrides to terraform components', () => {
    const app = component(t, 'app', 'orgs/dev');
    expect(app.vars).toEqual({ who: 'terraform-level', tf_only: true });
    expect(app.env).toEqual({});
  });
});

describe('sections with their own layering rules', () => {
  const t = repo({
    'stacks/orgs/dev.yaml': y`
      dependencies:
        components: [{component: vpc}]
      generate:
        extra.auto.tfvars.json: {from_global: true}
      terraform:
        generate:
          extra.auto.tfvars.json: {from_terraform: true}
        dependencies:
          components: [{component: dns}]
        overrides:
          retry: {max_attempts: 9}
      components:
        terraform:
          base:
            metadata: {type: abstract}
            locals: {from_base: base}
            retry: {max_attempts: 2, delay: 5s}
            dependencies:
              files: [config/base.json]
          app:
            metadata: {inherits: [base]}
            locals: {own: app}
            retry: {delay: 7s}
          plain: {}
    `,
  });
  const app = component(t, 'app', 'orgs/dev');

  it('merges dependencies from global, terraform, bases and component', () => {
    expect(app.dependencies).toEqual({ components: [{ component: 'dns' }], files: ['config/base.json'] });
  });

  it('merges generate from global and terraform', () => {
    expect(app.generate).toEqual({ 'extra.auto.tfvars.json': { from_global: true, from_terraform: true } });
  });

  it('lets terraform.overrides set retry above the base and component', () => {
    expect(app.retry).toEqual({ max_attempts: 9, delay: '7s' });
  });

  it('merges component locals from the bases and prints them only when some exist', () => {
    expect(app.locals).toEqual({ from_base: 'base', own: 'app' });
    expect(component(t, 'plain', 'orgs/dev')).not.toHaveProperty('locals');
  });
});
