import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliConfigSchema } from '../../src/schema/cli-config-schema.js';
import { AWS_ORG, compile, errorsOf, readYaml, show, yaml } from './schema-helpers.js';

const validate = compile(cliConfigSchema());

describe('CLI config schema: accepts', () => {
  it('examples/aws-org/atmos.yaml', () => {
    expect(show(errorsOf(validate, readYaml(join(AWS_ORG, 'atmos.yaml'))))).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    [
      'every key Strata reads',
      `base_path: "."
stacks:
  base_path: stacks
  included_paths: ["orgs/**/*"]
  excluded_paths: ["**/_defaults.yaml"]
  name_pattern: "{tenant}-{environment}-{stage}"
  name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"
  inherit: {metadata: false}
components:
  terraform:
    base_path: components/terraform
    command: tofu
    auto_generate_backend_file: true
    workspaces_enabled: false
    init_run_reconfigure: true
    apply_auto_approve: false
    deploy_run_init: true
    workspace: {prefix_separator: /}
    init: {pass_vars: true}
    plan: {skip_planfile: true}
settings:
  list_merge_strategy: merge
templates:
  settings:
    enabled: true
    evaluations: 2
    delimiters: ["{{", "}}"]
    ignore_missing_template_values: true
    sprig: {enabled: true}
    gomplate: {enabled: true, timeout: 5, datasources: {}}
env:
  AWS_SDK_LOAD_CONFIG: "true"
  TF_IN_AUTOMATION: 1
schemas:
  jsonschema: {base_path: stacks/schemas/jsonschema}
  opa: {base_path: stacks/schemas/opa}
  atmos: {manifest: stacks/schemas/atmos/atmos-manifest/1.0/atmos-manifest.json}
integrations:
  github: {gitops: {terraform-version: 1.9.0}}
`,
    ],
    [
      'null values (unset)',
      'base_path:\nstacks:\n  name_pattern:\ncomponents:\n  terraform:\n    workspaces_enabled:\n',
    ],
    [
      'the many Atmos keys Strata ignores, at every level',
      `logs: {level: Info, file: /dev/stderr}
workflows: {base_path: stacks/workflows}
commands:
  - name: hello
    steps: [echo hi]
aliases: {tp: terraform plan}
describe: {settings: {include_empty: true}}
list: {columns: []}
vendor: {base_path: vendor.yaml}
stores: {ssm: {type: aws-ssm-parameter-store}}
stacks:
  list: {format: table}
  inherit: {source: true}
components:
  helmfile: {base_path: components/helmfile}
  terraform:
    append_user_agent: acme
    shell: {prompt: "> "}
    plan: {other: 1}
settings:
  terminal: {max_width: 120}
  telemetry: {enabled: false}
templates:
  settings:
    future_option: 1
schemas:
  cue: {base_path: stacks/schemas/cue}
integrations:
  atlantis: {path: atlantis.yaml}
`,
    ],
  ])('%s', (_name, text) => {
    expect(show(errorsOf(validate, yaml(text)))).toEqual([]);
  });
});

describe('CLI config schema: rejects', () => {
  it.each([
    [
      'settings.list_merge_strategy: deep',
      'settings:\n  list_merge_strategy: deep\n',
      '/settings/list_merge_strategy',
      'enum',
    ],
    ['stacks.included_paths: "x"', 'stacks:\n  included_paths: "x"\n', '/stacks/included_paths', 'type'],
    ['a glob that is not a string', 'stacks:\n  excluded_paths: [1]\n', '/stacks/excluded_paths/0', 'type'],
    ['base_path as a number', 'base_path: 1\n', '/base_path', 'type'],
    ['stacks as a list', 'stacks: [a]\n', '/stacks', 'type'],
    [
      'a Terraform flag given as text',
      'components:\n  terraform:\n    auto_generate_backend_file: "yes"\n',
      '/components/terraform/auto_generate_backend_file',
      'type',
    ],
    [
      'stacks.inherit.metadata as a number',
      'stacks:\n  inherit:\n    metadata: 1\n',
      '/stacks/inherit/metadata',
      'type',
    ],
    [
      'zero template evaluations',
      'templates:\n  settings:\n    evaluations: 0\n',
      '/templates/settings/evaluations',
      'minimum',
    ],
    ['env as a list', 'env: [A=1]\n', '/env', 'type'],
    ['a nested env value', 'env:\n  A: {b: 1}\n', '/env/A', 'type'],
  ])('%s', (_name, text, instancePath, keyword) => {
    const errors = errorsOf(validate, yaml(text));
    expect(errors, show(errors).join('\n')).toContainEqual(
      expect.objectContaining({ instancePath, keyword }),
    );
  });
});
