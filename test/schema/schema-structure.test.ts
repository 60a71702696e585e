import { describe, expect, it } from 'vitest';
import { CLI_CONFIG_SCHEMA_ID, cliConfigSchema } from '../../src/schema/cli-config-schema.js';
import { FUNCTION_TAG_PATTERN } from '../../src/schema/common.js';
import { MANIFEST_SCHEMA_ID, manifestSchema } from '../../src/schema/manifest-schema.js';
import {
  BACKEND_TYPES,
  COMPONENT_MAP_SECTIONS,
  COMPONENT_METADATA_KEYS,
  COMPONENT_STRING_SECTIONS,
  GLOBAL_METADATA_KEYS,
  OVERRIDE_SECTIONS,
  TERRAFORM_COMPONENT_KEYS,
  TYPE_SECTIONS,
} from '../../src/schema/sections.js';
import { compile, newAjv } from './schema-helpers.js';

type Schema = Record<string, any>;

const schemas = [
  ['manifest', manifestSchema, MANIFEST_SCHEMA_ID],
  ['cli config', cliConfigSchema, CLI_CONFIG_SCHEMA_ID],
] as const;

/** The object alternative of a `$defs` entry (sections are `anyOf: [object, function string]`). */
function objectOf(def: Schema): Schema {
  if (def['type'] === 'object') return def;
  const branch = (def['anyOf'] as Schema[] | undefined)?.find((s) => s['type'] === 'object');
  if (!branch) throw new Error(`no object alternative in ${JSON.stringify(def).slice(0, 80)}`);
  return branch;
}

describe.each(schemas)('the %s schema', (_name, build, id) => {
  it('is a valid draft 2020-12 schema and compiles in strict mode', () => {
    const schema = build();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(id);
    const ajv = newAjv();
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => compile(schema)).not.toThrow();
  });

  it('is a fresh plain object on every call', () => {
    const a = build();
    const b = build();
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    (a['properties'] as Schema)['base_path'] = 'mutated';
    expect(build()).toEqual(b);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it('shares no nested object or array between calls', () => {
    const seen = new Set<unknown>();
    const collect = (v: unknown, into: (o: unknown) => void): void => {
      if (v === null || typeof v !== 'object') return;
      into(v);
      for (const x of Object.values(v)) collect(x, into);
    };
    collect(build(), (o) => seen.add(o));
    const shared: unknown[] = [];
    collect(build(), (o) => seen.has(o) && shared.push(o));
    expect(shared).toEqual([]);
  });

  it('describes every property for editor hovers', () => {
    const schema = build();
    const defs = (schema['$defs'] ?? {}) as Schema;
    const missing: string[] = [];
    const described = (s: Schema): boolean => {
      if (typeof s['description'] === 'string' && s['description'].length > 10) return true;
      const target = typeof s['$ref'] === 'string' ? defs[s['$ref'].replace('#/$defs/', '')] : undefined;
      return target !== undefined && described(target as Schema);
    };
    const walk = (s: unknown, path: string): void => {
      if (Array.isArray(s)) return s.forEach((x, i) => walk(x, `${path}/${i}`));
      if (s === null || typeof s !== 'object') return;
      const props = (s as Schema)['properties'] as Schema | undefined;
      for (const [key, value] of Object.entries(props ?? {}))
        if (!described(value as Schema)) missing.push(`${path}/${key}`);
      for (const [key, value] of Object.entries(s)) walk(value, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });
});

describe('the manifest schema follows the section lists', () => {
  const defs = manifestSchema()['$defs'] as Schema;

  it('a Terraform component is closed to exactly the component sections', () => {
    const component = objectOf(defs['terraform_component']);
    expect(component['additionalProperties']).toBe(false);
    expect(Object.keys(component['properties']).sort()).toEqual([...TERRAFORM_COMPONENT_KEYS].sort());
    for (const s of [...COMPONENT_MAP_SECTIONS, ...COMPONENT_STRING_SECTIONS]) expect(defs[s]).toBeDefined();
  });

  it('terraform:, overrides and both metadata maps are closed to their lists', () => {
    const keys = (def: string) => Object.keys(objectOf(defs[def])['properties']).sort();
    expect(keys('terraform')).toEqual([...TYPE_SECTIONS, 'depends_on'].sort());
    expect(keys('overrides')).toEqual([...OVERRIDE_SECTIONS].sort());
    expect(keys('metadata')).toEqual([...COMPONENT_METADATA_KEYS].sort());
    expect(keys('global_metadata')).toEqual([...GLOBAL_METADATA_KEYS].sort());
    expect(keys('backend')).toEqual([...BACKEND_TYPES].sort());
    for (const def of ['terraform', 'overrides', 'metadata', 'global_metadata', 'backend'])
      expect(objectOf(defs[def])['additionalProperties']).toBe(false);
  });

  it('open maps stay open', () => {
    for (const def of ['vars', 'env', 'settings', 'providers', 'locals'])
      expect(objectOf(defs[def])['additionalProperties']).toBe(true);
    expect(manifestSchema()['additionalProperties']).toBe(true);
  });

  it('the YAML function pattern matches the kept tags and nothing else', () => {
    const re = new RegExp(FUNCTION_TAG_PATTERN, 'u');
    for (const s of [
      '!include catalog/vpc.yaml',
      '!include.raw x.txt',
      '!template {{ toJson .settings.x }}',
      '!exec echo {}',
      '!env HOME',
      '!store ssm vpc id',
      '!store.get redis key',
      '!terraform.output vpc vpc_id',
      '!terraform.state vpc .vpc_id',
    ])
      expect(s).toMatch(re);
    for (const s of [
      'include x.yaml',
      '!includes x',
      '!envy',
      '!secret x',
      'x !include y',
      '!terraform.outputs',
    ])
      expect(s).not.toMatch(re);
  });
});
