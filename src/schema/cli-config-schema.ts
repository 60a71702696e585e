import type { JsonSchema } from './common.js';
import { JSON_SCHEMA_DRAFT } from './common.js';
import { LIST_MERGE_STRATEGIES } from './sections.js';

export const CLI_CONFIG_SCHEMA_ID = 'https://strata.dev/schemas/cli-config.schema.json';

/*
 * Only the keys Strata reads are typed. atmos.yaml carries many more (logs, workflows, commands,
 * aliases, vendor, stores, auth, describe, list, ...), so every object stays open
 * (`additionalProperties: true`). As in Atmos's own config schema and in Strata's loader, null means
 * "not set" for every key. YAML functions are not evaluated in this file by Strata, so the typed keys
 * have no `!include`/`!env` string alternative.
 */

const envNote = (name: string) =>
  ` Overridden by the \`STRATA_${name}\` or \`ATMOS_${name}\` environment variable.`;

function nullable(
  type: 'string' | 'boolean' | 'integer',
  description: string,
  extra: JsonSchema = {},
): JsonSchema {
  return { type: [type, 'null'], description, ...extra };
}

function group(description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { type: ['object', 'null'], description, properties, additionalProperties: true };
}

function globList(description: string): JsonSchema {
  return { type: ['array', 'null'], items: { type: 'string' }, description };
}

function stacks(): JsonSchema {
  return group('Where the stack manifests are and how stacks are named.', {
    base_path: nullable(
      'string',
      `Folder of the stack manifests, relative to \`base_path\`. Imports are relative to it.${envNote('STACKS_BASE_PATH')}`,
    ),
    included_paths: globList(
      `Globs (\`**\` allowed, relative to \`stacks.base_path\`) of the top-level stack manifests; a pattern without extension also matches .yaml, .yml, .yaml.tmpl and .yml.tmpl. Example: \`["orgs/**/*"]\`.${envNote('STACKS_INCLUDED_PATHS')}`,
    ),
    excluded_paths: globList(
      `Globs of files that are never top-level stacks (they can still be imported). Example: \`["**/_defaults.yaml"]\`.${envNote('STACKS_EXCLUDED_PATHS')}`,
    ),
    name_pattern: nullable(
      'string',
      `Stack name built from component vars: the \`{namespace}\`, \`{tenant}\`, \`{environment}\` and \`{stage}\` tokens, joined with \`-\`. Example: \`{tenant}-{environment}-{stage}\`.${envNote('STACKS_NAME_PATTERN')}`,
    ),
    name_template: nullable(
      'string',
      `Stack name as a Go template over the component's sections; wins over \`name_pattern\`. Example: \`{{ .vars.tenant }}-{{ .vars.stage }}\`.${envNote('STACKS_NAME_TEMPLATE')}`,
    ),
    inherit: group('Inheritance options.', {
      metadata: nullable(
        'boolean',
        'Whether components inherit `metadata` (except `inherits` and `type`) from their base components. Default `true`.',
      ),
    }),
  });
}

function terraform(): JsonSchema {
  const flag = (description: string, env: string) => nullable('boolean', `${description}${envNote(env)}`);
  return group('Terraform settings.', {
    base_path: nullable(
      'string',
      `Folder of the Terraform root modules, relative to \`base_path\`. Example: \`components/terraform\`.${envNote('COMPONENTS_TERRAFORM_BASE_PATH')}`,
    ),
    command: nullable(
      'string',
      `The executable: \`terraform\` (default), \`tofu\` or a path. A stack's \`command\` wins over it.${envNote('COMPONENTS_TERRAFORM_COMMAND')}`,
    ),
    auto_generate_backend_file: flag(
      'Write `backend.tf.json` in the component folder before `init`.',
      'COMPONENTS_TERRAFORM_AUTO_GENERATE_BACKEND_FILE',
    ),
    workspaces_enabled: nullable(
      'boolean',
      '`false` always uses the `default` workspace; unset or `true` selects a workspace per stack.',
    ),
    init_run_reconfigure: flag(
      'Add `-reconfigure` to the `init` run before other commands.',
      'COMPONENTS_TERRAFORM_INIT_RUN_RECONFIGURE',
    ),
    apply_auto_approve: flag('Add `-auto-approve` to `apply`.', 'COMPONENTS_TERRAFORM_APPLY_AUTO_APPROVE'),
    deploy_run_init: flag('Run `init` before `deploy`.', 'COMPONENTS_TERRAFORM_DEPLOY_RUN_INIT'),
    workspace: group('Workspace options.', {
      prefix_separator: nullable(
        'string',
        'Replaces `/` of component names in generated backend key prefixes (s3 `workspace_key_prefix`, gcs `prefix`). Default `-`; `/` keeps the slashes.',
      ),
    }),
    init: group('`terraform init` options.', {
      pass_vars: nullable('boolean', 'Pass the varfile to `init` (`-var-file`).'),
    }),
    plan: group('`terraform plan` options.', {
      skip_planfile: nullable('boolean', 'Do not write a planfile (`-out`).'),
    }),
  });
}

function templates(): JsonSchema {
  return group('Go templates in stack manifests.', {
    settings: group('Template processing settings.', {
      enabled: nullable('boolean', 'Render Go templates in stack manifests.'),
      evaluations: nullable(
        'integer',
        'How many times templates are rendered (for templates producing templates).',
        {
          minimum: 1,
        },
      ),
      delimiters: {
        type: ['array', 'null'],
        items: { type: 'string' },
        minItems: 2,
        maxItems: 2,
        description: 'Left and right template delimiters. Default `["{{", "}}"]`.',
      },
      ignore_missing_template_values: nullable(
        'boolean',
        'Render a template that refers to a missing value (as an empty value) instead of failing. An import can override it.',
      ),
      sprig: group('Sprig functions.', { enabled: nullable('boolean', 'Enable the Sprig functions.') }),
      gomplate: group('Gomplate functions and data sources.', {
        enabled: nullable('boolean', 'Enable the Gomplate functions.'),
      }),
      env: {
        type: ['object', 'null'],
        additionalProperties: true,
        description: 'Environment variables set while templates are rendered.',
      },
    }),
  });
}

function schemas(): JsonSchema {
  return group('Schemas and policies used by validation.', {
    jsonschema: group('JSON Schema policies (`schema_type: jsonschema`).', {
      base_path: nullable('string', 'Folder of the JSON Schemas, relative to `base_path`.'),
    }),
    opa: group('OPA policies (`schema_type: opa`).', {
      base_path: nullable('string', 'Folder of the Rego policies, relative to `base_path`.'),
    }),
    atmos: group('The stack manifest schema.', {
      manifest: nullable(
        'string',
        'Path (relative to `base_path`) or URL of the JSON Schema that `validate stacks` checks every manifest against; the built-in schema when unset.',
      ),
    }),
  });
}

/** JSON Schema (draft 2020-12) of `strata.yaml` / `atmos.yaml`. Returns a fresh object on every call. */
export function cliConfigSchema(): Record<string, unknown> {
  return {
    $schema: JSON_SCHEMA_DRAFT,
    $id: CLI_CONFIG_SCHEMA_ID,
    title: 'Strata / Atmos CLI configuration',
    description:
      'strata.yaml or atmos.yaml: where stacks and components are and how Terraform is run. Keys Strata does not use are allowed and ignored.',
    type: 'object',
    properties: {
      base_path: nullable(
        'string',
        `Root of every other relative path. \`.\`, \`./x\` and \`../x\` are relative to this file's folder; a bare name such as \`infra\` is looked up in the git root first; empty means the git root.${envNote('BASE_PATH')}`,
      ),
      stacks: stacks(),
      components: group('Component types.', { terraform: terraform() }),
      settings: group('Global settings.', {
        list_merge_strategy: {
          type: ['string', 'null'],
          enum: [...LIST_MERGE_STRATEGIES, null],
          description: `How lists merge when manifests and sections are deep-merged: \`replace\` (default; the later list wins), \`append\` (concatenate) or \`merge\` (merge items index by index).${envNote('SETTINGS_LIST_MERGE_STRATEGY')}`,
        },
      }),
      templates: templates(),
      env: {
        type: ['object', 'null'],
        additionalProperties: {
          anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
        },
        description:
          'Environment variables for every component: the lowest layer of each component’s `env`. Example: `env: {AWS_SDK_LOAD_CONFIG: "true"}`.',
      },
      schemas: schemas(),
      integrations: group('Integrations.', {
        github: {
          type: ['object', 'null'],
          additionalProperties: true,
          description:
            'GitHub integration settings, copied into every component as `settings.integrations.github` (lowest precedence).',
        },
      }),
    },
    additionalProperties: true,
  };
}
