import { describe, expect, it } from 'vitest';
import { atmosYaml } from '../helpers/memory-project.js';
import { component } from '../helpers/describe.js';

const tree = (files: Record<string, string>) => ({ 'atmos.yaml': atmosYaml(), ...files });

describe('!append', () => {
  it('appends to the list of the imports below, in import order, across several files', () => {
    const t = tree({
      'stacks/catalog/base.yaml': 'components:\n  terraform:\n    app:\n      vars:\n        rules: [base]\n',
      'stacks/mixins/extra.yaml':
        'components:\n  terraform:\n    app:\n      vars:\n        rules: !append [extra]\n',
      'stacks/orgs/dev.yaml':
        'import: [catalog/base, mixins/extra]\ncomponents:\n  terraform:\n    app:\n      vars:\n        rules: !append\n          - dev\n',
    });
    expect(component(t, 'app', 'orgs/dev').vars.rules).toEqual(['base', 'extra', 'dev']);
  });

  it('becomes a plain list where no list is below it', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    app:\n      vars:\n        rules: !append [only]\n',
    });
    expect(component(t, 'app', 'orgs/dev').vars.rules).toEqual(['only']);
  });

  it('does not reach a base component’s list through metadata.inherits (Atmos QUIRK)', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    base:\n      metadata: {type: abstract}\n      vars: {rules: [base]}\n    app:\n      metadata: {inherits: [base]}\n      vars:\n        rules: !append [own]\n',
    });
    expect(component(t, 'app', 'orgs/dev').vars.rules).toEqual(['own']);
  });

  it('replaces the list when a later import sets a plain list', () => {
    const t = tree({
      'stacks/catalog/a.yaml': 'vars: {l: !append [a]}\n',
      'stacks/catalog/b.yaml': 'vars: {l: [b]}\n',
      'stacks/orgs/dev.yaml': 'import: [catalog/a, catalog/b]\ncomponents:\n  terraform:\n    app: {}\n',
    });
    expect(component(t, 'app', 'orgs/dev').vars.l).toEqual(['b']);
  });
});
