import { describe, expect, it } from 'vitest';
import { atmosYaml } from '../helpers/memory-project.js';
import { component, stacks, validate } from '../helpers/describe.js';

const tree = (files: Record<string, string>, config = atmosYaml()) => ({ 'atmos.yaml': config, ...files });

describe('component layering', () => {
  it('layers global, terraform, base chain, component and overrides; specificity beats file order', () => {
    const t = tree({
      'stacks/catalog/vpc.yaml':
        'components:\n  terraform:\n    vpc:\n      vars: {scope: component, tags: {a: component}}\n',
      'stacks/orgs/dev.yaml':
        'import: [catalog/vpc]\nvars: {scope: global, only_global: 1, tags: {g: 1}}\nterraform:\n  vars: {scope: terraform, tags: {t: 1}}\n',
    });
    // The top-level file's global vars lose to the catalog's component vars.
    expect(component(t, 'vpc', 'orgs/dev').vars).toEqual({
      scope: 'component',
      only_global: 1,
      tags: { g: 1, t: 1, a: 'component' },
    });
  });

  // Base chains are resolved once for the stacks that import a catalog entry unchanged; a stack that
  // changes a base, or names its component differently, still gets its own chain.
  it('gives each stack its own base chain when one stack changes a shared base', () => {
    const catalog = `components:
  terraform:
    vpc/base: {metadata: {type: abstract}, vars: {size: small, tier: base}}
    vpc: {metadata: {inherits: [vpc/base]}, vars: {name: vpc}}
`;
    const t = tree({
      'stacks/catalog/vpc.yaml': catalog,
      'stacks/orgs/a.yaml': 'import: [catalog/vpc]\nvars: {stage: a}\n',
      'stacks/orgs/b.yaml': 'import: [catalog/vpc]\nvars: {stage: b}\n',
      'stacks/orgs/c.yaml':
        'import: [catalog/vpc]\nvars: {stage: c}\ncomponents:\n  terraform:\n    vpc/base: {vars: {size: large}}\n',
      'stacks/orgs/d.yaml': 'import: [catalog/vpc]\nvars: {stage: d}\n',
    });
    const sizes = ['a', 'b', 'c', 'd'].map((s): unknown => component(t, 'vpc', `orgs/${s}`).vars.size);
    expect(sizes).toEqual(['small', 'small', 'large', 'small']);
    const all = stacks(t);
    expect(
      ['orgs/a', 'orgs/b', 'orgs/c', 'orgs/d'].map((s): unknown => all[s].components.terraform.vpc.vars.size),
    ).toEqual(['small', 'small', 'large', 'small']);
  });

  it('inherits from several bases in order, depth-first, nearest-first chain', () => {
    const t = tree({
      'stacks/orgs/dev.yaml': `components:
  terraform:
    base/z: {metadata: {type: abstract}, vars: {z: 1, who: z}}
    base/a: {metadata: {type: abstract}, vars: {a: 1, who: a, tags: {x: a}}}
    base/b: {metadata: {type: abstract, inherits: [base/z]}, vars: {b: 1, who: b, tags: {y: b}}}
    vpc-prod:
      metadata: {component: vpc, inherits: [base/a, base/b]}
      vars: {own: 1}
`,
    });
    const c = component(t, 'vpc-prod', 'orgs/dev');
    expect(c.vars).toEqual({ a: 1, b: 1, z: 1, own: 1, who: 'b', tags: { x: 'a', y: 'b' } });
    expect(c.inheritance).toEqual(['base/b', 'base/z', 'base/a']);
    expect(c.component).toBe('vpc');
    expect(c.metadata).toEqual({ component: 'vpc', inherits: ['base/a', 'base/b'] });
  });

  it('keeps the component name as folder when only metadata.inherits is set', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    base: {vars: {a: 1}}\n    derived: {metadata: {inherits: [base]}}\n',
    });
    const c = component(t, 'derived', 'orgs/dev');
    expect(c.component).toBe('derived');
    expect(c.workspace).toBe('orgs-dev');
  });

  it('follows the legacy component: key to a YAML-defined base', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    vpc: {vars: {a: 1, b: 1}}\n    vpc2: {component: vpc, vars: {b: 2}}\n',
    });
    const c = component(t, 'vpc2', 'orgs/dev');
    expect(c.vars).toEqual({ a: 1, b: 2 });
    expect(c.component).toBe('vpc');
    expect(c.inheritance).toEqual(['vpc']);
    expect(c.workspace).toBe('orgs-dev-vpc2');
  });

  it("applies a file's overrides to its components and imports, with the importer winning", () => {
    const t = tree({
      'stacks/catalog/c1.yaml':
        'components:\n  terraform:\n    c1: {vars: {test: {a: a, b: b, c: c, d: d}}}\n',
      'stacks/teams/team1.yaml':
        'import: [catalog/c1]\nterraform:\n  overrides:\n    vars: {test: {a: a-team1, b: b-team1, c: c-team1}}\n',
      'stacks/teams/team2.yaml':
        'import: [catalog/c1]\nterraform:\n  overrides:\n    vars: {test: {a: a-team2, b: b-team2}}\n',
      'stacks/orgs/dev.yaml': 'import: [teams/team1, teams/team2]\noverrides:\n  vars: {test: {a: a-dev}}\n',
      'stacks/orgs/test.yaml':
        'import: [teams/team1]\noverrides:\n  vars: {test: {a: a-test, b: b-test}}\nterraform:\n  overrides:\n    vars: {test: {a: a-test-2}}\n',
    });
    expect(component(t, 'c1', 'orgs/dev').vars.test).toEqual({
      a: 'a-dev',
      b: 'b-team2',
      c: 'c-team1',
      d: 'd',
    });
    expect(component(t, 'c1', 'orgs/test').vars.test).toEqual({
      a: 'a-test-2',
      b: 'b-test',
      c: 'c-team1',
      d: 'd',
    });
  });

  it('uses the component-level list_merge_strategy over the global one', () => {
    const t = tree(
      {
        'stacks/orgs/dev.yaml': `vars: {list: [global]}
components:
  terraform:
    base: {metadata: {type: abstract}, vars: {list: [base]}}
    appender: {metadata: {inherits: [base]}, settings: {list_merge_strategy: append}, vars: {list: [own]}}
    replacer: {metadata: {inherits: [base]}, vars: {list: [own]}}
`,
      },
      atmosYaml('settings:\n  list_merge_strategy: replace\n'),
    );
    expect(component(t, 'appender', 'orgs/dev').vars.list).toEqual(['global', 'base', 'own']);
    expect(component(t, 'replacer', 'orgs/dev').vars.list).toEqual(['own']);
  });

  it('takes command, backend_type and backend from the most specific layer and applies s3 defaults', () => {
    const t = tree({
      'stacks/orgs/dev.yaml': `terraform:
  command: tofu
  backend_type: s3
  backend: {s3: {bucket: acme-tfstate, key: terraform.tfstate}}
components:
  terraform:
    infra/vpc: {vars: {a: 1}}
    named: {metadata: {name: stable-id}}
`,
    });
    const c = component(t, 'infra/vpc', 'orgs/dev');
    expect(c.command).toBe('tofu');
    expect(c.backend_type).toBe('s3');
    expect(c.backend).toEqual({
      bucket: 'acme-tfstate',
      key: 'terraform.tfstate',
      workspace_key_prefix: 'infra-vpc',
    });
    expect(c.remote_state_backend_type).toBe('s3');
    expect(c.remote_state_backend).toEqual(c.backend);
    expect(component(t, 'named', 'orgs/dev').backend.workspace_key_prefix).toBe('stable-id');
  });

  it('unsets with null and keeps {} from clearing a map', () => {
    const t = tree({
      'stacks/catalog/x.yaml':
        'components:\n  terraform:\n    x: {vars: {rules: [1, 2], tags: {a: 1}}, env: {TF_LOG: debug}}\n',
      'stacks/orgs/dev.yaml':
        'import: [catalog/x]\ncomponents:\n  terraform:\n    x: {vars: {rules: null, tags: {}}, env: {TF_LOG: null}}\n',
    });
    const c = component(t, 'x', 'orgs/dev');
    expect(c.vars).toEqual({ rules: null, tags: { a: 1 } });
    expect(c.env).toEqual({ TF_LOG: null });
  });
});

describe('component errors', () => {
  it('points at the inherits entry that names a missing base, with a suggestion-free message', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    base: {}\n    vpc:\n      metadata:\n        inherits:\n          - base\n          - bsae\n',
    });
    const [d] = validate(t);
    expect(d).toMatchObject({
      code: 'inherits-missing',
      file: 'stacks/orgs/dev.yaml',
      position: { line: 8, column: 13 },
    });
    expect(d!.message).toBe("component 'vpc' inherits from 'bsae', but 'bsae' is not defined in this stack");
  });

  it('reports an inheritance cycle', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'components:\n  terraform:\n    a: {metadata: {inherits: [b]}}\n    b: {metadata: {inherits: [c]}}\n    c: {metadata: {inherits: [b]}}\n',
    });
    expect(validate(t).map((d) => d.code)).toContain('inherits-cycle');
  });

  it('reports a backend type that its backend section does not configure', () => {
    const t = tree({
      'stacks/orgs/dev.yaml':
        'terraform:\n  backend_type: s3\n  backend: {gcs: {bucket: b}}\ncomponents:\n  terraform:\n    vpc: {}\n',
    });
    const [d] = validate(t);
    expect(d).toMatchObject({
      code: 'backend-type-mismatch',
      file: 'stacks/orgs/dev.yaml',
      position: { line: 2 },
    });
  });

  it('rejects a non-allowed key in stack-level metadata', () => {
    const t = tree({
      'stacks/orgs/dev.yaml': 'metadata:\n  component: vpc\ncomponents:\n  terraform:\n    vpc: {}\n',
    });
    expect(validate(t)[0]).toMatchObject({ code: 'metadata-invalid', position: { line: 2, column: 3 } });
  });

  it('rejects a section of the wrong type where it is written', () => {
    const t = tree({
      'stacks/catalog/vpc.yaml': 'components:\n  terraform:\n    vpc:\n      vars: [a, b]\n',
      'stacks/orgs/dev.yaml': 'import: [catalog/vpc]\n',
    });
    expect(validate(t)[0]).toMatchObject({
      code: 'section-invalid',
      file: 'stacks/catalog/vpc.yaml',
      position: { line: 4, column: 13 },
    });
  });
});
