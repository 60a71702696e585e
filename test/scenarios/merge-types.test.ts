import { describe, expect, it } from 'vitest';
import { component } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §4: maps merge recursively; anything else (a list, a scalar, a map over a list, null) replaces
// the lower value, and a type change is never an error. Atmos scenario: merge-type-override.

describe('overlay catalogs that change the type of a value', () => {
  const files = {
    'stacks/catalog/firewall/defaults.yaml': y`
      components:
        terraform:
          firewall:
            vars:
              enabled: true
              allowed_cidrs: [10.0.0.0/8, 172.16.0.0/12]
              rules:
                - {port: 22, proto: tcp}
                - {port: 443, proto: tcp}
              zones: [zone-a, zone-b]
              log_targets: [bucket, stream]
              pools:
                web:
                  sizes: [small]
                  min: 1
                  max: 2
                  labels: {}
                  taints: []
              labels: {team: network}
    `,
    'stacks/catalog/firewall/lab.yaml': y`
      import:
        - catalog/firewall/defaults
      components:
        terraform:
          firewall:
            vars:
              allowed_cidrs: {}
              rules: []
              zones: single-zone
              log_targets: null
              pools:
                web:
                  sizes: [large]
                  taints:
                    - {key: dedicated, effect: NoSchedule}
    `,
    'stacks/orgs/lab.yaml': y`
      import:
        - catalog/firewall/defaults
        - catalog/firewall/lab
      vars:
        stage: lab
    `,
    'stacks/orgs/prod.yaml': y`
      import:
        - catalog/firewall/defaults
      vars:
        stage: prod
    `,
  };
  const t = repo(files);

  it('replaces lists with {}, [], a scalar or null and deep-merges nested maps', () => {
    expect(component(t, 'firewall', 'orgs/lab').vars).toEqual({
      stage: 'lab',
      enabled: true,
      allowed_cidrs: {},
      rules: [],
      zones: 'single-zone',
      log_targets: null,
      pools: {
        web: {
          sizes: ['large'],
          min: 1,
          max: 2,
          labels: {},
          taints: [{ key: 'dedicated', effect: 'NoSchedule' }],
        },
      },
      labels: { team: 'network' },
    });
  });

  it('leaves a stack that imports only the defaults untouched', () => {
    expect(component(t, 'firewall', 'orgs/prod').vars).toEqual({
      stage: 'prod',
      enabled: true,
      allowed_cidrs: ['10.0.0.0/8', '172.16.0.0/12'],
      rules: [
        { port: 22, proto: 'tcp' },
        { port: 443, proto: 'tcp' },
      ],
      zones: ['zone-a', 'zone-b'],
      log_targets: ['bucket', 'stream'],
      pools: { web: { sizes: ['small'], min: 1, max: 2, labels: {}, taints: [] } },
      labels: { team: 'network' },
    });
  });

  it('lists a catalog imported both directly and through another import once in imports', () => {
    expect(component(t, 'firewall', 'orgs/lab').imports).toEqual([
      'catalog/firewall/defaults',
      'catalog/firewall/lab',
    ]);
  });
});

describe('a value whose type differs between a catalog and the stack', () => {
  const cases = [
    { lower: '[a, b]', higher: '{k: v}', expected: { k: 'v' } },
    { lower: '[a, b]', higher: '{}', expected: {} },
    { lower: '[a, b]', higher: '[]', expected: [] },
    { lower: '[a, b]', higher: 'plain', expected: 'plain' },
    { lower: '[a, b]', higher: 'null', expected: null },
    { lower: '{k: v}', higher: '[c]', expected: ['c'] },
    { lower: '{k: v}', higher: '7', expected: 7 },
    { lower: '{k: v}', higher: 'null', expected: null },
    { lower: '{k: v}', higher: '{}', expected: { k: 'v' } },
    { lower: 'plain', higher: '[c]', expected: ['c'] },
    { lower: 'plain', higher: '{k: v}', expected: { k: 'v' } },
    { lower: 'true', higher: 'null', expected: null },
    { lower: '{k: {deep: [1]}}', higher: '{k: {deep: {x: 1}}}', expected: { k: { deep: { x: 1 } } } },
  ];
  it.each(cases)('$lower then $higher gives $expected', ({ lower, higher, expected }) => {
    const t = repo({
      'stacks/catalog/app.yaml': `components:\n  terraform:\n    app:\n      vars:\n        value: ${lower}\n`,
      'stacks/orgs/dev.yaml': `import: [catalog/app]\ncomponents:\n  terraform:\n    app:\n      vars:\n        value: ${higher}\n`,
    });
    expect(component(t, 'app', 'orgs/dev').vars).toEqual({ value: expected });
  });

  it('lets a component map replace a global list, because the component scope is higher', () => {
    const t = repo({
      'stacks/catalog/net.yaml': y`
        components:
          terraform:
            net:
              vars:
                subnets: {public: [10.0.1.0/24]}
                owner: null
      `,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/net]
        vars:
          subnets: [10.0.9.0/24]
          owner: platform
      `,
    });
    expect(component(t, 'net', 'orgs/dev').vars).toEqual({
      subnets: { public: ['10.0.1.0/24'] },
      owner: null,
    });
  });

  it('applies the same type rules to settings and env', () => {
    const t = repo({
      'stacks/catalog/app.yaml': y`
        components:
          terraform:
            app:
              settings: {checks: [lint, scan], owners: {a: 1}}
              env: {PATHS: [x], KEEP: "1"}
      `,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/app]
        components:
          terraform:
            app:
              settings: {checks: {lint: true}, owners: null}
              env: {PATHS: "/usr/bin"}
      `,
    });
    const c = component(t, 'app', 'orgs/dev');
    expect(c.settings).toEqual({ checks: { lint: true }, owners: null });
    expect(c.env).toEqual({ PATHS: '/usr/bin', KEEP: '1' });
  });
});

describe('importing one file several times', () => {
  it('merges it again at each position, so a later re-import resets values set in between', () => {
    const t = repo({
      'stacks/catalog/base.yaml': y`
        vars:
          size: small
          tags: {source: base}
      `,
      'stacks/mixins/big.yaml': y`
        vars:
          size: big
          tags: {source: big, big: true}
      `,
      'stacks/mixins/extra.yaml': y`
        import: [catalog/base]
        vars:
          extra: true
      `,
      'stacks/orgs/dev.yaml': y`
        import:
          - catalog/base
          - mixins/big
          - mixins/extra
        components:
          terraform:
            app: {}
      `,
    });
    const c = component(t, 'app', 'orgs/dev');
    expect(c.vars).toEqual({ size: 'small', tags: { source: 'base', big: true }, extra: true });
    expect(c.imports).toEqual(['catalog/base', 'mixins/big', 'mixins/extra']);
  });

  it('lets the importing file win over every copy', () => {
    const t = repo({
      'stacks/catalog/base.yaml': 'vars: {size: small}\n',
      'stacks/mixins/again.yaml': 'import: [catalog/base]\n',
      'stacks/orgs/dev.yaml': y`
        import: [catalog/base, mixins/again, catalog/base]
        vars: {size: large}
        components:
          terraform:
            app: {}
      `,
    });
    expect(component(t, 'app', 'orgs/dev').vars).toEqual({ size: 'large' });
  });
});

describe('list merging between imports follows atmos.yaml', () => {
  it.each([
    ['replace', { cidrs: ['10.2.0.0/16'] }],
    ['append', { cidrs: ['10.1.0.0/16', '10.2.0.0/16'] }],
  ])('settings.list_merge_strategy: %s', (strategy, expected) => {
    const t = repo(
      {
        'stacks/catalog/net.yaml': 'vars: {cidrs: [10.1.0.0/16]}\n',
        'stacks/orgs/dev.yaml':
          'import: [catalog/net]\nvars: {cidrs: [10.2.0.0/16]}\ncomponents:\n  terraform:\n    net: {}\n',
      },
      config({ root: `settings:\n  list_merge_strategy: ${strategy}` }),
    );
    expect(component(t, 'net', 'orgs/dev').vars).toEqual(expected);
  });
});

describe('a four-level import hierarchy', () => {
  const t = repo(
    {
      'stacks/catalog/base/globals.yaml': y`
        vars:
          marker: globals
          namespace: acme
          tags: {ManagedBy: strata, Source: globals}
      `,
      'stacks/catalog/base/defaults.yaml': y`
        import: [catalog/base/globals]
        vars:
          marker: defaults
          org: Acme
          tags: {Env: default, Source: defaults, Cost: eng}
      `,
      'stacks/mixins/account/dev.yaml': y`
        import: [catalog/base/defaults]
        vars:
          marker: account
          stage: dev
          size: small
          tags: {Env: dev, Stage: dev, Source: account}
      `,
      'stacks/mixins/provider/p-a.yaml': y`
        import: [catalog/base/defaults]
        vars:
          marker: provider-a
          priority: a
          tags: {Priority: A, Source: provider-a}
      `,
      'stacks/mixins/provider/p-b.yaml': y`
        import: [catalog/base/defaults]
        vars:
          marker: provider-b
          priority: b
          tags: {Priority: B, Source: provider-b}
      `,
      'stacks/mixins/region/east.yaml': y`
        import: [mixins/provider/p-*]
        vars:
          marker: region
          region: east
          tags: {Region: east, Source: region}
      `,
      'stacks/orgs/dev/east.yaml': y`
        import: [mixins/account/dev, mixins/region/east]
        vars:
          marker: stack
          tags: {Stack: dev-east, Source: stack}
        components:
          terraform:
            app:
              vars:
                tags: {Component: app}
      `,
    },
    config({ stacks: 'name_pattern: "{stage}-{region}"' }),
  );

  it('deep-merges every level in depth-first order, the stack file last', () => {
    expect(component(t, 'app', 'dev').vars).toEqual({
      marker: 'stack',
      namespace: 'acme',
      org: 'Acme',
      stage: 'dev',
      size: 'small',
      priority: 'b',
      region: 'east',
      tags: {
        ManagedBy: 'strata',
        Source: 'stack',
        // The providers re-import the defaults after the account mixin, so Env is back to default.
        Env: 'default',
        Cost: 'eng',
        Stage: 'dev',
        Priority: 'B',
        Region: 'east',
        Stack: 'dev-east',
        Component: 'app',
      },
    });
  });

  it('lists every transitive import once, sorted', () => {
    expect(component(t, 'app', 'dev').imports).toEqual([
      'catalog/base/defaults',
      'catalog/base/globals',
      'mixins/account/dev',
      'mixins/provider/p-a',
      'mixins/provider/p-b',
      'mixins/region/east',
    ]);
  });
});
