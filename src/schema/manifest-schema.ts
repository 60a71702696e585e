import { backendDef, backendTypeDef } from './backend-schema.js';
import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, JSON_SCHEMA_DRAFT, functionStringDef, propertiesOf, ref } from './common.js';
import {
  componentsDef,
  otherComponentDef,
  otherComponentsDef,
  otherTypeSectionDef,
  terraformComponentDef,
  terraformComponentsDef,
  terraformSectionDef,
} from './component-schema.js';
import { componentDoc, overridesDoc, stackDoc } from './descriptions.js';
import { importDef } from './import-schema.js';
import { componentMetadataDef, globalMetadataDef } from './metadata-schema.js';
import { sectionDefs } from './section-schemas.js';
import { GLOBAL_MAP_SECTIONS, OTHER_COMPONENT_TYPES } from './sections.js';
import { dependsOnDef, settingsDef, validationDef } from './settings-schema.js';

export const MANIFEST_SCHEMA_ID = 'https://strata.dev/schemas/stack-manifest.schema.json';

/**
 * JSON Schema (draft 2020-12) of one Atmos/Strata stack manifest file, as written (before imports are
 * merged). YAML function tags are kept as text (`"!include catalog/vpc.yaml"`), so every map section
 * also accepts such a string. A null section (`vars:` with nothing under it) is rejected, as in
 * Atmos's schema: when files are merged it would replace the lower layers' map.
 *
 * `additionalProperties` choices: the root and the maps of free-form data (`vars`, `env`,
 * `settings`, `providers`, `locals`, `auth`, ...) are open, and so are unknown component types under
 * `components:`. Terraform components, `terraform:`, component `metadata`, stack-level `metadata`,
 * `overrides`, `import` entries and the keys of `backend` are closed, so typos are reported.
 *
 * Returns a fresh object on every call.
 */
export function manifestSchema(): Record<string, unknown> {
  return {
    $schema: JSON_SCHEMA_DRAFT,
    $id: MANIFEST_SCHEMA_ID,
    title: 'Strata / Atmos stack manifest',
    description:
      'One stack manifest: imports, stack-wide sections, type-level defaults (`terraform:`) and components. Files matched by `stacks.included_paths` are stacks; the others are imported.',
    type: 'object',
    properties: rootProperties(),
    additionalProperties: true,
    $defs: defs(),
  };
}

function rootProperties(): Record<string, JsonSchema> {
  return {
    name: {
      type: 'string',
      description:
        'Explicit stack name; wins over `stacks.name_template` and `stacks.name_pattern`. Set in an imported file, it applies to every stack importing it.',
    },
    import: ref('import'),
    ...propertiesOf(GLOBAL_MAP_SECTIONS, (s) => ref(s, stackDoc(s))),
    metadata: ref('global_metadata'),
    overrides: ref('overrides', overridesDoc('stack')),
    terraform: ref('terraform'),
    ...propertiesOf(OTHER_COMPONENT_TYPES, (t) =>
      ref(
        'other_type_section',
        `Defaults for every ${t} component of this stack (passed through by Strata).`,
      ),
    ),
    components: ref('components'),
    workflows: { description: 'Atmos workflows defined in the manifest; ignored by Strata.' },
    version: { description: 'Atmos version-track settings; ignored by Strata.' },
    compositions: { description: 'Atmos compositions; ignored by Strata.' },
  };
}

function defs(): Record<string, JsonSchema> {
  return {
    [FUNCTION_DEF]: functionStringDef(),
    ...sectionDefs(),
    settings: settingsDef(componentDoc('settings')),
    validation: validationDef(),
    depends_on: dependsOnDef(),
    metadata: componentMetadataDef(componentDoc('metadata')),
    global_metadata: globalMetadataDef(),
    backend_type: backendTypeDef('backend_type'),
    remote_state_backend_type: backendTypeDef('remote_state_backend_type'),
    backend: backendDef(componentDoc('backend')),
    remote_state_backend: backendDef(componentDoc('remote_state_backend')),
    import: importDef(),
    terraform_component: terraformComponentDef(),
    terraform_components: terraformComponentsDef(),
    terraform: terraformSectionDef(),
    other_component: otherComponentDef(),
    other_components: otherComponentsDef(),
    other_type_section: otherTypeSectionDef(),
    components: componentsDef(),
  };
}
