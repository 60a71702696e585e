import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, bool, mapSection, ref, str, stringList } from './common.js';
import { LIST_MERGE_STRATEGIES, VALIDATION_SCHEMA_TYPES } from './sections.js';

/** Keys of a component reference in the deprecated `depends_on` (spec §12.1). */
const DEPENDS_ON_KEYS = ['namespace', 'tenant', 'environment', 'stage', 'component', 'file', 'folder'] as const;

/**
 * `settings:` — an open map; only the keys Strata or Atmos interpret are typed.
 *
 * Required keys of nested maps (`schema_type`/`schema_path` of a validation entry, the
 * component/file/folder of a `depends_on` entry) are not required here: `settings` is deep-merged
 * across files, so one file may legitimately hold only part of an entry (e.g. `disabled: true`).
 */
export function settingsDef(description: string): JsonSchema {
  return mapSection(description, {
    properties: {
      list_merge_strategy: {
        type: 'string',
        enum: [...LIST_MERGE_STRATEGIES],
        description:
          'How lists merge for this component’s sections (vars, settings, env, base components): `replace` (the later list wins), `append` (concatenate) or `merge` (merge items index by index). Defaults to atmos.yaml `settings.list_merge_strategy`.',
      },
      validation: ref('validation'),
      depends_on: ref('depends_on'),
      spacelift: {
        description:
          'Spacelift integration settings (`workspace_enabled`, `autodeploy`, ...). Must be a map when present.',
        anyOf: [{ type: ['object', 'null'], additionalProperties: true }, ref(FUNCTION_DEF)],
      },
      atlantis: {
        description: 'Atlantis integration settings (config and project templates).',
        anyOf: [{ type: ['object', 'null'], additionalProperties: true }, ref(FUNCTION_DEF)],
      },
      templates: {
        description: 'Go template settings for this component (e.g. `settings.templates.settings.gomplate`).',
        anyOf: [{ type: ['object', 'null'], additionalProperties: true }, ref(FUNCTION_DEF)],
      },
    },
  });
}

/** `settings.validation`: named policies checked before Terraform runs (spec §12.2). */
export function validationDef(): JsonSchema {
  return mapSection(
    'Validation policies checked by `validate component` and before every Terraform command, keyed by a name of your choice. Example: `validation: {check-vpc: {schema_type: jsonschema, schema_path: vpc/validate-vpc.json}}`.',
    {
      additionalProperties: {
        anyOf: [
          {
            type: ['object', 'null'],
            description: 'One validation policy.',
            properties: {
              schema_type: {
                type: 'string',
                enum: [...VALIDATION_SCHEMA_TYPES],
                description: '`jsonschema` (draft 2020-12) or `opa` (Rego, package `atmos`, rule `errors`).',
              },
              schema_path: str(
                'The schema or policy file: as is when it exists, else relative to `schemas.jsonschema.base_path` or `schemas.opa.base_path`.',
              ),
              description: str('What the policy checks.'),
              disabled: bool('`true` skips this policy.'),
              timeout: {
                type: 'integer',
                minimum: 0,
                description: 'OPA evaluation timeout in seconds (default 20).',
              },
              module_paths: stringList('Extra Rego modules, relative to `schemas.opa.base_path`.', {
                uniqueItems: true,
              }),
            },
            additionalProperties: false,
          },
          ref(FUNCTION_DEF),
        ],
      },
    },
  );
}

/** Deprecated `depends_on` (in settings, on components and under `terraform:`). */
export function dependsOnDef(): JsonSchema {
  return {
    ...mapSection(
      'Deprecated: component dependencies keyed by an arbitrary name; use `dependencies.components`. Example: `depends_on: {1: {component: vpc}}`.',
      {
        additionalProperties: {
          anyOf: [
            {
              type: ['object', 'null'],
              description:
                'A dependency on a component (optionally in another stack, by its context) or on a file or folder.',
              properties: Object.fromEntries(DEPENDS_ON_KEYS.map((k) => [k, { type: 'string' }])),
              additionalProperties: false,
            },
            ref(FUNCTION_DEF),
          ],
        },
      },
    ),
    deprecated: true,
  };
}
