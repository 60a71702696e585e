import { SECTION_FUNCTION_TAGS } from './sections.js';

/** A JSON Schema (draft 2020-12) object. The builders return fresh objects on every call. */
export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** `^!(include|include\.raw|…)\b`: a section written as a YAML function that Strata keeps as text. */
export const FUNCTION_TAG_PATTERN = `^!(${SECTION_FUNCTION_TAGS.map((t) => t.replaceAll('.', '\\.')).join('|')})\\b`;

/** Name of the `$defs` entry holding the YAML-function string (see {@link functionStringDef}). */
export const FUNCTION_DEF = 'yaml_function';

export function ref(def: string, description?: string): JsonSchema {
  return description === undefined ? { $ref: `#/$defs/${def}` } : { $ref: `#/$defs/${def}`, description };
}

export function functionStringDef(): JsonSchema {
  return {
    type: 'string',
    pattern: FUNCTION_TAG_PATTERN,
    description:
      'A YAML function standing for the whole value, kept as text until it is evaluated, e.g. `!include catalog/vpc/vars.yaml` or `!terraform.output vpc vpc_id`.',
  };
}

/**
 * A section that holds a map: the object described by `object` (open unless it says otherwise), or a
 * YAML function string such as `!include path/to/file.yaml`.
 *
 * Null is rejected, as in Atmos's schema: an empty `vars:` is not "nothing here" but a null that
 * replaces the lower layers' map when files are merged, which is rarely what was meant.
 */
export function mapSection(description: string, object: JsonSchema = {}): JsonSchema {
  return {
    description,
    anyOf: [{ type: 'object', additionalProperties: true, ...object }, ref(FUNCTION_DEF)],
  };
}

/** A map section whose keys are restricted to `properties` (typos are reported). */
export function closedSection(description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return mapSection(description, { properties, additionalProperties: false });
}

/** A string section. */
export function stringSection(description: string): JsonSchema {
  return { type: 'string', description };
}

export function stringList(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'array', items: { type: 'string' }, description, ...extra };
}

/** `{type: 'object'}` whose values are all strings (labels, tool versions, ...). */
export function stringMap(description: string): JsonSchema {
  return { type: 'object', additionalProperties: { type: 'string' }, description };
}

export function bool(description: string): JsonSchema {
  return { type: 'boolean', description };
}

export function str(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

/** Builds `properties` from a list of names, so a schema follows the lists in sections.ts. */
export function propertiesOf<K extends string>(
  keys: readonly K[],
  build: (key: K) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(keys.map((k) => [k, build(k)]));
}
