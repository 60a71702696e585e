// Synthetic organisations for `npm run bench`: org → tenants → stages → regions, a catalog with abstract
// bases and 3-level inheritance, `_defaults.yaml` at every level (import chains 4–6 deep).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PRESETS = {
  small: { tenants: 2, stages: 5, regions: 2, components: 10 }, // 20 stacks, 200 instances
  medium: { tenants: 5, stages: 10, regions: 4, components: 20 }, // 200 stacks, 4,000 instances
  large: { tenants: 10, stages: 20, regions: 10, components: 40 }, // 2,000 stacks, 80,000 instances
};

export function generate(root, { tenants, stages, regions, components }) {
  const w = (file, text) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  w(
    'atmos.yaml',
    [
      'base_path: "."',
      'stacks:',
      '  base_path: stacks',
      '  included_paths: ["orgs/**/*"]',
      '  excluded_paths: ["**/_defaults.yaml"]',
      '  name_pattern: "{tenant}-{environment}-{stage}"',
      'components:',
      '  terraform:',
      '    base_path: components/terraform',
      '',
    ].join('\n'),
  );
  for (let c = 0; c < components; c++) {
    w(
      `components/terraform/c${c}/main.tf`,
      `variable "name" {\n  type    = string\n  default = "c${c}"\n}\n`,
    );
    w(
      `stacks/catalog/c${c}/defaults.yaml`,
      `components:\n  terraform:\n    c${c}/defaults:\n      metadata: {type: abstract, component: c${c}}\n      vars:\n        size: ${c}\n        tags: {Component: c${c}}\n        zones: [a, b, c]\n`,
    );
    w(
      `stacks/catalog/c${c}/base.yaml`,
      `import: [catalog/c${c}/defaults]\ncomponents:\n  terraform:\n    c${c}/base:\n      metadata: {type: abstract, inherits: [c${c}/defaults]}\n      vars:\n        enabled: true\n        nested: {a: {b: {c: ${c}}}}\n`,
    );
    w(
      `stacks/catalog/c${c}/main.yaml`,
      `import: [catalog/c${c}/base]\ncomponents:\n  terraform:\n    c${c}:\n      metadata: {component: c${c}, inherits: [c${c}/base]}\n      vars: {name: c${c}}\n${c > 0 ? `      settings: {depends_on: {1: {component: c${c - 1}}}}\n` : ''}`,
    );
  }
  w(
    'stacks/orgs/acme/_defaults.yaml',
    'vars:\n  namespace: acme\n  tags: {Org: acme}\nterraform:\n  backend_type: s3\n  backend: {s3: {bucket: acme-tfstate, region: us-east-1}}\n',
  );
  for (let t = 0; t < tenants; t++) {
    w(
      `stacks/orgs/acme/t${t}/_defaults.yaml`,
      `import: [orgs/acme/_defaults]\nvars:\n  tenant: t${t}\n  tags: {Tenant: t${t}}\n`,
    );
    for (let s = 0; s < stages; s++) {
      w(
        `stacks/orgs/acme/t${t}/s${s}/_defaults.yaml`,
        `import: [orgs/acme/t${t}/_defaults]\nvars:\n  stage: s${s}\n`,
      );
      for (let r = 0; r < regions; r++) {
        const imports = Array.from({ length: components }, (_, c) => `  - catalog/c${c}/main`).join('\n');
        w(
          `stacks/orgs/acme/t${t}/s${s}/r${r}.yaml`,
          `import:\n  - ./_defaults\n${imports}\nvars:\n  environment: r${r}\n  region: region-${r}\ncomponents:\n  terraform:\n    c0:\n      vars: {override: ${r}}\n`,
        );
      }
    }
  }
}
