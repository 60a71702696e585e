import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/services/project.js';
import { validateStacks } from '../../src/services/validate.js';
import { testdir } from '../helpers/testdir.js';

const config =
  'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ncomponents:\n  terraform:\n    base_path: components/terraform\n';

async function problems(files: Record<string, string>, env: Record<string, string> = {}, atmos = config) {
  const dir = testdir({ 'atmos.yaml': atmos, ...files });
  return (await validateStacks(openProject({ cwd: dir, env: {} }), env)).diagnostics;
}

describe('manifest schema in validate stacks', () => {
  // One problem, one diagnostic: where the compiler already reports it (inherits), the schema is quiet.
  it.each([
    {
      name: 'an unknown component key, at the key, with a suggestion',
      text: 'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc:\n      varz: {a: 1}\n',
      message: "`components.terraform.vpc.varz`: unknown key 'varz'",
      line: 5,
      column: 7,
      hint: "did you mean 'vars'?",
    },
    {
      name: 'a metadata type outside the enum',
      text: 'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc:\n      metadata: {type: concrete}\n',
      message: '`components.terraform.vpc.metadata.type`: must be one of "abstract", "real", got "concrete"',
      line: 5,
      column: 24,
    },
    {
      name: 'inherits given as a string',
      text: 'vars: {stage: dev}\ncomponents:\n  terraform:\n    base: {}\n    vpc:\n      metadata:\n        inherits: base\n',
      message: "'metadata.inherits' of 'vpc' must be a list of component names, got string",
      line: 7,
      column: 19,
    },
    {
      name: 'an unknown backend type',
      text: 'vars: {stage: dev}\nterraform:\n  backend_type: s4\ncomponents:\n  terraform:\n    vpc: {}\n',
      message: expect.stringContaining('`terraform.backend_type`: must be one of'),
      line: 3,
      column: 17,
    },
  ])('reports $name at its position', async ({ text, message, line, column, hint }) => {
    const ds = await problems({ 'stacks/orgs/dev.yaml': text });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      file: 'stacks/orgs/dev.yaml',
      message,
      position: { line, column },
      ...(hint ? { hint } : {}),
    });
  });

  it('checks imported and unused catalog files too, each problem once', async () => {
    const ds = await problems({
      'stacks/catalog/vpc.yaml': 'components:\n  terraform:\n    vpc:\n      command: [terraform]\n',
      'stacks/catalog/unused.yaml': 'terraform:\n  varz: {}\n',
      'stacks/orgs/dev.yaml': 'import: [catalog/vpc]\nvars: {stage: dev}\n',
    });
    expect(ds.map((d) => `${d.code} ${d.file}:${d.position?.line}`)).toEqual([
      'section-invalid stacks/catalog/vpc.yaml:4',
      'manifest-schema stacks/catalog/unused.yaml:2',
    ]);
  });

  it('reports a problem the compiler already found once, not twice', async () => {
    const ds = await problems({ 'stacks/orgs/dev.yaml': 'import: catalog/vpc\nvars: {stage: dev}\n' });
    expect(ds.map((d) => d.code)).toEqual(['import-invalid']);
  });

  it('uses the schema that schemas.atmos.manifest names, and names it when it is missing', async () => {
    const strict = JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['name'],
    });
    const atmos = `${config}schemas:\n  atmos:\n    manifest: schemas/strict.json\n`;
    const ds = await problems(
      {
        'schemas/strict.json': strict,
        'stacks/orgs/dev.yaml': 'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {}\n',
      },
      {},
      atmos,
    );
    expect(ds).toEqual([
      expect.objectContaining({ code: 'manifest-schema', message: "`(top level)`: 'name' is required" }),
    ]);
    const missing = await problems(
      { 'stacks/orgs/dev.yaml': 'vars: {stage: dev}\n' },
      {},
      `${config}schemas:\n  atmos:\n    manifest: schemas/nope.json\n`,
    );
    expect(missing[0]).toMatchObject({
      code: 'schema-invalid',
      message: "schemas.atmos.manifest 'schemas/nope.json' does not exist",
    });
  });
});
