import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, mapSection, propertiesOf, ref } from './common.js';
import { overridesDoc, typeDoc } from './descriptions.js';
import { OTHER_COMPONENT_TYPES, TERRAFORM_COMPONENT_KEYS, TYPE_SECTIONS } from './sections.js';

/** Characters allowed in a component name (as in Atmos): `infra/vpc`, `vpc.1`, `{{ .vars.stage }}-app`. */
export const COMPONENT_NAME_PATTERN = '^[A-Za-z0-9_./{} -]+$';

/** One Terraform component: closed to the keys in TERRAFORM_COMPONENT_KEYS. */
export function terraformComponentDef(): JsonSchema {
  return {
    description:
      'A Terraform component instance: the sections layered on top of the stack-wide and `terraform:` values to produce its varfile, backend and workspace.',
    anyOf: [
      {
        type: 'object',
        properties: propertiesOf(TERRAFORM_COMPONENT_KEYS, (k) => ref(k)),
        additionalProperties: false,
      },
      ref(FUNCTION_DEF),
    ],
  };
}

export function terraformComponentsDef(): JsonSchema {
  return mapSection(
    'Terraform components of this stack, keyed by component name. A name may contain `/` (`infra/vpc`); the Terraform folder is the name unless `metadata.component` says otherwise. Example: `terraform: {vpc: {vars: {cidr_block: 10.0.0.0/16}}}`.',
    {
      propertyNames: { pattern: COMPONENT_NAME_PATTERN },
      additionalProperties: ref('terraform_component'),
    },
  );
}

/** The type-level `terraform:` section (closed). */
export function terraformSectionDef(): JsonSchema {
  const properties = propertiesOf(TYPE_SECTIONS, (k) =>
    k === 'overrides' ? ref(k, overridesDoc('terraform')) : ref(k, typeDoc(k)),
  );
  properties['depends_on'] = ref('depends_on');
  return mapSection(
    'Defaults for every Terraform component of this stack, layered above the stack-wide sections and below base components and the components themselves. Typical content: `backend_type`, `backend`, `vars`, `providers`. Example: `terraform: {backend_type: s3, backend: {s3: {bucket: acme-tfstate}}}`.',
    { properties, additionalProperties: false },
  );
}

/** A component of another type (helmfile, packer, a custom type): open, with the common sections typed. */
export function otherComponentDef(): JsonSchema {
  return {
    description:
      'A component of a non-Terraform type. Strata passes it through; only its common sections are checked.',
    anyOf: [
      {
        type: 'object',
        properties: {
          vars: ref('vars'),
          settings: ref('settings'),
          env: ref('env'),
          metadata: ref('metadata'),
          command: ref('command'),
          component: ref('component'),
        },
        additionalProperties: true,
      },
      ref(FUNCTION_DEF),
    ],
  };
}

export function otherComponentsDef(): JsonSchema {
  return mapSection('Components of a non-Terraform type, keyed by component name.', {
    propertyNames: { pattern: COMPONENT_NAME_PATTERN },
    additionalProperties: ref('other_component'),
  });
}

/** Type-level section of another type (`helmfile:`, `packer:`, ...): open, with common sections typed. */
export function otherTypeSectionDef(): JsonSchema {
  return mapSection(
    'Defaults for every component of this type in the stack, like `terraform:` for Terraform components. Strata passes them through; only the common sections are checked.',
    {
      properties: {
        vars: ref('vars'),
        settings: ref('settings'),
        env: ref('env'),
        command: ref('command'),
        overrides: ref('overrides'),
      },
    },
  );
}

export function componentsDef(): JsonSchema {
  const others = propertiesOf(OTHER_COMPONENT_TYPES, (t) =>
    ref(
      'other_components',
      `${t} components of this stack, keyed by component name (passed through by Strata).`,
    ),
  );
  return mapSection(
    'The components of this stack, grouped by type: `terraform`, `helmfile`, `packer`, ... Other (custom) types are allowed and passed through.',
    {
      properties: {
        terraform: ref('terraform_components'),
        ...others,
      },
      additionalProperties: ref('other_components'),
    },
  );
}
