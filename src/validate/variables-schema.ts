import type { TfType, TfVariable } from './terraform-types.js';

export type JsonSchema = Record<string, unknown>;

/**
 * A component's variables as a JSON Schema for its `vars`: one property per variable, required when it
 * has no default, and no other property (terraform would warn and ignore it).
 */
export function variablesSchema(folder: string, variables: readonly TfVariable[], id?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const v of [...variables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    properties[v.name] = variableSchema(v);
    if (!v.hasDefault) required.push(v.name);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(id ? { $id: id } : {}),
    title: `vars of the Terraform component '${folder}'`,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function variableSchema(v: TfVariable): JsonSchema {
  let schema = typeSchema(v.type);
  if (v.allowed) schema = { ...schema, enum: v.nullable ? [...v.allowed, null] : [...v.allowed] };
  if (v.pattern) schema = { ...schema, pattern: v.pattern };
  if (v.nullable) schema = withNull(schema);
  return {
    ...schema,
    ...(v.description ? { description: v.description } : {}),
    ...(v.hasDefault && v.default !== undefined ? { default: v.default } : {}),
    'x-terraform-file': v.file,
  };
}

/** Terraform types → JSON Schema. Objects keep extra attributes open: terraform drops them on conversion. */
export function typeSchema(t: TfType): JsonSchema {
  switch (t.kind) {
    case 'any':
      return {};
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'list':
      return { type: 'array', items: typeSchema(t.element) };
    case 'set':
      return { type: 'array', items: typeSchema(t.element), uniqueItems: true };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(t.element) };
    case 'tuple':
      return {
        type: 'array',
        prefixItems: t.elements.map(typeSchema),
        minItems: t.elements.length,
        maxItems: t.elements.length,
      };
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, a] of Object.entries(t.attributes).sort(([x], [y]) => (x < y ? -1 : 1))) {
        // An optional attribute may be null too (terraform then uses its default).
        properties[name] = a.optional ? withNull(typeSchema(a.type)) : typeSchema(a.type);
        if (a.default !== undefined) properties[name] = { ...properties[name], default: a.default };
        if (!a.optional) required.push(name);
      }
      return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    }
  }
}

function withNull(schema: JsonSchema): JsonSchema {
  const type = schema['type'];
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] };
  if (type === undefined) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}
