import type { DependencyGraph } from './build-graph.js';

/**
 * Dependency waves of a selection: wave N holds the instances whose dependencies are all in earlier
 * waves. Dependencies through instances left out of the selection still count (app → eks → vpc puts
 * vpc before app even when eks is not selected). Instances sort by id within a wave. Assumes no cycle.
 */
export function waves(graph: DependencyGraph, selected: Iterable<string>): string[][] {
  const wanted = new Set(selected);
  const level = new Map<string, number>();
  const depth = (id: string, path: Set<string>): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0;
    path.add(id);
    const deps = graph.dependsOn.get(id) ?? [];
    const d = deps.length === 0 ? 0 : Math.max(...deps.map((x) => depth(x, path) + (wanted.has(x) ? 1 : 0)));
    path.delete(id);
    level.set(id, d);
    return d;
  };
  const out: string[][] = [];
  for (const id of [...wanted].sort()) {
    const d = depth(id, new Set());
    (out[d] ??= []).push(id);
  }
  return out.filter((w) => w.length > 0);
}
