import type { JsonSchema } from './common.js';
import {
  FUNCTION_DEF,
  bool,
  closedSection,
  mapSection,
  propertiesOf,
  ref,
  str,
  stringList,
  stringMap,
} from './common.js';
import type { ComponentMetadataKey } from './sections.js';
import { COMPONENT_KINDS, COMPONENT_METADATA_KEYS, GLOBAL_METADATA_KEYS } from './sections.js';

function metadataKey(key: ComponentMetadataKey, stackLevel: boolean): JsonSchema {
  switch (key) {
    case 'name':
      return str(
        'Logical identity of the component, used instead of the folder for backend key prefixes (s3 `workspace_key_prefix`, gcs `prefix`), so moving the folder keeps the state where it is. Inherited from base components.',
      );
    case 'type':
      return {
        type: 'string',
        enum: [...COMPONENT_KINDS],
        description:
          '`abstract`: a blueprint for other components to inherit from; it cannot be planned or applied and is hidden from lists. `real` (the default): a deployable component. Never inherited.',
      };
    case 'enabled':
      return bool(
        stackLevel
          ? 'Default for every component of the stack: `false` makes Terraform commands skip components (they exit successfully without running Terraform).'
          : '`false` makes Terraform commands skip the component (they exit successfully without running Terraform) and leaves it out of `describe affected`. Unrelated to `vars.enabled`.',
      );
    case 'locked':
      return bool(
        `\`true\` ${stackLevel ? 'makes every component of the stack' : 'makes the component'} read-only: \`plan\` works, but \`apply\`, \`deploy\`, \`destroy\`, \`import\`, \`state\`, \`taint\` and \`untaint\` fail.`,
      );
    case 'component':
      return str(
        'The Terraform folder (root module) under `components.terraform.base_path`, when it differs from the component name; several components may share one folder. Example: `component: vpc` for a component named `vpc/east`.',
      );
    case 'inherits':
      return {
        description:
          'Base components whose sections this component inherits, merged in list order (later entries win, the component itself wins over all). The bases must be defined in the same stack. Never inherited. Example: `inherits: [vpc/defaults, vpc/hardened]`.',
        anyOf: [
          { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
          ref(FUNCTION_DEF),
        ],
      };
    case 'terraform_workspace':
      return str('A literal Terraform workspace name for the component, e.g. `legacy-vpc`.');
    case 'terraform_workspace_pattern':
      return str(
        `Terraform workspace built from tokens: \`{namespace}\`, \`{tenant}\`, \`{environment}\`, \`{region}\`, \`{stage}\`, \`{attributes}\`, \`{component}\`, \`{base-component}\`. Example: \`{tenant}-{environment}-{stage}-{component}\`.${stackLevel ? ' The default for every component of the stack.' : ''}`,
      );
    case 'terraform_workspace_template':
      return str(
        'Terraform workspace as a Go template over the component’s sections; wins over `terraform_workspace_pattern` and `terraform_workspace`. Example: `{{ .vars.stage }}-{{ .vars.region }}`.',
      );
    case 'custom':
      return mapSection(
        'Free-form data for your own tooling; deep-merged from the stack-level `metadata.custom` and from base components.',
      );
    case 'tags':
      return stringList('Tags for grouping and filtering components, e.g. `[networking, critical]`.');
    case 'labels':
      return stringMap('Key/value labels (string values) for filtering components, e.g. `{team: platform}`.');
    case 'description':
      return str('A human-readable description of the component.');
  }
}

/** `metadata:` of a component (closed). */
export function componentMetadataDef(description: string): JsonSchema {
  return closedSection(
    description,
    propertiesOf(COMPONENT_METADATA_KEYS, (k) => metadataKey(k, false)),
  );
}

/** Stack-level `metadata:`: only the allowlisted defaults (any other key is an error). */
export function globalMetadataDef(): JsonSchema {
  return closedSection(
    `Stack-wide metadata defaults, the lowest metadata layer of every component. Only ${GLOBAL_METADATA_KEYS.map((k) => `\`${k}\``).join(', ')} are allowed here; \`component\`, \`inherits\`, \`type\` and the rest belong in a component's metadata.`,
    propertiesOf(GLOBAL_METADATA_KEYS, (k) => metadataKey(k, true)),
  );
}
