import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { Instance } from '../compile/instance.js';
import { cachedManifestInstances, makeInstance, nameOf } from '../compile/instance.js';
import type { StackSet } from '../compile/stack-set.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import { isDeepStrictEqual } from 'node:util';
import { stackFileName } from '../resolve/paths.js';

export type FindResult =
  | { readonly ok: true; readonly instance: Instance }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export interface FindOptions {
  /**
   * Look at every manifest, so that a component defined differently for the stack in two manifests
   * is an error (terraform runs). Otherwise the search stops at the first manifest that defines the
   * component for the stack, trying the manifests whose paths look like the stack name first
   * (inspection: only the files that stack needs are read; `validate stacks` reports duplicates).
   */
  readonly exhaustive?: boolean;
}

/**
 * `-s <stack>` lookup (spec §2.4): a stack-file path with `/` selects that file; otherwise the manifests
 * whose canonical name equals the given name and that define the component. Several matches with
 * different configs are an error naming every file (when every manifest is searched).
 */
export function findComponent(
  set: StackSet,
  component: string,
  stack: string,
  options: FindOptions = {},
): FindResult {
  if (!stack.includes('/')) {
    const found = options.exhaustive ? findCached(set, component, stack) : findFirst(set, component, stack);
    if (found) return { ok: true, instance: found };
  }
  const direct = stack.includes('/')
    ? set.stackFiles.filter((f) => stackFileName(f) === stack && set.manifest(f) !== undefined)
    : [];
  const files = direct.length > 0 ? direct : set.stackFiles;
  const missingKey = set.context.cli.ignoreMissingTemplateValues ? 'default' : 'error';
  const matches: Instance[] = [];
  const knownStacks = new Set<string>();
  const componentsInStack = new Set<string>();
  let renamedFrom: string | undefined;
  const unnamed: { file: string; message: string }[] = [];
  for (const file of files) {
    const manifest = set.manifest(file);
    if (!manifest) continue;
    for (const type of COMPONENT_TYPES) {
      const names = set.componentNames(manifest, type);
      if (!names.includes(component)) {
        const first = names[0];
        if (first !== undefined) {
          const section = set.compose(manifest, type, first);
          const n = section && nameOf(set, manifest, section.section, missingKey);
          if (n?.ok) {
            knownStacks.add(n.name);
            if (n.name === stack) names.forEach((c) => componentsInStack.add(c));
          }
        }
        continue;
      }
      const composed = set.compose(manifest, type, component);
      if (!composed) continue;
      // A manifest path selects that file; the instance keeps its canonical name (for the workspace).
      const canonical = nameOf(set, manifest, composed.section, missingKey);
      const name =
        direct.length > 0
          ? canonical.ok
            ? canonical
            : { ok: true as const, name: stack, source: 'file' as const }
          : canonical;
      if (!name.ok) {
        unnamed.push({
          file: set.context.display(manifest.file),
          message: `defines '${component}' but cannot be named: ${name.message}`,
        });
        continue;
      }
      knownStacks.add(name.name);
      if (name.name === stack || direct.length > 0) {
        names.forEach((c) => componentsInStack.add(c));
        matches.push(
          makeInstance(set, manifest, type, component, composed.section, name, composed.deferredMerges),
        );
      } else if (manifest.stackFile === stack) {
        renamedFrom = name.name;
      }
      break;
    }
  }
  if (matches.length === 0) {
    const missing = notFound(component, stack, knownStacks, componentsInStack, renamedFrom);
    return {
      ok: false,
      diagnostics: [...set.diagnostics, unnamed.length ? { ...missing, related: unnamed } : missing],
    };
  }
  const first = matches[0]!;
  const different = matches.filter((m) => !isDeepStrictEqual(m.section, first.section));
  if (different.length > 0) {
    return {
      ok: false,
      diagnostics: [
        error(
          'component-duplicate',
          `component '${component}' is defined differently for stack '${stack}' in more than one top-level manifest`,
          {
            file: set.context.display(first.manifest.file),
            hint: 'define the component in one of these manifests only, or make the definitions identical',
            related: matches.map((m) => ({
              file: set.context.display(m.manifest.file),
              message: 'defines it here',
            })),
          },
        ),
      ],
    };
  }
  return { ok: true, instance: first };
}

function notFound(
  component: string,
  stack: string,
  knownStacks: Set<string>,
  components: Set<string>,
  renamedFrom?: string,
): Diagnostic {
  if (renamedFrom !== undefined) {
    return error(
      'stack-not-found',
      `stack '${stack}' is a manifest file name, but that manifest names its stack '${renamedFrom}'`,
      {
        hint: `did you mean '${renamedFrom}'? (use the name the manifest declares)`,
      },
    );
  }
  if (!knownStacks.has(stack)) {
    const suggestion = closest(stack, knownStacks);
    return error('stack-not-found', `could not find the stack '${stack}'`, {
      hint: suggestion
        ? `did you mean '${suggestion}'? ('strata list stacks' shows every stack)`
        : "run 'strata list stacks' to see every stack",
    });
  }
  const suggestion = closest(component, components);
  return error('component-not-found', `could not find the component '${component}' in the stack '${stack}'`, {
    hint: suggestion
      ? `did you mean '${suggestion}'? ('strata list components -s ${stack}' shows them)`
      : `run 'strata list components -s ${stack}' to see its components`,
  });
}

/**
 * With a warm compile cache, a stack name is found from the cached names (the cache's name index, else
 * the entries' headers), and only that stack's entry is read. Undefined (the full search) when any
 * manifest is not cached, when a stack file path is given, or when several manifests define the
 * instance (the full search decides).
 */
function findCached(set: StackSet, component: string, stack: string): Instance | undefined {
  const cache = set.context.cache;
  if (!cache || stack.includes('/')) return undefined;
  let found: string | undefined;
  for (const file of set.stackFiles) {
    const instances = cache.names?.(file)?.instances ?? cachedManifestInstances(set, file);
    if (!instances) return undefined;
    if (!firstNamed(instances, component, stack)) continue;
    if (found) return undefined;
    found = file;
  }
  if (found === undefined) return undefined;
  const cached = cachedManifestInstances(set, found);
  return cached ? firstNamed(cached, component, stack) : compiledIn(set, found, component, stack);
}

/** The instance of `component` named `stack` among one manifest's, the first in component-type order. */
function firstNamed<T extends Pick<Instance, 'type' | 'component' | 'stackName'>>(
  instances: readonly T[],
  component: string,
  stack: string,
): T | undefined {
  for (const type of COMPONENT_TYPES) {
    const match = instances.find(
      (i) => i.type === type && i.component === component && i.stackName.ok && i.stackName.name === stack,
    );
    if (match) return match;
  }
  return undefined;
}

/** The instance of `component` named `stack` in one manifest, compiled (Phase A of its own imports, Phase B of the one component). */
function compiledIn(set: StackSet, file: string, component: string, stack: string): Instance | undefined {
  const missingKey = set.context.cli.ignoreMissingTemplateValues ? 'default' : 'error';
  const manifest = set.manifest(file);
  if (!manifest) return undefined;
  for (const type of COMPONENT_TYPES) {
    if (!set.componentNames(manifest, type).includes(component)) continue;
    const composed = set.compose(manifest, type, component);
    if (!composed) return undefined;
    const name = nameOf(set, manifest, composed.section, missingKey);
    if (name.ok && name.name === stack)
      return makeInstance(set, manifest, type, component, composed.section, name, composed.deferredMerges);
    return undefined;
  }
  return undefined;
}

/**
 * The first instance of `component` named `stack`, trying manifests in order of how many parts of the
 * stack name their paths contain (`orgs/acme/plat/dev/us-east-1` for `plat-ue1-dev`), each from the
 * compile cache when it holds the manifest, else compiled (Phase A of its own imports, Phase B of this
 * one component). Undefined when no manifest defines it: the caller's full search then explains why.
 */
function findFirst(set: StackSet, component: string, stack: string): Instance | undefined {
  for (const file of byNameLikeness(set.stackFiles, stack)) {
    const cached = cachedManifestInstances(set, file);
    const found = cached ? firstNamed(cached, component, stack) : compiledIn(set, file, component, stack);
    if (found) return found;
  }
  return undefined;
}

/**
 * Stack files, those whose path shares the most parts with the stack name first (a file named as the
 * stack first of all); ties keep the listing's order, so the search is deterministic. A folder or file
 * name also matches by its initials, as region codes are abbreviated (`us-east-1` for `ue1`).
 */
export function byNameLikeness(files: readonly string[], stack: string): string[] {
  const parts = new Set(stack.split(/[-_./]/).filter((p) => p !== ''));
  const score = (file: string): number => {
    const name = stackFileName(file);
    if (name === stack) return Number.MAX_SAFE_INTEGER;
    const tokens = new Set<string>();
    for (const segment of name.split('/')) {
      const words = segment.split(/[-_.]/);
      for (const w of words) tokens.add(w);
      if (words.length > 1) tokens.add(words.map((w) => (/^\d+$/.test(w) ? w : w.charAt(0))).join(''));
    }
    let n = 0;
    for (const token of tokens) if (parts.has(token)) n++;
    return n;
  };
  return files
    .map((file, index) => ({ file, index, score: score(file) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.file);
}
