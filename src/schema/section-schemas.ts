import type { JsonSchema } from './common.js';
import {
  FUNCTION_DEF,
  closedSection,
  mapSection,
  propertiesOf,
  ref,
  str,
  stringList,
  stringMap,
  stringSection,
} from './common.js';
import { componentDoc, overrideDoc } from './descriptions.js';
import { OVERRIDE_SECTIONS } from './sections.js';

const openObject = (): JsonSchema => ({ type: 'object', additionalProperties: true });

function hooksDef(): JsonSchema {
  return mapSection(componentDoc('hooks'), {
    additionalProperties: {
      anyOf: [
        {
          type: 'object',
          description: 'One hook. Example: `{events: [after-terraform-apply], command: store, name: ssm}`.',
          properties: {
            events: stringList('Lifecycle events that run the hook, e.g. `after-terraform-apply`.'),
            command: str('What the hook runs (legacy spelling of `kind`, e.g. `store`).'),
            kind: str('The hook engine, e.g. `store` or `command`.'),
            name: str('For a store hook: the store from atmos.yaml `stores` to write to.'),
            outputs: {
              type: 'object',
              additionalProperties: true,
              description: 'For a store hook: keys to write, mapped to values or Terraform outputs.',
            },
          },
          additionalProperties: true,
        },
        ref(FUNCTION_DEF),
      ],
    },
  });
}

function dependenciesDef(): JsonSchema {
  const componentEntry: JsonSchema = {
    type: 'object',
    description: 'A component this one depends on. Example: `{name: vpc, stack: plat-ue2-prod}`.',
    properties: {
      name: str('The component name (as under `components.terraform`), e.g. `vpc`.'),
      component: str('Legacy spelling of `name`.'),
      stack: str('The stack of the dependency; the current stack when omitted.'),
      kind: str(
        'The dependency’s component type (`terraform`, `helmfile`, ...); legacy `file`/`folder` with `path`.',
      ),
      path: str('For the legacy `kind: file`/`kind: folder` entries: the path.'),
    },
    additionalProperties: false,
  };
  const unit: JsonSchema = { anyOf: [{ type: 'string' }, openObject()] };
  return closedSection(componentDoc('dependencies'), {
    components: {
      description: 'Components this one depends on (used by `describe dependents` and `describe affected`).',
      anyOf: [{ type: 'array', items: componentEntry }, ref(FUNCTION_DEF)],
    },
    files: {
      description: 'Files whose changes mark this component as affected.',
      anyOf: [{ type: 'array', items: { type: 'string' } }, ref(FUNCTION_DEF)],
    },
    folders: {
      description: 'Folders whose changes (recursively) mark this component as affected.',
      anyOf: [{ type: 'array', items: { type: 'string' } }, ref(FUNCTION_DEF)],
    },
    tools: {
      description: 'Tool versions the component needs, e.g. `{terraform: 1.9.8}`.',
      anyOf: [stringMap('Tool name → version.'), ref(FUNCTION_DEF)],
    },
    commands: { type: 'array', items: unit, description: 'Custom commands to run first.' },
    workflows: { type: 'array', items: unit, description: 'Workflows to run first.' },
  });
}

function requiredProvidersDef(): JsonSchema {
  return mapSection(componentDoc('required_providers'), {
    additionalProperties: {
      type: 'object',
      description: 'One provider requirement.',
      properties: {
        source: str('Provider source address, e.g. `hashicorp/aws`.'),
        version: str('Version constraint, e.g. `~> 5.0`.'),
        configuration_aliases: stringList('Provider configuration aliases, e.g. `[aws.use1]`.'),
      },
      additionalProperties: false,
    },
  });
}

function retryDef(): JsonSchema {
  const duration = (what: string) => str(`${what} as a Go duration, e.g. \`2s\`, \`500ms\`, \`5m\`.`);
  return closedSection(componentDoc('retry'), {
    max_attempts: { type: 'integer', minimum: 1, description: 'Attempts in all, including the first.' },
    backoff_strategy: {
      type: 'string',
      enum: ['constant', 'linear', 'exponential'],
      description: 'How the delay grows between attempts.',
    },
    initial_delay: duration('Delay before the second attempt'),
    max_delay: duration('Upper bound of one delay'),
    max_elapsed_time: duration('Time budget for all attempts'),
    multiplier: { type: 'number', exclusiveMinimum: 0, description: 'Growth factor of exponential backoff.' },
    random_jitter: { type: 'number', minimum: 0, maximum: 1, description: 'Random jitter, 0 to 1.' },
    conditions: stringList(
      'Regular expressions matched against the command output; only matches are retried.',
    ),
  });
}

/**
 * `source`: a go-getter URI or a map. `uri` is not required because `source` is merged across
 * layers: a component may set only `version` over a `terraform.source` that has the `uri`.
 */
function sourceDef(): JsonSchema {
  return {
    description: `${componentDoc('source')} Example: \`source: {uri: github.com/acme/modules//vpc, version: v1.2.0}\``,
    anyOf: [
      {
        type: 'object',
        properties: {
          uri: str('A go-getter URI, e.g. `github.com/acme/modules//vpc?ref=v1.2.0`.'),
          version: str('Tag, branch or commit to check out.'),
          type: str('Go-getter source type hint, e.g. `git`, `s3`.'),
          included_paths: stringList('Globs of files to keep.'),
          excluded_paths: stringList('Globs of files to drop.'),
          retry: { type: 'object', additionalProperties: true, description: 'Retry policy of the download.' },
          ttl: str('How long a fetched copy is reused, e.g. `24h`.'),
        },
        additionalProperties: false,
      },
      { type: 'string', description: 'A go-getter URI, e.g. `github.com/acme/modules//vpc?ref=v1.2.0`.' },
    ],
  };
}

function overridesDef(): JsonSchema {
  return closedSection(
    componentDoc('overrides'),
    propertiesOf(OVERRIDE_SECTIONS, (s) => ref(s, overrideDoc(s))),
  );
}

/** `$defs` for the component sections (every name in COMPONENT_MAP_SECTIONS but metadata/backend/settings). */
export function sectionDefs(): Record<string, JsonSchema> {
  return {
    vars: mapSection(componentDoc('vars')),
    env: mapSection(componentDoc('env')),
    locals: mapSection(componentDoc('locals')),
    providers: mapSection(componentDoc('providers')),
    mocks: mapSection(componentDoc('mocks')),
    provision: mapSection(componentDoc('provision')),
    auth: mapSection(componentDoc('auth')),
    secrets: closedSection(componentDoc('secrets'), {
      vars: mapSection('Declared secrets, keyed by secret name.'),
      providers: mapSection('Secret providers that are not stores (e.g. SOPS), keyed by name.'),
    }),
    hooks: hooksDef(),
    generate: mapSection(componentDoc('generate'), {
      additionalProperties: { anyOf: [{ type: 'string' }, openObject()] },
    }),
    dependencies: dependenciesDef(),
    required_providers: requiredProvidersDef(),
    retry: retryDef(),
    source: sourceDef(),
    test: closedSection(componentDoc('test'), {
      vars: ref('vars', 'Variables for `terraform test` only.'),
    }),
    overrides: overridesDef(),
    command: stringSection(componentDoc('command')),
    component: stringSection(componentDoc('component')),
    required_version: stringSection(componentDoc('required_version')),
  };
}
