import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, bool, mapSection, ref, str, stringList } from './common.js';
import { LIST_MERGE_STRATEGIES, VALIDATION_SCHEMA_TYPES } from './sections.js';

/** Keys of an entry of the deprecated `depends_on` (spec §12.1), with their hover text. */
const DEPENDS_ON_KEYS: Readonly<Record<string, string>> = Object.freeze({
  component: 'The component depended on, e.g. `vpc`.',
  stack: 'The stack of that component, e.g. `plat-ue2-prod`; the current stack when omitted.',
  namespace: 'The `namespace` var of that component’s stack, when it is another stack.',
  tenant: 'The `tenant` var of that component’s stack, when it is another stack.',
  environment: 'The `environment` var of that component’s stack, when it is another stack.',
  stage: 'The `stage` var of that component’s stack, when it is another stack.',
  region: 'The `region` var of that component’s stack, when it is another stack.',
  file: 'A file whose changes mark this component as affected.',
  folder: 'A folder whose changes mark this component as affected.',
});

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
      spacelift: mapSection(
        'Spacelift integration settings (`workspace_enabled`, `autodeploy`, ...). Must be a map when present.',
      ),
      atlantis: mapSection('Atlantis integration settings (config and project templates).'),
      templates: mapSection(
        'Go template settings for this component (e.g. `settings.templates.settings.gomplate`).',
      ),
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
            type: 'object',
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

/**
 * Deprecated `depends_on` (in settings, on components and under `terraform:`): a map keyed by an
 * arbitrary name or, as Atmos also decodes it, a list of entries.
 */
export function dependsOnDef(): JsonSchema {
  const entry: JsonSchema = {
    anyOf: [
      {
        type: 'object',
        description:
          'A dependency on a component (in the current stack, or in another one given by `stack` or by its context) or on a file or folder.',
        properties: Object.fromEntries(
          Object.entries(DEPENDS_ON_KEYS).map(([k, description]) => [k, str(description)]),
        ),
        additionalProperties: false,
      },
      ref(FUNCTION_DEF),
    ],
  };
  return {
    description:
      'Deprecated: the components this one depends on, keyed by an arbitrary name (or as a list); use `dependencies.components`. Example: `depends_on: {1: {component: vpc}}`.',
    anyOf: [
      { type: 'object', additionalProperties: entry },
      { type: 'array', items: entry },
      ref(FUNCTION_DEF),
    ],
    deprecated: true,
  };
}
