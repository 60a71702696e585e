import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readTerraformModule } from '../../src/io/terraform-module.js';
import { variablesSchema } from '../../src/validate/variables-schema.js';
import { testdir } from '../helpers/testdir.js';

const VARIABLES = `
variable "name" {
  type        = string
  description = "Name of the thing"
}
variable "count_of" {
  type    = number
  default = 1
}
variable "enabled" {
  type     = bool
  default  = true
  nullable = false
}
variable "zones" {
  type    = list(string)
  default = []
}
variable "ids" {
  type    = set(number)
  default = []
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "pair" {
  type    = tuple([string, number])
  default = ["a", 1]
}
variable "config" {
  type = object({
    size  = number
    label = optional(string, "x")
    rules = optional(list(object({ port = number })))
  })
  default = { size = 1 }
}
variable "mode" {
  type    = string
  default = "a"
  validation {
    condition     = contains(["a", "b"], var.mode)
    error_message = "a or b"
  }
}
variable "slug" {
  type    = string
  default = "x"
  validation {
    condition     = can(regex("^[a-z-]+$", var.slug))
    error_message = "lowercase"
  }
}
variable "anything" {}
`;

async function schemaOf(files: Record<string, string>) {
  const dir = testdir(
    Object.fromEntries(Object.entries(files).map(([f, t]) => [`components/terraform/app/${f}`, t])),
  );
  const module = await readTerraformModule(`${dir}/components/terraform`, 'app', dir);
  return { module, schema: variablesSchema('app', module.variables) };
}

describe('component schemas from variables.tf', () => {
  it('turns every variable block into a property, with types, defaults, descriptions and rules', async () => {
    const { module, schema } = await schemaOf({ 'variables.tf': VARIABLES });
    expect(module.diagnostics).toEqual([]);
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['anything', 'name'],
    });
    expect(p['name']).toMatchObject({ type: ['string', 'null'], description: 'Name of the thing' });
    expect(p['enabled']).toMatchObject({ type: 'boolean', default: true });
    expect(p['zones']).toMatchObject({ type: ['array', 'null'], items: { type: 'string' } });
    expect(p['ids']).toMatchObject({ type: ['array', 'null'], items: { type: 'number' }, uniqueItems: true });
    expect(p['tags']).toMatchObject({ type: ['object', 'null'], additionalProperties: { type: 'string' } });
    expect(p['pair']).toMatchObject({
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
    });
    expect(p['config']).toMatchObject({
      type: ['object', 'null'],
      required: ['size'],
      properties: {
        size: { type: 'number' },
        label: { type: ['string', 'null'], default: 'x' },
        rules: { type: ['array', 'null'], items: { type: 'object', required: ['port'] } },
      },
    });
    expect(p['mode']).toMatchObject({ enum: ['a', 'b', null] });
    expect(p['slug']).toMatchObject({ pattern: '^[a-z-]+$' });
    expect(p['anything']).toMatchObject({ 'x-terraform-file': 'components/terraform/app/variables.tf' });
  });

  it.each([
    ['a string for a number', { name: 'n', anything: 1, count_of: 'many' }, false],
    ['null for a non-nullable bool', { name: 'n', anything: 1, enabled: null }, false],
    ['null for a nullable string', { name: null, anything: 1 }, true],
    ['an undeclared variable', { name: 'n', anything: 1, nmae: 'x' }, false],
    ['a missing required variable', { anything: 1 }, false],
    ['an object attribute of the wrong type', { name: 'n', anything: 1, config: { size: 'big' } }, false],
    ['an object without an optional attribute', { name: 'n', anything: 1, config: { size: 2 } }, true],
    ['a value outside contains([...])', { name: 'n', anything: 1, mode: 'c' }, false],
    ['a value not matching regex()', { name: 'n', anything: 1, slug: 'Upper' }, false],
    ['a repeated set item', { name: 'n', anything: 1, ids: [1, 1] }, false],
    ['anything for an untyped variable', { name: 'n', anything: { deep: [1] } }, true],
  ])('%s is %s', async (_name, vars, valid) => {
    const { schema } = await schemaOf({ 'variables.tf': VARIABLES });
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validate(schema, vars)).toBe(valid);
  });

  it('reports a .tf file that does not parse at its line, and still reads the other files', async () => {
    const { module } = await schemaOf({
      'a.tf': 'variable "ok" {\n  type = string\n}\n',
      'b.tf': 'variable "broken" {\n  type = \n}\n',
    });
    expect(module.variables.map((v) => v.name)).toEqual(['ok']);
    expect(module.diagnostics).toHaveLength(1);
    expect(module.diagnostics[0]).toMatchObject({
      code: 'hcl-invalid',
      file: 'components/terraform/app/b.tf',
      position: { line: 2, column: 10 },
    });
  });
});
