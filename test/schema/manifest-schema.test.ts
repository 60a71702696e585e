import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/schema/manifest-schema.js';
import { AWS_ORG, compile, errorsOf, readYaml, show, yaml, yamlFilesUnder } from './schema-helpers.js';

const validate = compile(manifestSchema());

/** A manifest with one Terraform component `vpc` whose body is `body` (YAML, indented by the caller). */
const component = (body: string) => `components:\n  terraform:\n    vpc:\n${body}`;

describe('manifest schema: accepts', () => {
  const files = yamlFilesUnder(join(AWS_ORG, 'stacks'));

  it('finds the example manifests', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [relative(AWS_ORG, f), f]))('examples/aws-org/%s', (_rel, file) => {
    const errors = errorsOf(validate, readYaml(file));
    expect(show(errors)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    [
      'sections written as YAML functions',
      'vars: !include catalog/vars.yaml\nsettings: !include.raw s.json\nenv: !env ENV_MAP\n',
    ],
    ['a component written as !include', component('      !include catalog/vpc.yaml\n')],
    [
      'function values inside vars, settings and env',
      component(
        '      vars:\n        vpc_id: !terraform.output vpc vpc_id\n        n: !exec echo 1\n      env:\n        HOME2: !env HOME\n      settings:\n        x: !store ssm a b\n',
      ),
    ],
    ['import as !include', 'import: !include imports.yaml\n'],
    [
      'every import form',
      'import:\n  - catalog/vpc\n  - ./_defaults\n  - path: catalog/eks.yaml.tmpl\n    context: {flavor: blue}\n    skip_templates_processing: false\n    ignore_missing_template_values: true\n    skip_if_missing: true\n    nested_imports: remote\n    ttl: 1h\n',
    ],
    [
      'component names with /, ., -, _, {} and spaces',
      'components:\n  terraform:\n    infra/vpc-1.a_b: {}\n    "{{ .vars.stage }} app": {}\n',
    ],
    [
      'every component metadata key',
      component(
        '      metadata:\n        name: vpc\n        type: abstract\n        enabled: false\n        locked: true\n        component: infra/vpc\n        inherits: [vpc/defaults, vpc/mixin]\n        terraform_workspace: ws\n        terraform_workspace_pattern: "{stage}"\n        terraform_workspace_template: "{{ .vars.stage }}"\n        custom: {team: a}\n        tags: [net]\n        labels: {tier: core}\n        description: The VPC\n',
      ),
    ],
    [
      'every stack-level metadata key',
      'metadata:\n  labels: {a: b}\n  tags: [x]\n  custom: {k: 1}\n  enabled: true\n  locked: false\n  terraform_workspace_pattern: "{stage}"\n',
    ],
    [
      'backends and remote state backends',
      'terraform:\n  backend_type: s3\n  backend:\n    s3: {bucket: b, key: terraform.tfstate}\n    gcs: {bucket: g}\n  remote_state_backend_type: static\n  remote_state_backend:\n    static: {vpc_id: vpc-1}\n',
    ],
    [
      'overrides at the stack and terraform levels',
      'overrides:\n  vars: {a: 1}\n  command: tofu\nterraform:\n  overrides:\n    required_version: ">= 1.9"\n    required_providers: {aws: {source: hashicorp/aws, version: "~> 5.0"}}\n',
    ],
    [
      'settings with validation and depends_on (map and list)',
      component(
        '      settings:\n        list_merge_strategy: append\n        validation:\n          check: {schema_type: opa, schema_path: x.rego, module_paths: [lib], timeout: 5}\n        depends_on:\n          1: {component: tgw, stack: "{{ .vars.stage }}"}\n        spacelift: {workspace_enabled: true}\n        anything: [1, 2]\n',
      ),
    ],
    ['depends_on as a list', component('      settings:\n        depends_on:\n          - component: vpc\n')],
    [
      'component sections of every kind',
      component(
        '      component: vpc\n      command: tofu\n      required_version: ">= 1.9"\n      providers: {aws: {region: us-east-2}, aws.use1: {region: us-east-1}}\n      hooks: {store-outputs: {events: [after-terraform-apply], command: store, name: ssm}}\n      generate: {"a.json": {k: v}, b.txt: "{{ .vars.x }}"}\n      source: github.com/acme/modules//vpc?ref=v1\n      retry: {max_attempts: 3, conditions: [timeout]}\n      dependencies: {components: [{name: vpc}], files: [a.json], tools: {terraform: 1.9.8}}\n      test: {vars: {a: 1}}\n      mocks: {vpc_id: vpc-1}\n      locals: {x: 1}\n      auth: {identities: {}}\n      secrets: {vars: {}}\n',
      ),
    ],
    [
      'other and unknown component types, and unknown root keys',
      'helmfile:\n  vars: {a: 1}\n  anything: true\ncomponents:\n  helmfile:\n    nginx: {vars: {a: 1}, anything: 1}\n  mytype:\n    thing: {whatever: true}\nworkflows:\n  deploy: {steps: []}\nsomething_else: 1\n',
    ],
  ])('%s', (_name, text) => {
    expect(show(errorsOf(validate, yaml(text)))).toEqual([]);
  });
});

describe('manifest schema: rejects', () => {
  it.each([
    [
      'a component with an unknown key',
      component('      varz: {a: 1}\n'),
      '/components/terraform/vpc',
      'additionalProperties',
      { additionalProperty: 'varz' },
    ],
    [
      'vars given as a list',
      component('      vars: [a, b]\n'),
      '/components/terraform/vpc/vars',
      'type',
      { type: 'object' },
    ],
    ['stack-level vars given as a list', 'vars: [a]\n', '/vars', 'type', { type: 'object' }],
    ['a map section given as plain text', 'env: HOME\n', '/env', 'pattern', {}],
    [
      'an empty (null) section',
      component('      vars:\n'),
      '/components/terraform/vpc/vars',
      'type',
      { type: 'object' },
    ],
    [
      'metadata.type: concrete',
      component('      metadata: {type: concrete}\n'),
      '/components/terraform/vpc/metadata/type',
      'enum',
      { allowedValues: ['abstract', 'real'] },
    ],
    [
      'metadata.inherits as a string',
      component('      metadata: {inherits: vpc/defaults}\n'),
      '/components/terraform/vpc/metadata/inherits',
      'type',
      { type: 'array' },
    ],
    [
      'an unknown component metadata key',
      component('      metadata: {abstract: true}\n'),
      '/components/terraform/vpc/metadata',
      'additionalProperties',
      { additionalProperty: 'abstract' },
    ],
    [
      'metadata.labels with a non-string value',
      component('      metadata: {labels: {a: 1}}\n'),
      '/components/terraform/vpc/metadata/labels/a',
      'type',
      {},
    ],
    ['import as a number', 'import: 42\n', '/import', 'type', { type: 'array' }],
    [
      'an import object without path',
      'import:\n  - context: {a: 1}\n',
      '/import/0',
      'required',
      { missingProperty: 'path' },
    ],
    [
      'an import object with an unknown key',
      'import:\n  - {path: a, skip_missing: true}\n',
      '/import/0',
      'additionalProperties',
      { additionalProperty: 'skip_missing' },
    ],
    ['an empty import path', 'import: [""]\n', '/import/0', 'minLength', {}],
    [
      'stack-level metadata.component',
      'metadata:\n  component: vpc\n',
      '/metadata',
      'additionalProperties',
      { additionalProperty: 'component' },
    ],
    ['backend_type: s4', 'terraform:\n  backend_type: s4\n', '/terraform/backend_type', 'enum', {}],
    [
      'a backend without its type level',
      component('      backend:\n        bucket: b\n'),
      '/components/terraform/vpc/backend',
      'additionalProperties',
      { additionalProperty: 'bucket' },
    ],
    [
      'an unknown key under terraform:',
      'terraform:\n  metadata: {}\n',
      '/terraform',
      'additionalProperties',
      { additionalProperty: 'metadata' },
    ],
    [
      'an unknown overrides key',
      'overrides:\n  backend: {}\n',
      '/overrides',
      'additionalProperties',
      { additionalProperty: 'backend' },
    ],
    [
      'command as a map',
      component('      command: {bin: tofu}\n'),
      '/components/terraform/vpc/command',
      'type',
      {},
    ],
    [
      'a component name with @',
      'components:\n  terraform:\n    vpc@1: {}\n',
      '/components/terraform',
      'pattern',
      {},
    ],
    [
      'a component that is not a map',
      component('      - a\n'),
      '/components/terraform/vpc',
      'type',
      { type: 'object' },
    ],
    [
      'an invalid list_merge_strategy',
      'settings:\n  list_merge_strategy: deep\n',
      '/settings/list_merge_strategy',
      'enum',
      {},
    ],
    [
      'an invalid validation schema_type',
      'settings:\n  validation:\n    v: {schema_type: cue}\n',
      '/settings/validation/v/schema_type',
      'enum',
      {},
    ],
    ['name as a number', 'name: 1\n', '/name', 'type', {}],
  ])('%s', (_name, text, instancePath, keyword, params) => {
    const errors = errorsOf(validate, yaml(text));
    expect(errors, show(errors).join('\n')).toContainEqual(
      expect.objectContaining({ instancePath, keyword, params: expect.objectContaining(params) }),
    );
  });
});
