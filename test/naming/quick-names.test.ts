import { describe, expect, it } from 'vitest';
import { describeStacks } from '../../src/describe/describe-stacks.js';
import { UserError } from '../../src/diagnostics/errors.js';
import { listStacks } from '../../src/services/list.js';
import type { Tree } from '../helpers/memory-project.js';
import { memoryProject } from '../helpers/memory-project.js';

// `list stacks` names most manifests from their stack-level vars, without composing components; it
// must list exactly the stacks `describe stacks` prints, and fail where it fails.
const pattern =
  'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  excluded_paths: ["**/_defaults.yaml"]\n  name_pattern: "{tenant}-{stage}"\n';
const template = pattern.replace(
  'name_pattern: "{tenant}-{stage}"',
  'name_template: "{{ .vars.tenant }}_{{ .vars.stage }}"',
);
const richTemplate = pattern.replace(
  'name_pattern: "{tenant}-{stage}"',
  'name_template: "{{ .vars.tenant | upper }}-{{ .settings.x }}"',
);

const tree = (config: string, files: Tree): Tree => ({ 'atmos.yaml': config, ...files });
const described = (t: Tree) => Object.keys(describeStacks(memoryProject(t).set, {})).sort();

const org: Tree = {
  'stacks/orgs/_defaults.yaml': 'vars: {tenant: plat}\nsettings: {x: s}\n',
  'stacks/catalog/vpc.yaml':
    'components:\n  terraform:\n    vpc-base: {metadata: {type: abstract}, vars: {cidr: 10.0.0.0/16}}\n    vpc: {metadata: {inherits: [vpc-base]}}\n',
  'stacks/orgs/dev.yaml': 'import: [orgs/_defaults, catalog/vpc]\nvars: {stage: dev}\n',
  'stacks/orgs/prod.yaml':
    'import: [orgs/_defaults, catalog/vpc]\nvars: {stage: prod}\nterraform: {vars: {stage: prod2}}\n',
  'stacks/orgs/empty.yaml': 'import: [orgs/_defaults]\nvars: {stage: none}\n',
};

describe('list stacks without composing components', () => {
  it.each([
    ['name_pattern', pattern, org],
    ['a name_template of vars only', template, org],
    ['a richer name_template (everything composed)', richTemplate, org],
    [
      'a component that sets a naming var (that manifest composed)',
      pattern,
      {
        ...org,
        'stacks/orgs/qa.yaml':
          'import: [orgs/_defaults]\nvars: {stage: qa}\ncomponents:\n  terraform:\n    a: {vars: {stage: other}}\n    b: {}\n',
      },
    ],
    [
      'a base that sets a naming var',
      pattern,
      {
        ...org,
        'stacks/catalog/vpc.yaml':
          'components:\n  terraform:\n    vpc-base: {vars: {tenant: core}}\n    vpc: {metadata: {inherits: [vpc-base]}}\n',
      },
    ],
    [
      'file-level overrides that set a naming var',
      pattern,
      {
        ...org,
        'stacks/orgs/qa.yaml':
          'import: [orgs/_defaults, catalog/vpc]\nvars: {stage: qa}\nterraform:\n  overrides:\n    vars: {stage: over}\n',
      },
    ],
    [
      'a stack the pattern cannot name (listed by its file)',
      pattern,
      { ...org, 'stacks/orgs/bare.yaml': 'components:\n  terraform:\n    x: {}\n' },
    ],
    [
      'a manifest name',
      pattern,
      { ...org, 'stacks/orgs/named.yaml': 'name: my-stack\nimport: [catalog/vpc]\n' },
    ],
  ])('%s: the same stacks as describe stacks', (_label, config, files) => {
    const t = tree(config, files);
    expect(listStacks(memoryProject(t))).toEqual(described(t));
  });

  it('lists the stacks that define a component', () => {
    const t = tree(pattern, {
      ...org,
      'stacks/orgs/qa.yaml':
        'import: [orgs/_defaults]\nvars: {stage: qa}\ncomponents:\n  terraform:\n    db: {}\n',
    });
    expect(listStacks(memoryProject(t), 'db')).toEqual(['plat-qa']);
    expect(listStacks(memoryProject(t), 'vpc')).toEqual(['plat-dev', 'plat-prod2']);
  });

  it('still reports a base component that does not exist', () => {
    const t = tree(pattern, {
      ...org,
      'stacks/orgs/qa.yaml':
        'import: [orgs/_defaults]\nvars: {stage: qa}\ncomponents:\n  terraform:\n    a: {metadata: {inherits: [missing]}}\n',
    });
    expect(() => listStacks(memoryProject(t))).toThrow(UserError);
  });
});
