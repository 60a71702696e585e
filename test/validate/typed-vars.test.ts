import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/services/project.js';
import { validateComponent, validateStacks } from '../../src/services/validate.js';
import { testdir } from '../helpers/testdir.js';

const base = {
  'atmos.yaml':
    'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  excluded_paths: ["**/_defaults.yaml"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n',
  'components/terraform/vpc/variables.tf':
    'variable "stage" {\n  type = string\n}\nvariable "cidr_block" {\n  type = string\n}\nvariable "nat" {\n  type    = string\n  default = "single"\n  validation {\n    condition     = contains(["none", "single"], var.nat)\n    error_message = "x"\n  }\n}\n',
  'stacks/orgs/_defaults.yaml': 'vars:\n  namespace: acme\nterraform:\n  vars:\n    owner: platform\n',
  'stacks/catalog/vpc.yaml':
    'components:\n  terraform:\n    vpc:\n      vars:\n        cidr_block: 10.0.0.0/16\n',
};
const stack = (stage: string, extra = '') =>
  `import: [orgs/_defaults, catalog/vpc]\nvars:\n  stage: ${stage}\n${extra}`;

async function problems(files: Record<string, string>) {
  const dir = testdir({ ...base, ...files });
  return (await validateStacks(openProject({ cwd: dir, env: {} }))).diagnostics;
}

describe('typed vars in validate stacks', () => {
  it('accepts a clean organisation, with context vars from the global and terraform sections', async () => {
    expect(
      await problems({ 'stacks/orgs/dev.yaml': stack('dev'), 'stacks/orgs/prod.yaml': stack('prod') }),
    ).toEqual([]);
  });

  it('reports a wrong type once, at the line that set it, with every instance it breaks', async () => {
    const ds = await problems({
      'stacks/catalog/vpc.yaml': 'components:\n  terraform:\n    vpc:\n      vars:\n        cidr_block: 10\n',
      'stacks/orgs/dev.yaml': stack('dev'),
      'stacks/orgs/prod.yaml': stack('prod'),
    });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: 'var-type',
      message: '`vars.cidr_block`: expected string, got number',
      file: 'stacks/catalog/vpc.yaml',
      position: { line: 5, column: 21 },
    });
    expect(ds[0]!.related!.map((r) => r.message)).toEqual([
      "breaks component 'vpc' in stack 'dev'",
      "breaks component 'vpc' in stack 'prod'",
    ]);
  });

  it('reports an unknown variable set on the component, with a suggestion', async () => {
    const ds = await problems({
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    vpc:\n      vars:\n        cidr_blok: 10.1.0.0/16\n',
      ),
    });
    // Terraform only warns about a value for an undeclared variable: a warning, an error with --strict.
    expect(ds).toEqual([
      expect.objectContaining({
        code: 'var-unknown',
        severity: 'warning',
        file: 'stacks/orgs/dev.yaml',
        position: { line: 8, column: 20 },
        hint: "did you mean 'cidr_block'?",
      }),
    ]);
  });

  // Who wins a var decides: the stack level may pass any var to every component, a component may
  // not. Maps merge, so a map is reported when a component layer is the last to set it.
  it.each([
    ['a scalar set on the stack only', 'vars:\n  stage: dev\n  team: core\n', '', []],
    [
      'a map set on the stack and merged with a catalog value',
      'vars:\n  stage: dev\n  labels: {org: acme}\n',
      '        labels: {app: vpc}\n',
      ['stacks/catalog/vpc.yaml:6'],
    ],
    ['the same map set on the stack only', 'vars:\n  stage: dev\n  labels: {org: acme}\n', '', []],
  ])('unknown vars: %s', async (_label, stackVars, catalogExtra, expected) => {
    const ds = await problems({
      'stacks/catalog/vpc.yaml': `components:\n  terraform:\n    vpc:\n      vars:\n        cidr_block: 10.0.0.0/16\n${catalogExtra}`,
      'stacks/orgs/dev.yaml': `import: [orgs/_defaults, catalog/vpc]\n${stackVars}`,
      'stacks/orgs/prod.yaml': `import: [orgs/_defaults, catalog/vpc]\nvars:\n  stage: prod\n  labels: {org: acme}\n`,
    });
    expect(ds.map((d) => `${d.file}:${d.position?.line}`)).toEqual(expected);
  });

  it('makes unknown variables errors with --strict', async () => {
    const dir = testdir({
      ...base,
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    vpc:\n      vars:\n        cidr_blok: 10.1.0.0/16\n',
      ),
    });
    const ds = (await validateStacks(openProject({ cwd: dir, env: {} }), {}, true)).diagnostics;
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['var-unknown', 'error']]);
  });

  it('reports an unknown variable inherited from a base component', async () => {
    const ds = await problems({
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    vpc-base:\n      metadata: {type: abstract}\n      vars: {natt: none}\n    vpc2:\n      metadata: {component: vpc, inherits: [vpc-base]}\n      vars: {cidr_block: 10.2.0.0/16}\n',
      ),
    });
    expect(ds).toEqual([
      expect.objectContaining({
        code: 'var-unknown',
        message: "`vars.natt` is not a variable of the component 'vpc'",
        position: { line: 8, column: 20 },
      }),
    ]);
  });

  it('does not type-check a YAML function kept as text until it is evaluated', async () => {
    const ds = await problems({
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    vpc:\n      vars:\n        cidr_block: !terraform.output ipam cidr\n',
      ),
    });
    expect(ds).toEqual([]);
  });

  it('reports a missing required variable at the component definition', async () => {
    const ds = await problems({
      'stacks/orgs/dev.yaml':
        'import: [orgs/_defaults]\nvars: {stage: dev}\ncomponents:\n  terraform:\n    vpc:\n      vars: {nat: none}\n',
    });
    expect(ds).toEqual([
      expect.objectContaining({
        code: 'var-required',
        message: "`vars.cidr_block` is required by the component 'vpc' but not set",
        file: 'stacks/orgs/dev.yaml',
        position: { line: 5, column: 5 },
      }),
    ]);
  });

  it('checks validation blocks that translate (contains → allowed values)', async () => {
    const ds = await problems({
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    vpc:\n      vars:\n        nat: always\n',
      ),
    });
    expect(ds[0]).toMatchObject({
      code: 'var-invalid',
      message: '`vars.nat`: must be one of "none", "single", got "always"',
    });
  });

  it('reports invalid HCL once, naming the .tf file and line, and validates the other components', async () => {
    const ds = await problems({
      'components/terraform/broken/main.tf': 'variable "x" {\n  type = \n}\n',
      'stacks/orgs/dev.yaml': stack(
        'dev',
        'components:\n  terraform:\n    broken: {vars: {x: 1}}\n    vpc:\n      vars: {cidr_block: 5}\n',
      ),
      'stacks/orgs/prod.yaml': stack('prod', 'components:\n  terraform:\n    broken: {vars: {x: 1}}\n'),
    });
    expect(ds.map((d) => [d.code, d.file, d.position?.line])).toEqual([
      ['hcl-invalid', 'components/terraform/broken/main.tf', 2],
      ['var-type', 'stacks/orgs/dev.yaml', 8],
    ]);
  });
});

describe('settings.validation (jsonschema)', () => {
  const schema = JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      vars: {
        type: 'object',
        properties: { cidr_block: { type: 'string', pattern: '^10\\.' } },
        required: ['cidr_block'],
      },
    },
  });
  const validation =
    'components:\n  terraform:\n    vpc:\n      settings:\n        validation:\n          check-cidr:\n            schema_type: jsonschema\n            schema_path: vpc/validate-vpc.json\n            description: VPC CIDRs are in 10/8\n';
  const withSchemas = {
    'atmos.yaml': `${base['atmos.yaml']}schemas:\n  jsonschema:\n    base_path: stacks/schemas/jsonschema\n`,
    'stacks/schemas/jsonschema/vpc/validate-vpc.json': schema,
  };

  it('passes a component that satisfies its schema', async () => {
    const dir = testdir({ ...base, ...withSchemas, 'stacks/orgs/dev.yaml': stack('dev', validation) });
    expect(await validateComponent(openProject({ cwd: dir, env: {} }), 'vpc', 'dev')).toEqual([]);
  });

  it('fails one that does not, naming the policy', async () => {
    const dir = testdir({
      ...base,
      ...withSchemas,
      'stacks/orgs/dev.yaml': stack('dev', validation + '      vars:\n        cidr_block: 192.168.0.0/16\n'),
    });
    const ds = await validateComponent(openProject({ cwd: dir, env: {} }), 'vpc', 'dev');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      "component 'vpc' in stack 'dev' fails settings.validation.check-cidr (VPC CIDRs are in 10/8): `vars.cidr_block` must match the pattern ^10\\., got \"192.168.0.0/16\"",
    );
    expect(ds[0]!.file).toBe('stacks/orgs/dev.yaml');
  });

  it('names a schema file that is missing or not valid', async () => {
    const missing = testdir({ ...base, 'stacks/orgs/dev.yaml': stack('dev', validation) });
    expect((await validateComponent(openProject({ cwd: missing, env: {} }), 'vpc', 'dev'))[0]).toMatchObject({
      code: 'schema-invalid',
      message: expect.stringContaining("'vpc/validate-vpc.json' not found"),
    });
    const invalid = testdir({
      ...base,
      ...withSchemas,
      'stacks/schemas/jsonschema/vpc/validate-vpc.json': '{"type": "objekt"}',
      'stacks/orgs/dev.yaml': stack('dev', validation),
    });
    expect((await validateComponent(openProject({ cwd: invalid, env: {} }), 'vpc', 'dev'))[0]).toMatchObject({
      code: 'schema-invalid',
      message: expect.stringContaining('is not a valid JSON Schema'),
    });
  });
});
