import picomatch from 'picomatch';
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { describeStacks, listedStackName } from '../describe/describe-stacks.js';
import type { Instance } from '../compile/instance.js';
import { allInstances } from '../compile/instance.js';
import { manifestStackNames, namingVarKeys } from '../compile/quick-names.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import { failOnErrors } from './describe.js';
import type { Project } from './project.js';

/**
 * Sorted stack names (spec §11.4): the stacks `describe stacks` prints, without building their
 * sections (from the compile cache, only the instances' names are read). `component` keeps stacks
 * that define it.
 */
export function listStacks(project: Project, component?: string): string[] {
  const { set } = project;
  const names = new Set<string>();
  const listed = (instance: Instance) => listedStackName(set, instance);
  const keys = namingVarKeys(set.context.cli.stacks);
  if (keys) {
    // Manifests whose names need no component are not composed at all (quick-names.ts).
    for (const file of set.stackFiles)
      for (const [name, components] of manifestStackNames(set, file, keys, listed))
        if (!component || components.includes(component)) names.add(name);
  } else {
    for (const instance of allInstances(set, COMPONENT_TYPES)) {
      const name = listed(instance);
      if (name !== undefined && (!component || instance.component === component)) names.add(name);
    }
  }
  failOnErrors(set.diagnostics);
  return [...names].sort();
}

export interface ComponentRow {
  readonly component: string;
  readonly type: string;
  readonly folder: string;
  readonly abstract: boolean;
  readonly stacks: string[];
}

export type ComponentKind = 'real' | 'abstract' | 'all';

/** Unique components across stacks; `stack` may be a glob; abstract ones only on request. */
export function listComponents(
  project: Project,
  stack?: string,
  kind: ComponentKind = 'real',
): ComponentRow[] {
  const stacks = describeStacks(project.set, {});
  failOnErrors(project.set.diagnostics);
  const match = stack ? picomatch(stack) : () => true;
  const rows = new Map<string, ComponentRow>();
  for (const [stackName, described] of Object.entries(stacks)) {
    if (!match(stackName)) continue;
    for (const [type, byName] of Object.entries(componentsOf(described))) {
      for (const [name, section] of Object.entries(byName)) {
        const metadata = isMap(section['metadata']) ? section['metadata'] : {};
        const abstract = metadata['type'] === 'abstract';
        if ((kind === 'real' && abstract) || (kind === 'abstract' && !abstract)) continue;
        const key = `${type}\u0000${name}`;
        const row = rows.get(key) ?? {
          component: name,
          type,
          folder: typeof section['component'] === 'string' ? section['component'] : name,
          abstract,
          stacks: [],
        };
        row.stacks.push(stackName);
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.component < b.component ? -1 : a.component > b.component ? 1 : a.type < b.type ? -1 : 1,
  );
}

function componentsOf(stack: ValueMap): Record<string, Record<string, ValueMap>> {
  const c = stack['components'];
  return (isMap(c) ? c : {}) as unknown as Record<string, Record<string, ValueMap>>;
}

export interface InstanceRow {
  readonly stack: string;
  readonly component: string;
  readonly component_type: string;
  readonly component_path: string;
  readonly stack_slug: string;
}

/** Every real stack × component instance, in dependency-free id order; `stack` may be a glob. */
export function listInstances(
  project: Project,
  stack?: string,
  components?: readonly string[],
): InstanceRow[] {
  const stacks = describeStacks(project.set, {});
  failOnErrors(project.set.diagnostics);
  const match = stack ? picomatch(stack) : () => true;
  const rows: InstanceRow[] = [];
  for (const [stackName, described] of Object.entries(stacks)) {
    if (!match(stackName)) continue;
    for (const [type, byName] of Object.entries(componentsOf(described))) {
      for (const [name, section] of Object.entries(byName)) {
        const metadata = isMap(section['metadata']) ? section['metadata'] : {};
        if (metadata['type'] === 'abstract' || (components?.length && !components.includes(name))) continue;
        const info = isMap(section['component_info']) ? section['component_info'] : {};
        rows.push({
          stack: stackName,
          component: name,
          component_type: type,
          component_path: typeof info['component_path'] === 'string' ? info['component_path'] : '',
          stack_slug: `${stackName}-${name}`.split('/').join('-'),
        });
      }
    }
  }
  return rows.sort((a, b) => (a.stack_slug < b.stack_slug ? -1 : a.stack_slug > b.stack_slug ? 1 : 0));
}
