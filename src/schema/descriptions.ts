import type { ComponentMapSection, ComponentStringSection } from './sections.js';
import { GLOBAL_MAP_SECTIONS } from './sections.js';

/** Hover text for one section: what it holds, how its layers merge, an example. */
interface SectionDoc {
  readonly what: string;
  readonly merge?: string;
  readonly example?: string;
}

type Section = ComponentMapSection | ComponentStringSection | 'depends_on';

const DOCS: Readonly<Record<Section, SectionDoc>> = Object.freeze({
  vars: {
    what: 'Terraform input variables, written to the component varfile.',
    merge:
      'Deep-merged, lowest to highest: stack `vars` → `terraform.vars` → base components → component `vars` → `overrides.vars`.',
    example: 'vars: {cidr_block: 10.0.0.0/16, nat_gateway_enabled: true}',
  },
  settings: {
    what: 'Free-form settings for tools and integrations (`validation`, `spacelift`, `atlantis`, `depends_on`, ...); never passed to Terraform.',
    merge:
      'Deep-merged like vars: stack `settings` → `terraform.settings` → base components → component → `overrides.settings`.',
  },
  env: {
    what: 'Environment variables for the Terraform process; a null value unsets the variable.',
    merge:
      'Deep-merged: atmos.yaml `env` → stack `env` → `terraform.env` → base components → component → `overrides.env`.',
    example: 'env: {TF_LOG: DEBUG}',
  },
  auth: {
    what: 'Authentication providers and identities used while running the component.',
    merge:
      'Merged over atmos.yaml `auth`: stack → `terraform.auth` → base components → component → `overrides.auth`.',
  },
  secrets: {
    what: 'Secret declarations (`vars`) and secret providers (`providers`) read with the `!secret` function.',
    merge: 'Merged: stack `secrets` → base components → component → `overrides.secrets`.',
  },
  dependencies: {
    what: 'What the component depends on: other components, files, folders and tool versions. Used by `describe affected` and `describe dependents`.',
    merge: 'Merged: stack → `terraform.dependencies` → base components → component (no overrides).',
    example: 'dependencies: {components: [{name: vpc}], files: [configs/app.json]}',
  },
  locals: {
    what: 'Component-level locals for templates evaluated for this component; inherited from base components, never sent to Terraform.',
  },
  providers: {
    what: 'Terraform provider blocks keyed by provider name, written to `providers_override.tf.json`. A key with a dot (`aws.use1`) is an alias.',
    merge:
      'Merged: `terraform.providers` → base components → component → `overrides.providers` (there is no stack-level `providers`).',
    example: 'providers: {aws: {region: us-east-2}}',
  },
  required_providers: {
    what: 'Provider version pins written to `terraform_override.tf.json`.',
    merge: 'Merged: base components → component → `overrides.required_providers`.',
    example: 'required_providers: {aws: {source: hashicorp/aws, version: "~> 5.0"}}',
  },
  hooks: {
    what: 'Named hooks run at lifecycle events, e.g. storing outputs after `terraform apply`.',
    merge: 'Merged: stack `hooks` → `terraform.hooks` → base components → component → `overrides.hooks`.',
  },
  test: {
    what: 'Configuration for `terraform test`; its `vars` go to the test varfile only.',
  },
  mocks: {
    what: 'Literal output values that `!terraform.output` / `!terraform.state` return for this component when mocks are enabled.',
  },
  generate: {
    what: 'Files rendered into the component working folder, keyed by file name; a string value is a template, a map is serialized by the file extension (.json, .yaml, .tf, .hcl).',
    merge:
      'Merged: stack `generate` → `terraform.generate` → base components → component → `overrides.generate`.',
    example: 'generate: {"locals.tf.json": {locals: {name: vpc}}}',
  },
  backend: {
    what: 'Terraform backend configuration keyed by backend type; only the entry named by `backend_type` is used, and Strata fills defaults such as `workspace_key_prefix` (s3).',
    merge: 'Merged: `terraform.backend` → base components → component (no overrides).',
    example: 'backend: {s3: {bucket: acme-tfstate, key: terraform.tfstate, region: us-east-2}}',
  },
  remote_state_backend: {
    what: 'Backend used to read this component’s state from other components (`!terraform.state`, remote-state modules), keyed by backend type; layered over `backend`.',
    merge: 'Merged: backend → `terraform.remote_state_backend` → base components → component.',
  },
  source: {
    what: 'Where to fetch the component’s Terraform code from (just-in-time vendoring): a go-getter URI or a map with `uri`, `version`, ...',
    merge: 'Merged: `terraform.source` → base components → component.',
  },
  provision: {
    what: 'Provisioning options, such as a separate working folder (`workdir`) or delivery targets.',
    merge: 'Merged: `terraform.provision` → base components → component.',
  },
  retry: {
    what: 'Retry policy for Terraform commands whose output matches one of `conditions`.',
    merge: 'Merged: base components → component → `overrides.retry`.',
  },
  metadata: {
    what: 'How Strata treats the component: abstract or real, enabled, locked, which base components it inherits from, which Terraform folder it uses, workspace naming.',
    merge:
      'Layered: stack `metadata` → base components (except `type` and `inherits`, when `stacks.inherit.metadata` is on) → component.',
  },
  overrides: {
    what: 'Overrides computed for the component from the `overrides` sections of the files that define it; the highest layer. Usually written at the stack level, not here.',
  },
  command: {
    what: 'The executable to run, e.g. `tofu` or a path to a `terraform` binary.',
    merge:
      'The last non-empty value wins: atmos.yaml `components.terraform.command` → `terraform.command` → base components → component → `overrides.command`.',
  },
  backend_type: {
    what: 'The Terraform backend type; selects the entry of `backend` that is used.',
    merge: 'The last non-empty value wins: `terraform.backend_type` → base components → component.',
  },
  remote_state_backend_type: {
    what: 'Backend type used to read this component’s state from other components; defaults to `backend_type`.',
  },
  required_version: {
    what: 'Terraform version constraint written to `terraform_override.tf.json`, e.g. `">= 1.10.0"`.',
  },
  component: {
    what: 'Legacy form of `metadata.component`: the Terraform folder to use (under `components.terraform.base_path`) and a component to inherit from when one with that name exists. Prefer `metadata.component` and `metadata.inherits`.',
  },
  depends_on: {
    what: 'Deprecated: component dependencies keyed by an arbitrary name. Use `dependencies.components`.',
  },
});

/** The full hover text of a component section. */
export function componentDoc(section: Section): string {
  const d = DOCS[section];
  return [d.what, d.merge, d.example && `Example: \`${d.example}\``].filter(Boolean).join(' ');
}

/** What a section is, without its merge order. */
export function sectionWhat(section: Section): string {
  return DOCS[section].what;
}

const STACK_NOTES: Readonly<Record<string, string>> = Object.freeze({
  vars: 'Stack-wide variables for every component of every type; the lowest layer, often the naming context (`namespace`, `tenant`, `environment`, `stage`) used by `stacks.name_pattern`.',
  settings: 'Stack-wide settings for every component; the lowest layer.',
  env: 'Stack-wide environment variables for every component, above atmos.yaml `env`.',
  locals:
    'File-scoped template variables (`{{ .locals.name }}`), resolved before the rest of this file; visible only in this file and never merged into components.',
});

/** Hover text of a section written at the stack root. */
export function stackDoc(section: Section): string {
  return (
    STACK_NOTES[section] ??
    `Stack-wide \`${section}\` for every component; the lowest layer. ${sectionWhat(section)}`
  );
}

/** Hover text of a section written under `terraform:`. */
export function typeDoc(section: Section): string {
  if (section === 'required_providers' || section === 'required_version')
    return `Accepted for compatibility, but not applied: Atmos never merges the type-level \`${section}\` into components. Set it on a component or in \`overrides\`.`;
  if (section === 'overrides') return overridesDoc('terraform');
  if (section === 'locals')
    return 'File-scoped template variables for the Terraform sections of this file; like the stack-level `locals`, visible only in this file and never merged into components.';
  const what = sectionWhat(section);
  if (section === 'command' || section === 'backend_type' || section === 'remote_state_backend_type')
    return `Default \`${section}\` for every Terraform component in this stack; a base component or the component itself overrides it. ${what}`;
  const below = 'below base components and the component itself';
  const where = (GLOBAL_MAP_SECTIONS as readonly string[]).includes(section)
    ? `above the stack-level \`${section}\`, ${below}`
    : `the lowest layer, ${below}`;
  return `\`${section}\` for every Terraform component in this stack: ${where}. ${what}`;
}

/** Hover text of a key of `overrides:`. */
export function overrideDoc(section: Section): string {
  return `Forced \`${section}\`, applied above the component’s own value for the components defined in this file, in the files it imports and in later imports. ${sectionWhat(section)}`;
}

export function overridesDoc(scope: 'stack' | 'terraform'): string {
  const where =
    scope === 'stack'
      ? 'Applies to Terraform and Helmfile components.'
      : 'Applies to Terraform components and wins over the stack-level `overrides` of the same file.';
  return `File-scoped overrides: the highest layer for components defined in this file and in the files it imports (and in imports after it); an importer’s overrides win over those of the files it imports. ${where} Example: \`overrides: {vars: {nat_gateway_enabled: false}}\``;
}
