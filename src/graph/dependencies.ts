import type { Value, ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { contextFromVars } from '../naming/context.js';
import { renderTemplate } from '../template/index.js';

/** One component instance as the graph sees it. */
export interface GraphNode {
  /** `<stack>/<component>` (unique per type). */
  readonly id: string;
  readonly stack: string;
  readonly component: string;
  readonly type: string;
  readonly section: ValueMap;
  /** `!terraform.output` / `!terraform.state` references found while evaluating. */
  readonly functionRefs: readonly { component: string; stack: string }[];
}

export interface DependencyRef {
  readonly component: string;
  readonly stack: string;
  /** Where it was declared: settings.depends_on, dependencies.components or a YAML function. */
  readonly via: 'settings.depends_on' | 'dependencies.components' | 'function';
  /** Path of the declaration in the component section, e.g. ['settings', 'depends_on', '1']. */
  readonly at: readonly string[];
}

export function nodeId(stack: string, component: string): string {
  return `${stack}/${component}`;
}

/**
 * What one instance depends on (spec §11.3): `dependencies.components[]` (`name` or `component`,
 * optional `stack`, which may be a template), else the legacy `settings.depends_on` map (a `stack`,
 * or context fields matched against the other stacks' vars, else the same stack), plus the
 * components its `!terraform.output`/`!terraform.state` values read.
 */
export function dependenciesOf(
  node: GraphNode,
  stackOfContext: (ctx: Record<string, string>) => string[],
): DependencyRef[] {
  const out: DependencyRef[] = [];
  const deps = isMap(node.section['dependencies']) ? node.section['dependencies'] : {};
  const components = deps['components'];
  if (Array.isArray(components) && components.length > 0) {
    for (const [index, entry] of (components as readonly Value[]).entries()) {
      if (!isMap(entry)) continue;
      if (entry['kind'] === 'file' || entry['kind'] === 'folder') continue;
      const name =
        typeof entry['name'] === 'string'
          ? entry['name']
          : typeof entry['component'] === 'string'
            ? entry['component']
            : undefined;
      if (!name) continue;
      const stack = typeof entry['stack'] === 'string' ? render(entry['stack'], node.section) : node.stack;
      out.push({
        component: name,
        stack,
        via: 'dependencies.components',
        at: ['dependencies', 'components', String(index)],
      });
    }
  } else {
    const settings = isMap(node.section['settings']) ? node.section['settings'] : {};
    const legacy = settings['depends_on'];
    const entries: [string, Value][] = isMap(legacy)
      ? Object.entries(legacy)
      : Array.isArray(legacy)
        ? (legacy as readonly Value[]).map((v, i): [string, Value] => [String(i), v])
        : [];
    for (const [key, entry] of entries) {
      if (!isMap(entry) || typeof entry['component'] !== 'string') continue;
      out.push(
        ...legacyTargets(node, entry, stackOfContext).map((r) => ({
          ...r,
          at: ['settings', 'depends_on', key],
        })),
      );
    }
  }
  for (const ref of node.functionRefs) out.push({ ...ref, via: 'function', at: ['vars'] });
  return dedupe(out);
}

const CONTEXT = ['namespace', 'tenant', 'environment', 'stage'] as const;

function legacyTargets(
  node: GraphNode,
  entry: ValueMap,
  stackOfContext: (ctx: Record<string, string>) => string[],
): Omit<DependencyRef, 'at'>[] {
  const component = entry['component'] as string;
  if (typeof entry['stack'] === 'string')
    return [{ component, stack: render(entry['stack'], node.section), via: 'settings.depends_on' }];
  if (!CONTEXT.some((k) => typeof entry[k] === 'string'))
    return [{ component, stack: node.stack, via: 'settings.depends_on' }];
  const own = contextFromVars(node.section['vars']) as unknown as Record<string, string>;
  const wanted: Record<string, string> = {};
  for (const k of CONTEXT) wanted[k] = typeof entry[k] === 'string' ? entry[k] : (own[k] ?? '');
  const stacks = stackOfContext(wanted);
  // No stack has that context: keep one reference so the graph reports it as missing.
  if (stacks.length === 0)
    return [
      { component, stack: Object.values(wanted).filter(Boolean).join('-'), via: 'settings.depends_on' },
    ];
  return stacks.map((stack) => ({ component, stack, via: 'settings.depends_on' as const }));
}

function render(text: string, section: ValueMap): string {
  if (!text.includes('{{')) return text;
  const r = renderTemplate(text, section, { missingKey: 'default' });
  return r.ok ? r.output : text;
}

function dedupe(refs: DependencyRef[]): DependencyRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = nodeId(r.stack, r.component);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
