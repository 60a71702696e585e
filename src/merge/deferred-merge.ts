import type { Value } from '../model/value.js';
import { isMap } from '../model/value.js';

/** Functions whose values merge after they are evaluated (spec §13.1). */
const DEFERRED_TAGS = [
  '!template',
  '!terraform.output',
  '!terraform.state',
  '!store',
  '!store.get',
  '!exec',
  '!env',
  '!labels',
  '!labels.keys',
  '!labels.values',
  '!tags',
];

export function isDeferredFunction(v: unknown): boolean {
  if (typeof v !== 'string' || !v.startsWith('!')) return false;
  const tag = v.split(/\s/, 1)[0]!;
  return DEFERRED_TAGS.includes(tag);
}

/** A path of a component section where some layer holds a deferred function: every layer's value there. */
export interface DeferredMerge {
  readonly section: string;
  readonly path: readonly string[];
  /** Lowest layer first. */
  readonly values: readonly Value[];
}

/**
 * Finds the paths where a layer of a section holds a deferred YAML function, and records the value
 * every layer has there, in layer order. After the functions are evaluated, Phase C merges those
 * values again with the normal rules, so a function's map result deep-merges with a concrete map of
 * another layer instead of replacing it (or being replaced).
 */
export function deferredMerges(section: string, layers: readonly unknown[]): DeferredMerge[] {
  const paths = new Map<string, string[]>();
  // One path array, pushed and popped: this walks every layer of every section of every instance,
  // and almost never finds anything.
  const path: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.charCodeAt(0) === 33 /* ! */ && isDeferredFunction(v)) paths.set(path.join('\u0000'), [...path]);
    } else if (isMap(v)) {
      for (const k of Object.keys(v)) {
        path.push(k);
        walk(v[k]);
        path.pop();
      }
    }
  };
  for (const l of layers) walk(l);
  const out: DeferredMerge[] = [];
  for (const path of paths.values()) {
    if (path.length === 0) continue;
    const values: Value[] = [];
    for (const layer of layers) {
      let cur: unknown = layer;
      for (const k of path) cur = isMap(cur) ? (cur as Record<string, unknown>)[k] : undefined;
      if (cur !== undefined) values.push(cur as Value);
    }
    if (values.length > 1) out.push({ section, path, values });
  }
  return out;
}
