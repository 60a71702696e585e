import type { JsonSchema } from './common.js';
import { manifestSchema } from './manifest-schema.js';
import { FUNCTION_TAGS } from '../load/custom-tags.js';

export const EDITOR_SCHEMA_ID = 'https://strata.dev/schemas/stack-manifest.generated.schema.json';

/**
 * The manifest schema with each known component's `vars` typed from its Terraform variables, for
 * editors: `components.terraform.<name>.vars` gets that component's properties (no `required`: one
 * manifest only holds part of the vars) and rejects names the component does not declare.
 */
export function editorManifestSchema(componentVars: Readonly<Record<string, JsonSchema>>): JsonSchema {
  const schema = manifestSchema();
  const defs = schema['$defs'] as Record<string, JsonSchema>;
  const components = defs['terraform_components']!;
  const properties: Record<string, JsonSchema> = {};
  for (const name of Object.keys(componentVars).sort()) {
    const vars = componentVars[name]!;
    properties[name] = {
      allOf: [
        { $ref: '#/$defs/terraform_component' },
        {
          properties: {
            vars: {
              type: 'object',
              description: `${typeof vars['title'] === 'string' ? vars['title'] : name}: every variable this component declares.`,
              properties: withoutRequired(vars['properties']),
              additionalProperties: false,
            },
          },
        },
      ],
    };
  }
  defs['terraform_components'] = { ...components, properties };
  return { ...schema, $id: EDITOR_SCHEMA_ID, title: 'Strata / Atmos stack manifest (with component vars)' };
}

/** yaml-language-server `yaml.customTags`: Atmos's function tags, so editors do not flag them. */
export function editorCustomTags(): string[] {
  const tags = FUNCTION_TAGS.map((t) => `${t} scalar`);
  return [...tags, '!append sequence', '!literal scalar', '!literal sequence', '!literal mapping'];
}

/** One manifest holds only part of a component's vars, objects included: nothing is required there. */
function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([k]) => k !== 'required')
      .map(([k, v]) => [k, withoutRequired(v)]),
  );
}
