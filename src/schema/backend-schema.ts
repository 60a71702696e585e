import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, closedSection, mapSection, propertiesOf, ref } from './common.js';
import { componentDoc } from './descriptions.js';
import type { BackendType } from './sections.js';
import { BACKEND_TYPES } from './sections.js';

const BACKEND_NOTES: Readonly<Record<BackendType, string>> = Object.freeze({
  local: 'State in a local file (`path`).',
  s3: 'State in an S3 bucket (`bucket`, `key`, `region`, ...); `workspace_key_prefix` defaults to the component (or `metadata.name`).',
  remote: 'HCP Terraform / Terraform Enterprise through the `remote` backend (`organization`, `workspaces`).',
  vault: 'State in HashiCorp Vault.',
  static:
    'No backend: the map holds literal outputs, returned by `!terraform.state` and remote-state lookups (remote_state_backend only).',
  azurerm:
    'State in an Azure Storage container (`storage_account_name`, `container_name`, `key`); `key` defaults to `<component>.terraform.tfstate`.',
  gcs: 'State in a Google Cloud Storage bucket (`bucket`); `prefix` defaults to the component (or `metadata.name`).',
  cloud:
    'HCP Terraform through the `cloud` block (`organization`, `workspaces`); `{terraform_workspace}` is replaced.',
  consul: 'State in Consul KV.',
  cos: 'State in Tencent Cloud Object Storage.',
  http: 'State through a REST endpoint; the `default` workspace is always used.',
  kubernetes: 'State in a Kubernetes secret.',
  oss: 'State in Alibaba Cloud OSS.',
  pg: 'State in a PostgreSQL database.',
});

/** `backend_type` / `remote_state_backend_type`. */
export function backendTypeDef(section: 'backend_type' | 'remote_state_backend_type'): JsonSchema {
  return {
    description: `${componentDoc(section)} One of: ${BACKEND_TYPES.join(', ')}.`,
    anyOf: [{ type: 'string', enum: [...BACKEND_TYPES] }, ref(FUNCTION_DEF)],
  };
}

/**
 * `backend` / `remote_state_backend`: a map keyed by backend type.
 *
 * The keys are closed to BACKEND_TYPES (as in Atmos's schema) rather than open to any object: the
 * entry used is `backend[backend_type]` and `backend_type` is itself restricted to that list, so any
 * other key could never be selected. Closing the keys also catches the common mistake of writing the
 * backend settings without the type level (`backend: {bucket: ...}` instead of `backend: {s3: {...}}`).
 * The settings inside a backend are Terraform's and stay open.
 */
export function backendDef(description: string): JsonSchema {
  return closedSection(
    description,
    propertiesOf(BACKEND_TYPES, (type) => mapSection(BACKEND_NOTES[type])),
  );
}
