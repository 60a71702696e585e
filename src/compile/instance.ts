import type { ValueMap } from '../model/value.js';
import type { StackNameResult } from '../naming/stack-name.js';
import { stackNameOf } from '../naming/stack-name.js';
import type { WorkspaceResult } from '../naming/workspace.js';
import { workspaceOf } from '../naming/workspace.js';
import type { StackManifest, StackSet } from './stack-set.js';

/** One component in one top-level manifest, with its logical stack name. */
export interface Instance {
  readonly manifest: StackManifest;
  readonly type: string;
  readonly component: string;
  readonly section: ValueMap;
  readonly stackName: StackNameResult;
}

export function nameOf(
  set: StackSet,
  manifest: StackManifest,
  section: ValueMap,
  missingKey: 'error' | 'default' = 'error',
): StackNameResult {
  return stackNameOf(
    manifest.config['name'],
    set.context.cli.stacks,
    section,
    manifest.stackFile,
    missingKey,
  );
}

/** The prefix workspaces start from: the stack name, or the stack file with `/` → `-` when it cannot be named. */
export function workspaceFor(set: StackSet, instance: Instance, describeStacks = false): WorkspaceResult {
  const prefix = instance.stackName.ok ? instance.stackName.name : instance.manifest.stackFile;
  return workspaceOf({
    prefix: prefix.split('/').join('-'),
    component: instance.component,
    section: instance.section,
    workspacesEnabled: set.context.cli.terraform.workspacesEnabled,
    describeStacks,
  });
}

/** Every instance of every top-level manifest, in manifest order then component-name order. */
export function* allInstances(set: StackSet, types: readonly string[]): Generator<Instance> {
  for (const file of set.stackFiles) {
    const manifest = set.manifest(file);
    if (!manifest) continue;
    for (const type of types) {
      for (const component of set.componentNames(manifest, type)) {
        const composed = set.compose(manifest, type, component);
        if (!composed) continue;
        yield {
          manifest,
          type,
          component,
          section: composed.section,
          stackName: nameOf(set, manifest, composed.section),
        };
      }
    }
  }
}
