import { describe, expect, it } from 'vitest';
import { component, validate } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §4 ("Where list_merge_strategy comes from"). Atmos scenario: component-list-merge-strategy.
// atmos.yaml says `replace`; components and bases opt into `append` or `merge` in their settings.

const bases = y`
  components:
    terraform:
      labelled-base:
        metadata: {type: abstract, component: app}
        vars:
          labels: [base-1, base-2]
          name: labelled
      appending-base:
        metadata: {type: abstract, component: app}
        settings: {list_merge_strategy: append}
        vars:
          labels: [base-1, base-2]
      left:
        metadata: {type: abstract}
        vars: {zones: [from-left]}
      right:
        metadata: {type: abstract}
        vars: {zones: [from-right]}
      appending-right:
        metadata: {type: abstract}
        settings: {list_merge_strategy: append}
        vars: {zones: [from-appending-right]}
      middle:
        metadata: {type: abstract, inherits: [left]}
        vars: {zones: [from-middle]}
`;

const stack = y`
  import: [catalog/bases]
  vars:
    stage: dev
  components:
    terraform:
      child-append:
        metadata: {component: app, inherits: [labelled-base]}
        settings: {list_merge_strategy: append}
        vars: {labels: [own], name: child}
      child-replace:
        metadata: {component: app, inherits: [labelled-base]}
        vars: {labels: [own], name: child}
      child-of-appending-base:
        metadata: {inherits: [appending-base]}
        vars: {labels: [own]}
      two-bases-append:
        metadata: {inherits: [left, right]}
        settings: {list_merge_strategy: append}
      two-bases-replace:
        metadata: {inherits: [left, right]}
      two-bases-merge:
        metadata: {inherits: [left, right]}
        settings: {list_merge_strategy: merge}
      three-levels-append:
        metadata: {inherits: [middle]}
        settings: {list_merge_strategy: append}
        vars: {zones: [from-leaf]}
      three-levels-replace:
        metadata: {inherits: [middle]}
      appending-base-last:
        metadata: {inherits: [left, appending-right]}
      appending-base-first:
        metadata: {inherits: [appending-right, left]}
`;

const t = repo(
  { 'stacks/catalog/bases.yaml': bases, 'stacks/orgs/dev.yaml': stack },
  config({ stacks: 'name_template: "{{ .vars.stage }}"', root: 'settings:\n  list_merge_strategy: replace' }),
);

describe('list_merge_strategy across metadata.inherits (atmos.yaml: replace)', () => {
  it.each([
    { name: 'child-append', key: 'labels', expected: ['base-1', 'base-2', 'own'] },
    { name: 'child-replace', key: 'labels', expected: ['own'] },
    { name: 'child-of-appending-base', key: 'labels', expected: ['base-1', 'base-2', 'own'] },
    { name: 'two-bases-append', key: 'zones', expected: ['from-left', 'from-right'] },
    { name: 'two-bases-replace', key: 'zones', expected: ['from-right'] },
    // merge: element-wise; at an index both lists have, a scalar from the later list does not win.
    { name: 'two-bases-merge', key: 'zones', expected: ['from-left'] },
    { name: 'three-levels-append', key: 'zones', expected: ['from-left', 'from-middle', 'from-leaf'] },
    { name: 'three-levels-replace', key: 'zones', expected: ['from-middle'] },
    // A base's own setting governs the step that merges that base into the chain.
    { name: 'appending-base-last', key: 'zones', expected: ['from-left', 'from-appending-right'] },
    { name: 'appending-base-first', key: 'zones', expected: ['from-left'] },
  ])('$name: vars.$key = $expected', ({ name, key, expected }) => {
    expect(component(t, name, 'dev').vars[key]).toEqual(expected);
  });

  it('keeps the other vars of the chain whatever the list strategy', () => {
    expect(component(t, 'child-append', 'dev').vars).toEqual({
      stage: 'dev',
      labels: ['base-1', 'base-2', 'own'],
      name: 'child',
    });
    expect(component(t, 'child-replace', 'dev').vars).toEqual({
      stage: 'dev',
      labels: ['own'],
      name: 'child',
    });
  });

  it('reports the chain and the folder independently of the strategy', () => {
    const c = component(t, 'child-append', 'dev');
    expect(c.inheritance).toEqual(['labelled-base']);
    expect(c.component).toBe('app');
    expect(component(t, 'three-levels-append', 'dev').inheritance).toEqual(['middle', 'left']);
  });
});

describe('where the strategy can be set', () => {
  it('takes it from the file-scoped overrides.settings too', () => {
    const tree = repo(
      {
        'stacks/catalog/bases.yaml': bases,
        'stacks/orgs/dev.yaml': y`
          import: [catalog/bases]
          terraform:
            overrides:
              settings: {list_merge_strategy: append}
          components:
            terraform:
              app:
                metadata: {inherits: [left, right]}
                vars: {zones: [own]}
        `,
      },
      config({ root: 'settings:\n  list_merge_strategy: replace' }),
    );
    const c = component(tree, 'app', 'orgs/dev');
    expect(c.vars.zones).toEqual(['from-left', 'from-right', 'own']);
    expect(c.settings.list_merge_strategy).toBe('append');
  });

  it('uses a stack-level settings strategy for the final layering but not between the bases', () => {
    // Atmos computes the strategy used between bases from atmos.yaml, the component's own settings
    // and its overrides only (processInheritedComponent); the global settings join for the last step.
    const tree = repo({
      'stacks/catalog/bases.yaml': bases,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/bases]
        settings: {list_merge_strategy: append}
        vars: {zones: [global]}
        components:
          terraform:
            app:
              metadata: {inherits: [left, right]}
              vars: {zones: [own]}
      `,
    });
    expect(component(tree, 'app', 'orgs/dev').vars.zones).toEqual(['global', 'from-right', 'own']);
  });

  it('does not change how one component is merged across imports (that follows atmos.yaml)', () => {
    const tree = repo({
      'stacks/catalog/app.yaml': y`
        components:
          terraform:
            app:
              settings: {list_merge_strategy: append}
              vars: {zones: [from-catalog]}
      `,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/app]
        components:
          terraform:
            app:
              vars: {zones: [from-stack]}
      `,
    });
    expect(component(tree, 'app', 'orgs/dev').vars.zones).toEqual(['from-stack']);
  });

  it('appends global, base and component lists when atmos.yaml says append', () => {
    const tree = repo(
      {
        'stacks/catalog/bases.yaml': bases,
        'stacks/orgs/dev.yaml': y`
          import: [catalog/bases]
          vars: {zones: [global]}
          components:
            terraform:
              app:
                metadata: {inherits: [left, right]}
                vars: {zones: [own]}
        `,
      },
      config({ root: 'settings:\n  list_merge_strategy: append' }),
    );
    expect(component(tree, 'app', 'orgs/dev').vars.zones).toEqual([
      'global',
      'from-left',
      'from-right',
      'own',
    ]);
  });

  it('rejects an unknown component strategy', () => {
    const tree = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            app:
              settings: {list_merge_strategy: concat}
      `,
    });
    const [d] = validate(tree);
    expect(d).toMatchObject({ code: 'merge-strategy-invalid', file: 'stacks/orgs/dev.yaml' });
    expect(d!.message).toContain('concat');
  });
});

describe("the merge strategy's element-wise rule", () => {
  const merged = (baseList: string, ownList: string): unknown => {
    const tree = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            base:
              metadata: {type: abstract}
              vars: {items: ${baseList}}
            app:
              metadata: {inherits: [base]}
              settings: {list_merge_strategy: merge}
              vars: {items: ${ownList}}
      `,
    });
    return component(tree, 'app', 'orgs/dev').vars.items as unknown;
  };

  it.each([
    {
      name: 'maps at one index deep-merge; scalars keep the lower value; the lower tail stays',
      base: '[{name: ssh, port: 22}, keep-me, tail]',
      own: '[{port: 2222}, ignored]',
      expected: [{ name: 'ssh', port: 2222 }, 'keep-me', 'tail'],
    },
    {
      name: 'a longer upper list adds its tail',
      base: '[{a: 1}]',
      own: '[{b: 2}, extra, more]',
      expected: [{ a: 1, b: 2 }, 'extra', 'more'],
    },
    {
      name: 'a map over a scalar keeps the scalar',
      base: '[plain]',
      own: '[{k: v}]',
      expected: ['plain'],
    },
    {
      name: 'a scalar over a map keeps the map',
      base: '[{k: v}]',
      own: '[plain]',
      expected: [{ k: 'v' }],
    },
    {
      name: 'lists inside merged maps merge element-wise as well',
      base: '[{ports: [80, 443]}]',
      own: '[{ports: [8080, 8443, 9000]}]',
      expected: [{ ports: [80, 443, 9000] }],
    },
    {
      name: 'an empty upper list changes nothing',
      base: '[a, b]',
      own: '[]',
      expected: ['a', 'b'],
    },
  ])('$name', ({ base, own, expected }) => {
    expect(merged(base, own)).toEqual(expected);
  });
});
