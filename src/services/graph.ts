import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import type { Instance } from '../compile/instance.js';
import { allInstances } from '../compile/instance.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import type { DependencyGraph } from '../graph/build-graph.js';
import { buildGraph } from '../graph/build-graph.js';
import type { GraphNode } from '../graph/dependencies.js';
import { nodeId } from '../graph/dependencies.js';
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { contextFromVars } from '../naming/context.js';
import { baseComponentOf } from '../naming/workspace.js';
import { componentPath } from '../describe/component-path.js';
import { failOnErrors } from './describe.js';
import type { Project } from './project.js';

/** The organisation's dependency graph over real, enabled instances; a cycle is an error naming it. */
export function projectGraph(project: Project): { graph: DependencyGraph; instances: Map<string, Instance> } {
  const instances = new Map<string, Instance>();
  const nodes: GraphNode[] = [];
  for (const i of allInstances(project.set, COMPONENT_TYPES)) {
    const metadata = isMap(i.section['metadata']) ? i.section['metadata'] : {};
    if (metadata['type'] === 'abstract' || metadata['enabled'] === false) continue;
    const stack = i.stackName.ok ? i.stackName.name : i.manifest.stackFile;
    const id = nodeId(stack, i.component);
    if (instances.has(id)) continue;
    instances.set(id, i);
    nodes.push({
      id,
      stack,
      component: i.component,
      type: i.type,
      section: i.section,
      functionRefs: i.references,
    });
  }
  failOnErrors(project.set.diagnostics);
  const graph = buildGraph(nodes);
  if (graph.missing.length > 0) {
    throw new UserError(
      graph.missing.map(({ from, ref }) => {
        const i = instances.get(from)!;
        return error(
          'dependency-missing',
          `'${i.component}' in stack '${graph.nodes.get(from)!.stack}' depends on '${ref.component}' in stack '${ref.stack}', which does not exist`,
          {
            ...project.set.locateInSection(i.manifest, i.type, i.component, ref.at),
            hint: "fix the component or stack name ('strata list instances' shows them), or remove the dependency",
          },
        );
      }),
    );
  }
  if (graph.cycles.length > 0) {
    throw new UserError(
      graph.cycles.map((c) =>
        error('dependency-cycle', `dependency cycle: ${c.join(' -> ')}`, {
          hint: 'remove one of these dependencies (settings.depends_on, dependencies.components or a !terraform.output)',
        }),
      ),
    );
  }
  return { graph, instances };
}

/** `describe dependents` (spec §11.3): the instances that depend on one, recursively, sorted by stack_slug. */
export function describeDependents(project: Project, component: string, stack: string): ValueMap[] {
  const { graph } = projectGraph(project);
  const id = nodeId(stack, component);
  if (!graph.nodes.has(id)) {
    throw new UserError([
      error('component-not-found', `could not find the component '${component}' in the stack '${stack}'`, {
        hint: "run 'strata list instances' to see every instance",
      }),
    ]);
  }
  const item = (dep: string, seen: Set<string>): ValueMap => {
    const node = graph.nodes.get(dep)!;
    const ctx = contextFromVars(node.section['vars']);
    const children = seen.has(dep)
      ? []
      : (graph.dependents.get(dep) ?? []).map((d) => item(d, new Set([...seen, dep])));
    return {
      component: node.component,
      component_type: node.type,
      component_path: componentPath(project.cli, node.type, baseComponentOf(node.component, node.section)),
      namespace: ctx.namespace,
      tenant: ctx.tenant,
      environment: ctx.environment,
      stage: ctx.stage,
      stack: node.stack,
      stack_slug: `${node.stack}-${node.component}`.split('/').join('-'),
      dependents: children,
      included_in_dependents: false,
    };
  };
  return (graph.dependents.get(id) ?? [])
    .map((d) => item(d, new Set([id])))
    .sort((a, b) => ((a['stack_slug'] as string) < (b['stack_slug'] as string) ? -1 : 1));
}

export type GraphFormat = 'json' | 'dot' | 'mermaid';

/** `describe graph`: every instance and dependency edge, as JSON, Graphviz dot or Mermaid. */
export function renderGraph(project: Project, format: GraphFormat): string {
  const { graph } = projectGraph(project);
  const ids = [...graph.nodes.keys()].sort();
  const edges = ids.flatMap((from) => (graph.dependsOn.get(from) ?? []).map((to) => ({ from, to })));
  if (format === 'json') {
    return `${JSON.stringify({ nodes: ids.map((id) => ({ id, stack: graph.nodes.get(id)!.stack, component: graph.nodes.get(id)!.component })), edges }, null, 2)}\n`;
  }
  if (format === 'dot') {
    const q = (s: string) => JSON.stringify(s);
    return `digraph strata {\n  rankdir=LR;\n${ids.map((id) => `  ${q(id)};`).join('\n')}\n${edges.map((e) => `  ${q(e.to)} -> ${q(e.from)};`).join('\n')}\n}\n`;
  }
  const key = new Map(ids.map((id, i) => [id, `n${i}`]));
  return `graph LR\n${ids.map((id) => `  ${key.get(id)}["${id}"]`).join('\n')}\n${edges.map((e) => `  ${key.get(e.to)} --> ${key.get(e.from)}`).join('\n')}\n`;
}
