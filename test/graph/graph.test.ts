import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/diagnostics/errors.js';
import { openProject } from '../../src/services/project.js';
import { describeDependents, projectGraph, renderGraph } from '../../src/services/graph.js';
import { topologicalOrder } from '../../src/graph/build-graph.js';
import { atmosYaml, memoryProject } from '../helpers/memory-project.js';
import { testdir } from '../helpers/testdir.js';

const config = atmosYaml().replace('stacks:\n', 'stacks:\n  name_pattern: "{tenant}-{stage}"\n');
const stack = (tenant: string, stage: string, components: string) =>
  `vars: {tenant: ${tenant}, stage: ${stage}}\ncomponents:\n  terraform:\n${components}`;

describe('dependency graph', () => {
  const tree = {
    'atmos.yaml': config,
    'stacks/orgs/net-prod.yaml': stack('net', 'prod', '    tgw: {}\n'),
    'stacks/orgs/plat-dev.yaml': stack(
      'plat',
      'dev',
      `    vpc:
      settings:
        depends_on:
          1: {component: tgw, tenant: net, stage: prod}
    eks:
      settings:
        depends_on:
          1: {component: vpc}
    app:
      dependencies:
        components:
          - name: eks
          - name: tgw
            stack: "net-{{ .vars.stage | replace \\"dev\\" \\"prod\\" }}"
    base:
      metadata: {type: abstract}
      settings: {depends_on: {1: {component: vpc}}}
`,
    ),
  };

  it('reads settings.depends_on (same stack, or by context fields) and dependencies.components (with templated stacks)', () => {
    const { graph } = projectGraph(memoryProject(tree));
    expect(Object.fromEntries(graph.dependsOn)).toEqual({
      'net-prod/tgw': [],
      'plat-dev/app': ['net-prod/tgw', 'plat-dev/eks'],
      'plat-dev/eks': ['plat-dev/vpc'],
      'plat-dev/vpc': ['net-prod/tgw'],
    });
    expect(topologicalOrder(graph)).toEqual(['net-prod/tgw', 'plat-dev/vpc', 'plat-dev/eks', 'plat-dev/app']);
  });

  it('describes dependents recursively, sorted by stack_slug, skipping abstract components', () => {
    const out = describeDependents(memoryProject(tree), 'vpc', 'plat-dev');
    expect(out.map((d) => d['stack_slug'])).toEqual(['plat-dev-eks']);
    expect((out[0]!['dependents'] as Record<string, unknown>[]).map((d) => d['stack_slug'])).toEqual([
      'plat-dev-app',
    ]);
    expect(out[0]).toMatchObject({
      component: 'eks',
      component_type: 'terraform',
      component_path: 'components/terraform/eks',
      tenant: 'plat',
      stage: 'dev',
      stack: 'plat-dev',
    });
  });

  it('prints the graph as dot and mermaid', () => {
    expect(renderGraph(memoryProject(tree), 'dot')).toContain('"plat-dev/vpc" -> "plat-dev/eks";');
    expect(renderGraph(memoryProject(tree), 'mermaid')).toMatch(/graph LR\n/);
  });

  it('reports a cycle with its chain', () => {
    const cyclic = {
      'atmos.yaml': config,
      'stacks/orgs/a.yaml': stack(
        'a',
        'x',
        '    one: {settings: {depends_on: {1: {component: two}}}}\n    two: {dependencies: {components: [{name: one}]}}\n',
      ),
    };
    try {
      projectGraph(memoryProject(cyclic));
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).diagnostics[0]).toMatchObject({
        code: 'dependency-cycle',
        message: 'dependency cycle: a-x/one -> a-x/two -> a-x/one',
      });
    }
  });

  it('adds the components a !terraform.output or !terraform.state reads', () => {
    const dir = testdir({
      'atmos.yaml': config,
      'stacks/orgs/plat-dev.yaml': stack(
        'plat',
        'dev',
        '    vpc: {}\n    app:\n      vars:\n        vpc_id: !terraform.output vpc vpc_id\n        subnet: !terraform.state tgw net-prod id\n',
      ),
      'stacks/orgs/net-prod.yaml': stack('net', 'prod', '    tgw: {}\n'),
    });
    const { graph } = projectGraph(openProject({ cwd: dir, env: {} }));
    expect(graph.dependsOn.get('plat-dev/app')).toEqual(['net-prod/tgw', 'plat-dev/vpc']);
  });
});

describe('dependencies on instances that do not exist', () => {
  it.each([
    [
      'a missing component in the same stack',
      '    app:\n      settings:\n        depends_on:\n          1: {component: vcp}\n',
      "'app' in stack 'plat-dev' depends on 'vcp' in stack 'plat-dev', which does not exist",
      7,
    ],
    [
      'a missing stack',
      '    app:\n      dependencies:\n        components:\n          - name: tgw\n            stack: net-staging\n',
      "'app' in stack 'plat-dev' depends on 'tgw' in stack 'net-staging', which does not exist",
      7,
    ],
  ])('reports %s at the line that declares it', (_name, components, message, line) => {
    const t = {
      'atmos.yaml': config,
      'stacks/orgs/net-prod.yaml': stack('net', 'prod', '    tgw: {}\n'),
      'stacks/orgs/plat-dev.yaml': stack('plat', 'dev', components),
    };
    try {
      projectGraph(memoryProject(t));
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).diagnostics[0]).toMatchObject({
        code: 'dependency-missing',
        message,
        file: 'stacks/orgs/plat-dev.yaml',
        position: { line },
      });
    }
  });
});
