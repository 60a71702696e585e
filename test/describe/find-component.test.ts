import { describe, expect, it } from 'vitest';
import { byNameLikeness } from '../../src/describe/find-component.js';
import { describeComponentService } from '../../src/services/describe.js';
import { component, failure, runInstance } from '../helpers/describe.js';
import type { Tree } from '../helpers/memory-project.js';
import { atmosYaml, memoryProject } from '../helpers/memory-project.js';

// `describe component -s <stack>` looks for the stack among the manifests whose paths look like its
// name first, and stops at the first manifest that defines the component for it.

const naming = (pattern: string) =>
  atmosYaml().replace('stacks:\n', `stacks:\n  name_pattern: "${pattern}"\n`);
const config = naming('{tenant}-{environment}-{stage}');

/** A layered organisation: tenants × stages × regions, each stack importing its defaults and the catalog. */
function organisation(): Tree {
  const tree: Tree = {
    'atmos.yaml': config,
    'stacks/catalog/vpc.yaml': 'components:\n  terraform:\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n',
    'stacks/catalog/app.yaml': 'components:\n  terraform:\n    app: {vars: {size: 1}}\n',
  };
  for (const tenant of ['core', 'plat'])
    for (const stage of ['dev', 'prod']) {
      tree[`stacks/orgs/${tenant}/${stage}/_defaults.yaml`] = `vars: {tenant: ${tenant}, stage: ${stage}}\n`;
      for (const [region, env] of [
        ['us-east-1', 'ue1'],
        ['us-west-2', 'uw2'],
      ])
        tree[`stacks/orgs/${tenant}/${stage}/${region}.yaml`] =
          `import: [./_defaults, catalog/vpc, catalog/app]\nvars: {environment: ${env}, region: ${region}}\n`;
    }
  return tree;
}

describe('byNameLikeness', () => {
  const files = [
    'orgs/a/dev/ue1.yaml',
    'orgs/b/prod/ue1.yaml',
    'orgs/b/dev/us-east-1.yaml',
    'orgs/b/dev/us-west-2.yaml',
    'orgs/b/dev/ue1.yaml',
  ];
  it.each([
    { stack: 'b-ue1-dev', first: ['orgs/b/dev/us-east-1.yaml', 'orgs/b/dev/ue1.yaml'] },
    { stack: 'a-ue1-dev', first: ['orgs/a/dev/ue1.yaml'] },
    // Ties keep the listing's order.
    { stack: 'x-uw9-qa', first: files },
    // Region folders match by their initials.
    { stack: 'b-dev-uw2', first: ['orgs/b/dev/us-west-2.yaml'] },
    // A file named as the stack comes first of all.
    { stack: 'orgs/b/prod/ue1', first: ['orgs/b/prod/ue1.yaml'] },
  ])('$stack', ({ stack, first }) => {
    expect(byNameLikeness(files, stack).slice(0, first.length)).toEqual(first);
    expect([...byNameLikeness(files, stack)].sort()).toEqual([...files].sort());
  });
});

describe('describe component reads only the files its stack needs', () => {
  it('reads the stack manifest and its imports, no other stack', () => {
    const reads = new Set<string>();
    const described = describeComponentService(
      memoryProject(organisation(), 'atmos.yaml', reads),
      'vpc',
      'plat-uw2-prod',
    );
    expect(described.value['atmos_manifest']).toBe('orgs/plat/prod/us-west-2');
    expect([...reads].sort()).toEqual([
      'catalog/app.yaml',
      'catalog/vpc.yaml',
      'orgs/plat/prod/_defaults.yaml',
      'orgs/plat/prod/us-west-2.yaml',
    ]);
  });

  it('gives every instance the configuration a terraform run (which searches every manifest) uses', () => {
    const tree = organisation();
    for (const tenant of ['core', 'plat'])
      for (const env of ['ue1', 'uw2'])
        for (const stage of ['dev', 'prod']) {
          const stack = `${tenant}-${env}-${stage}`;
          expect(component(tree, 'app', stack).vars).toEqual(runInstance(tree, 'app', stack)['vars']);
        }
  });

  it('finds a stack whose manifest path says something else', () => {
    // orgs/dev.yaml names its stack prod, and orgs/prod.yaml names it dev.
    const tree: Tree = {
      'atmos.yaml': naming('{stage}'),
      'stacks/orgs/dev.yaml': 'vars: {stage: prod}\ncomponents:\n  terraform:\n    vpc: {vars: {n: 1}}\n',
      'stacks/orgs/prod.yaml': 'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {vars: {n: 2}}\n',
    };
    expect(component(tree, 'vpc', 'dev')['atmos_manifest']).toBe('orgs/prod');
    expect(component(tree, 'vpc', 'prod')['atmos_manifest']).toBe('orgs/dev');
  });

  it('still names the closest stack and component when nothing matches', () => {
    const tree = organisation();
    expect(failure(() => component(tree, 'vpc', 'plat-ue1-dve'))[0]).toMatchObject({
      code: 'stack-not-found',
      hint: expect.stringContaining("did you mean 'plat-ue1-dev'?"),
    });
    expect(failure(() => component(tree, 'vpcc', 'plat-ue1-dev'))[0]).toMatchObject({
      code: 'component-not-found',
      hint: expect.stringContaining("did you mean 'vpc'?"),
    });
  });
});
