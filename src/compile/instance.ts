import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import type { Deferred } from '../evaluate/evaluate-section.js';
import { evaluateSection } from '../evaluate/evaluate-section.js';
import type { DeferredMerge } from '../merge/deferred-merge.js';
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
  /** The final section: Phase B, then templates and YAML functions (Phase C) when the set evaluates. */
  readonly section: ValueMap;
  readonly stackName: StackNameResult;
  /** Values that need the outside world (`!terraform.output`...), kept as placeholders. */
  readonly deferred: readonly Deferred[];
  /** Instances its `!terraform.output`/`!terraform.state` values read (graph dependencies). */
  readonly references: readonly { component: string; stack: string }[];
}

/**
 * Builds an instance from a Phase B section: names it, then runs Phase C (templates and YAML functions)
 * when the compile context has an evaluation host. Evaluation problems are reported at the line that
 * wrote the value.
 */
export function makeInstance(
  set: StackSet,
  manifest: StackManifest,
  type: string,
  component: string,
  section: ValueMap,
  stackName: StackNameResult,
  deferredMerges: readonly DeferredMerge[] = [],
): Instance {
  const base: Instance = { manifest, type, component, section, stackName, deferred: [], references: [] };
  const host = set.context.evaluate;
  if (!host) return base;
  const stack = stackName.ok ? stackName.name : manifest.stackFile;
  const ws = type === 'terraform' ? workspaceFor(set, base) : undefined;
  const meta: ValueMap = {
    atmos_component: component,
    atmos_stack: stack,
    stack,
    atmos_stack_file: manifest.stackFile,
    atmos_manifest: manifest.stackFile,
    ...(ws?.ok ? { workspace: ws.workspace } : {}),
  };
  const templates = templateSettings(set.context.cli.raw as ValueMap);
  const result = evaluateSection(
    section,
    { ...templates, stack, meta, deferredMerges, listMergeStrategy: set.context.cli.listMergeStrategy },
    host,
  );
  for (const p of result.problems) set.reportAtSection(manifest, type, component, p.path, p.message, p.hint);
  return { ...base, section: result.section, deferred: result.deferred, references: result.references };
}

function templateSettings(raw: ValueMap): { templatesEnabled: boolean; evaluations: number } {
  const t =
    isMap(raw['templates']) && isMap(raw['templates']['settings']) ? raw['templates']['settings'] : {};
  const evaluations = typeof t['evaluations'] === 'number' ? t['evaluations'] : 1;
  return { templatesEnabled: t['enabled'] === true, evaluations };
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
        yield makeInstance(
          set,
          manifest,
          type,
          component,
          composed.section,
          nameOf(set, manifest, composed.section),
          composed.deferredMerges,
        );
      }
    }
  }
}
