import type { Value, ValueMap } from '../model/value.js';
import { setKey } from '../model/value.js';
import type { StackSet } from '../compile/stack-set.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import type { Instance } from '../compile/instance.js';
import { allInstances, peekSection, workspaceFor } from '../compile/instance.js';
import { baseComponentOf } from '../naming/workspace.js';
import { componentPath } from './component-path.js';
import { error } from '../diagnostics/diagnostic.js';

export interface DescribeStacksOptions {
  readonly stack?: string;
  readonly components?: readonly string[];
  readonly componentTypes?: readonly string[];
  readonly sections?: readonly string[];
  readonly includeEmptyStacks?: boolean;
}

/** `describe stacks` (spec §11.1): `{<stack>: {components: {<type>: {<name>: {...}}}}}`. */
export function describeStacks(set: StackSet, options: DescribeStacksOptions = {}): Record<string, ValueMap> {
  const entries = describeStacksLazily(set, options);
  return Object.fromEntries(entries.names.map((name) => [name, entries.take(name)]));
}

/**
 * `describe stacks`, one stack at a time: the stack names are known first (only instance names are
 * read, so problems are reported before anything is printed), and each stack's sections are built when
 * it is taken, then dropped, so the whole organisation never has to be held as one value.
 */
export interface StackEntries {
  /** The stacks, in the order their first instance was found. */
  readonly names: readonly string[];
  /** A stack's `{components: ...}`; each name can be taken once. */
  take(name: string): ValueMap;
}

export function describeStacksLazily(set: StackSet, options: DescribeStacksOptions = {}): StackEntries {
  const groups = new Map<string, Instance[]>();
  forEachListed(set, options, (instance, stackName) => {
    let group = groups.get(stackName);
    if (!group) groups.set(stackName, (group = []));
    group.push(instance);
  });
  return {
    names: [...groups.keys()],
    take(name) {
      const byType: Record<string, Record<string, ValueMap>> = {};
      for (const instance of groups.get(name) ?? []) {
        const components = (byType[instance.type] ??= {});
        // Several manifests may define one component for one stack: the first in walk order wins
        // (Atmos leaves this to chance; `validate stacks` and terraform runs report differing copies).
        if (instance.component in components) continue;
        components[instance.component] = describedInstance(set, instance, name, options);
      }
      groups.delete(name);
      return { components: byType };
    },
  };
}

/**
 * Every instance `describe stacks` lists with these options (of `files`, a part of the manifests),
 * with its listed stack name, in walk order.
 */
export function forEachListed(
  set: StackSet,
  options: DescribeStacksOptions,
  visit: (instance: Instance, stackName: string) => void,
  files: Iterable<string> = set.stackFiles,
): void {
  const types = options.componentTypes?.length ? options.componentTypes : COMPONENT_TYPES;
  for (const file of files) {
    for (const instance of allInstances(set, types, [file])) {
      const stackName = listedStackName(set, instance);
      if (stackName === undefined) continue;
      if (options.stack && options.stack !== stackName && options.stack !== instance.manifest.stackFile)
        continue;
      if (options.components?.length && !matchesComponents(instance, options.components)) continue;
      visit(instance, stackName);
    }
    // Its instances are compiled: the stack's merged configuration is not needed any more.
    set.release(file);
  }
}

/** One instance as `describe stacks` prints it under `stackName` (with the `atmos_*` keys; sections picked). */
export function describedInstance(
  set: StackSet,
  instance: Instance,
  stackName: string,
  options: DescribeStacksOptions,
): ValueMap {
  return pickSections(describeInstance(set, instance, stackName), options.sections);
}

/**
 * The name an instance is listed under: its stack name, or its stack file when a name_pattern cannot
 * name it. A name_template that fails is an error (Atmos renders it with missingkey=error here; only
 * name_pattern falls back), reported, and the instance is left out.
 */
export function listedStackName(set: StackSet, instance: Instance): string | undefined {
  if (instance.stackName.ok) return instance.stackName.name;
  if (instance.stackName.from !== 'template') return instance.manifest.stackFile;
  set.report(
    error('stack-name-unresolved', `stack cannot be named: ${instance.stackName.message}`, {
      file: set.context.display(instance.manifest.file),
      hint: instance.stackName.hint,
    }),
  );
  return undefined;
}

function matchesComponents(instance: Instance, wanted: readonly string[]): boolean {
  if (wanted.includes(instance.component)) return true;
  // The folder from the small sections a cached instance keeps: its section is not read.
  const folder = peekSection(instance, 'component');
  return typeof folder === 'string' && wanted.includes(folder);
}

function describeInstance(set: StackSet, instance: Instance, stackName: string): ValueMap {
  const extra: Record<string, Value> = {
    atmos_component: instance.component,
    atmos_manifest: instance.manifest.stackFile,
    atmos_stack: stackName,
    atmos_stack_file: instance.manifest.stackFile,
    component_info: {
      component_path: componentPath(
        set.context.cli,
        instance.type,
        baseComponentOf(instance.component, instance.section),
      ),
      component_type: instance.type,
    },
    stack: stackName,
  };
  if (instance.type === 'terraform') {
    const ws = workspaceFor(set, instance, true);
    if (ws.ok) extra['workspace'] = ws.workspace;
  }
  return withSortedKeys(instance.section, extra);
}

/**
 * `{...section, ...extra}` with its keys in sorted order, built in that order: sections are stored
 * key-sorted, so the output needs no further copy to be printed sorted (model/sort-keys.ts).
 */
function withSortedKeys(section: ValueMap, extra: Readonly<Record<string, Value>>): ValueMap {
  // Both key lists are sorted: merged in one pass (extra wins a tie). Should either be out of order,
  // the printer's sortKeys still sorts the result; this only makes its fast path the usual one.
  const a = Object.keys(section);
  const b = Object.keys(extra).sort();
  const out: Record<string, Value> = {};
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      setKey(out, a[i]!, section[a[i]!]!);
      i++;
    } else {
      if (i < a.length && a[i] === b[j]) i++;
      setKey(out, b[j]!, extra[b[j]!]!);
      j++;
    }
  }
  return out;
}

function pickSections(component: ValueMap, sections: readonly string[] | undefined): ValueMap {
  if (!sections?.length) return component;
  return Object.fromEntries(Object.entries(component).filter(([k]) => sections.includes(k)));
}
