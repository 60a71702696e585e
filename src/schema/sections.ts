/**
 * The section names of an Atmos/Strata stack manifest: the single list that both the JSON Schemas in
 * this folder and the compiler use (spec §2.1, §5.1, §5.4, §6, §12.1). Every list is frozen.
 */

/** Component sections that hold maps (the schema also accepts a YAML function string kept as text). */
export const COMPONENT_MAP_SECTIONS = Object.freeze([
  'vars',
  'settings',
  'env',
  'auth',
  'secrets',
  'dependencies',
  'locals',
  'providers',
  'required_providers',
  'hooks',
  'test',
  'mocks',
  'generate',
  'backend',
  'remote_state_backend',
  'source',
  'provision',
  'retry',
  'metadata',
  'overrides',
] as const);
export type ComponentMapSection = (typeof COMPONENT_MAP_SECTIONS)[number];

/** Component sections that must be strings. */
export const COMPONENT_STRING_SECTIONS = Object.freeze([
  'command',
  'backend_type',
  'remote_state_backend_type',
  'required_version',
  'component',
] as const);
export type ComponentStringSection = (typeof COMPONENT_STRING_SECTIONS)[number];

/** Keys Atmos still accepts but has replaced; the schemas mark them `deprecated`. */
export const DEPRECATED_COMPONENT_SECTIONS = Object.freeze(['depends_on'] as const);

/** Every key a Terraform component may have (its object is closed). */
export const TERRAFORM_COMPONENT_KEYS: readonly string[] = Object.freeze([
  ...COMPONENT_MAP_SECTIONS,
  ...COMPONENT_STRING_SECTIONS,
  ...DEPRECATED_COMPONENT_SECTIONS,
]);

/** Keys allowed under the type-level `terraform:` section (besides the deprecated `depends_on`). */
export const TYPE_SECTIONS = Object.freeze([
  'vars',
  'settings',
  'env',
  'locals',
  'hooks',
  'generate',
  'command',
  'backend_type',
  'backend',
  'remote_state_backend_type',
  'remote_state_backend',
  'providers',
  'overrides',
  'dependencies',
  'auth',
  'source',
  'provision',
  'required_version',
  'required_providers',
  'retry',
] as const);
export type TypeSection = (typeof TYPE_SECTIONS)[number];

/** Stack-level (root) map sections that are layers of every component (besides metadata/overrides). */
export const GLOBAL_MAP_SECTIONS = Object.freeze([
  'vars',
  'settings',
  'env',
  'locals',
  'hooks',
  'generate',
  'auth',
  'secrets',
  'dependencies',
] as const);
export type GlobalMapSection = (typeof GLOBAL_MAP_SECTIONS)[number];

/** Keys of `overrides:` (stack level, `terraform.overrides` and a component's computed `overrides`). */
export const OVERRIDE_SECTIONS = Object.freeze([
  'command',
  'vars',
  'env',
  'settings',
  'providers',
  'hooks',
  'generate',
  'secrets',
  'auth',
  'retry',
  'required_providers',
  'required_version',
] as const);
export type OverrideSection = (typeof OVERRIDE_SECTIONS)[number];

/** The only keys allowed in stack-level `metadata:`; any other key is an error. */
export const GLOBAL_METADATA_KEYS = Object.freeze([
  'labels',
  'tags',
  'custom',
  'enabled',
  'locked',
  'terraform_workspace_pattern',
] as const);
export type GlobalMetadataKey = (typeof GLOBAL_METADATA_KEYS)[number];

/** Keys of a component's `metadata:` (closed). */
export const COMPONENT_METADATA_KEYS = Object.freeze([
  'name',
  'type',
  'enabled',
  'locked',
  'component',
  'inherits',
  'terraform_workspace',
  'terraform_workspace_pattern',
  'terraform_workspace_template',
  'custom',
  'tags',
  'labels',
  'description',
] as const);
export type ComponentMetadataKey = (typeof COMPONENT_METADATA_KEYS)[number];

/** Metadata keys a component never takes from its base components (spec §5.4). */
export const NON_INHERITED_METADATA_KEYS = Object.freeze(['inherits', 'type'] as const);

/** Values of `metadata.type`. */
export const COMPONENT_KINDS = Object.freeze(['abstract', 'real'] as const);

/** Backend types of `backend_type` / `remote_state_backend_type` and keys of `backend:`. */
export const BACKEND_TYPES = Object.freeze([
  'local',
  's3',
  'remote',
  'vault',
  'static',
  'azurerm',
  'gcs',
  'cloud',
  'consul',
  'cos',
  'http',
  'kubernetes',
  'oss',
  'pg',
] as const);
export type BackendType = (typeof BACKEND_TYPES)[number];

/** Keys of an object entry of `import:`. */
export const IMPORT_ENTRY_KEYS = Object.freeze([
  'path',
  'context',
  'skip_templates_processing',
  'ignore_missing_template_values',
  'skip_if_missing',
  'nested_imports',
  'ttl',
] as const);

/** Values of `settings.list_merge_strategy` (atmos.yaml and component settings). */
export const LIST_MERGE_STRATEGIES = Object.freeze(['replace', 'append', 'merge'] as const);

/** Values of `schema_type` in a `settings.validation` entry. */
export const VALIDATION_SCHEMA_TYPES = Object.freeze(['jsonschema', 'opa'] as const);

/** Component types besides Terraform that have a type-level root section (Strata passes them through). */
export const OTHER_COMPONENT_TYPES = Object.freeze([
  'helmfile',
  'packer',
  'helm',
  'kubernetes',
  'ansible',
] as const);

/**
 * YAML functions that may stand for a whole section (`vars: !include catalog/vars.yaml`). Strata keeps
 * them as the literal text `"!tag args"`; the schemas accept such a string wherever a map is expected.
 */
export const SECTION_FUNCTION_TAGS = Object.freeze([
  'include',
  'include.raw',
  'template',
  'exec',
  'env',
  'store',
  'store.get',
  'terraform.output',
  'terraform.state',
] as const);
