import type { DependencyRef, GraphNode } from './dependencies.js';
import { dependenciesOf, nodeId } from './dependencies.js';
import { contextFromVars } from '../naming/context.js';

export interface DependencyGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** id → the ids it depends on (that exist). */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** id → the ids that depend on it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** Declared dependencies on instances that do not exist. */
  readonly missing: readonly { from: string; ref: DependencyRef }[];
  /** Every cycle found, as a list of ids ending where it started. */
  readonly cycles: readonly string[][];
}

/** The dependency graph across stacks (spec §11), with missing targets and cycles reported. */
export function buildGraph(nodes: readonly GraphNode[]): DependencyGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const stacksByContext = new Map<string, Set<string>>();
  for (const n of nodes) {
    const c = contextFromVars(n.section['vars']);
    const key = [c.namespace, c.tenant, c.environment, c.stage].join('\u0000');
    (stacksByContext.get(key) ?? stacksByContext.set(key, new Set()).get(key)!).add(n.stack);
  }
  const stackOfContext = (ctx: Record<string, string>) =>
    [
      ...(stacksByContext.get(
        [ctx['namespace'], ctx['tenant'], ctx['environment'], ctx['stage']].join('\u0000'),
      ) ?? []),
    ].sort();
  const dependsOn = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  const missing: { from: string; ref: DependencyRef }[] = [];
  for (const n of [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const targets: string[] = [];
    for (const ref of dependenciesOf(n, stackOfContext)) {
      const id = nodeId(ref.stack, ref.component);
      if (id === n.id) continue;
      if (!byId.has(id)) {
        missing.push({ from: n.id, ref });
        continue;
      }
      targets.push(id);
      dependents.set(id, [...(dependents.get(id) ?? []), n.id]);
    }
    dependsOn.set(n.id, targets.sort());
  }
  for (const [k, v] of dependents) dependents.set(k, [...new Set(v)].sort());
  return { nodes: byId, dependsOn, dependents, missing, cycles: findCycles(dependsOn) };
}

function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) if (!state.has(id)) visit(id);
  return cycles;
}

/** Dependency order (dependencies first); ties in id order. Assumes no cycle. */
export function topologicalOrder(
  graph: DependencyGraph,
  ids: Iterable<string> = graph.nodes.keys(),
): string[] {
  const wanted = new Set(ids);
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (id: string, path: Set<string>) => {
    if (done.has(id) || path.has(id)) return;
    path.add(id);
    for (const d of graph.dependsOn.get(id) ?? []) if (wanted.has(d)) visit(d, path);
    path.delete(id);
    done.add(id);
    out.push(id);
  };
  for (const id of [...wanted].sort()) visit(id, new Set());
  return out;
}
