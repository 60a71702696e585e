/**
 * `describe stacks --format json` with bounded memory: each instance is rendered as soon as it is
 * compiled and its text put aside in a spool (a temporary file, see io/text-spool.ts), so no stack's
 * sections outlive their compile. Once every instance is compiled (problems are raised before any
 * output), the stacks are written in sorted order from the spool, byte for byte what rendering the
 * whole value gives (`renderEntries`). The manifests may be compiled in parts, on several threads,
 * each into a spool of its own: `assembleStacks` puts the parts together in manifest order.
 */
import type { Instance } from '../compile/instance.js';
import type { StackSet } from '../compile/stack-set.js';
import type { Value } from '../model/value.js';
import { setKey } from '../model/value.js';
import { sortKeys } from '../model/sort-keys.js';
import type { DescribeStacksOptions } from './describe-stacks.js';
import { describedInstance, forEachListed } from './describe-stacks.js';
import type { OutputFormat } from './format.js';
import { render as renderWhole, toYaml } from './format.js';

/** Texts put aside until output; each handle is read back once. */
export interface TextSpool {
  put(text: string | Uint8Array): number;
  get(handle: number): string | Uint8Array;
}

/** A spool in memory (tests; small outputs). */
export function memorySpool(): TextSpool {
  const texts: (string | Uint8Array | undefined)[] = [];
  return {
    put: (text) => texts.push(text) - 1,
    get(handle) {
      const text = texts[handle]!;
      texts[handle] = undefined;
      return text;
    },
  };
}

/** One listed instance, rendered: its stack, type and component, and its text's handle in a spool. */
export type SpooledInstance = readonly [stack: string, type: string, component: string, handle: number];

/**
 * Renders every instance `describe stacks` lists (of `files`, a part of the manifests) into `spool`,
 * in walk order. With the compile cache, a manifest's texts are kept beside its entry, and a later run
 * with the same options spools the kept texts instead of reading the sections and printing them again.
 */
export function spoolInstances(
  set: StackSet,
  options: DescribeStacksOptions,
  spool: TextSpool,
  files: Iterable<string> = set.stackFiles,
  format: OutputFormat = 'json',
): SpooledInstance[] {
  const out: SpooledInstance[] = [];
  const headers = new Map<string, string>();
  const header = (stack: string, type: string) => {
    const key = `${stack}\u0000${type}`;
    let h = headers.get(key);
    if (h === undefined) headers.set(key, (h = yamlHeader(stack, type)));
    return h;
  };
  const render = (instance: Instance, stackName: string): string => {
    const value = describedInstance(set, instance, stackName, options);
    return format === 'json'
      ? componentJson(value)
      : componentYaml(header(stackName, instance.type), stackName, instance.type, instance.component, value);
  };
  const cache = set.context.cache;
  const key = renderKey(options, format);
  for (const file of files) {
    const kept = cache?.rendered?.(file, key);
    const made: { keys: string[]; texts: (string | Uint8Array)[] } = { keys: [], texts: [] };
    let matches = kept !== undefined;
    const problems = set.problemCount;
    forEachListed(
      set,
      options,
      (instance, stackName) => {
        const id = `${stackName}\u0000${instance.type}\u0000${instance.component}`;
        const i = made.keys.length;
        // Kept texts are used while they are those of the same instances, in the same order.
        matches &&= kept!.keys[i] === id;
        const text = matches ? kept!.texts[i]! : render(instance, stackName);
        made.keys.push(id);
        made.texts.push(text);
        out.push([stackName, instance.type, instance.component, spool.put(text)]);
      },
      [file],
    );
    if (!(matches && made.keys.length === kept!.keys.length) && set.problemCount === problems)
      cache?.putRendered?.(file, key, made);
  }
  return out;
}

/** What a manifest's rendered texts depend on besides its entry: the options that list and shape them. */
export function renderKey(options: DescribeStacksOptions, format: OutputFormat): string {
  // includeEmptyStacks only adds stacks with nothing listed when the parts are put together.
  const { stack, components, componentTypes, sections } = options;
  return JSON.stringify({ format, stack, components, componentTypes, sections });
}

/** A YAML stack or type name the printer writes over more than its own line (never seen in practice). */
export class UnspoolableName extends Error {}

export interface SpooledStacks {
  /** The stacks, in the order their first instance was found. */
  readonly names: readonly string[];
  /** The whole JSON document, in pieces. */
  render(): Generator<string | Uint8Array>;
}

/** `describe stacks` of the whole set, through one spool. */
export function describeStacksSpooled(
  set: StackSet,
  options: DescribeStacksOptions,
  spool: TextSpool,
  format: OutputFormat = 'json',
): SpooledStacks {
  return assembleStacks(
    [{ spool, instances: spoolInstances(set, options, spool, set.stackFiles, format) }],
    format,
  );
}

/**
 * The document from parts in manifest order. Several manifests may define one component for one
 * stack: the first in walk order wins (as describeStacksLazily).
 */
export function assembleStacks(
  parts: readonly { readonly spool: TextSpool; readonly instances: readonly SpooledInstance[] }[],
  format: OutputFormat = 'json',
): SpooledStacks {
  interface Ref {
    readonly spool: TextSpool;
    readonly handle: number;
  }
  const stacks = new Map<string, Record<string, Record<string, Ref>>>();
  for (const { spool, instances } of parts) {
    for (const [stackName, type, component, handle] of instances) {
      let byType = stacks.get(stackName);
      if (!byType) stacks.set(stackName, (byType = {}));
      if (!Object.hasOwn(byType, type)) setKey(byType, type, {});
      const components = byType[type]!;
      if (!Object.hasOwn(components, component)) setKey(components, component, { spool, handle });
    }
  }
  const names = [...stacks.keys()];
  return {
    names,
    *render() {
      const sorted = [...names].sort();
      if (sorted.length === 0) {
        yield renderWhole({}, format);
        return;
      }
      if (format === 'yaml') {
        // Stack by stack, as renderEntries: each stack a document of its own, its header lines once.
        for (const name of sorted) {
          const byType = sortKeys(stacks.get(name)!);
          stacks.delete(name);
          const header = yamlHeader(name);
          yield header;
          for (const type of Object.keys(byType)) {
            yield yamlHeader(name, type).slice(header.length);
            const components = byType[type]!;
            for (const component of Object.keys(components)) {
              const ref = components[component]!;
              yield ref.spool.get(ref.handle);
            }
          }
        }
        return;
      }
      yield '{\n';
      for (const [i, name] of sorted.entries()) {
        const byType = sortKeys(stacks.get(name)!);
        stacks.delete(name);
        yield `  ${JSON.stringify(name)}: {\n    "components": {\n`;
        const types = Object.keys(byType);
        for (const [t, type] of types.entries()) {
          yield `      ${JSON.stringify(type)}: {\n`;
          const components = byType[type]!;
          const keys = Object.keys(components);
          for (const [c, component] of keys.entries()) {
            const ref = components[component]!;
            yield `        ${JSON.stringify(component)}: `;
            yield ref.spool.get(ref.handle);
            yield c === keys.length - 1 ? '\n' : ',\n';
          }
          yield t === types.length - 1 ? '      }\n' : '      },\n';
        }
        yield i === sorted.length - 1 ? '    }\n  }\n' : '    }\n  },\n';
      }
      yield '}\n';
    },
  };
}

// A component's value sits four levels deep: stack, `components`, type, component. Printing it inside
// four one-key maps gives it its indentation without re-indenting the text.
const PREFIX = '{\n  "a": {\n    "b": {\n      "c": {\n        "d": ';
const SUFFIX = '\n      }\n    }\n  }\n}';

// The value is printed as it is: instances keep their sections key-sorted (compile/instance.ts) and
// describedInstance adds its keys in order, so a sortKeys pass here would only walk the whole value
// (tests compare this text with the sorted rendering of the whole result).
function componentJson(value: Value): string {
  const text = JSON.stringify({ a: { b: { c: { d: value } } } }, null, 2);
  return text.slice(PREFIX.length, text.length - SUFFIX.length);
}

/**
 * The lines of a one-stack YAML document down to the stack's `components:` key (with `type`: down to
 * its key): what `toYaml` prints before the first component, taken from printing an empty map there.
 */
function yamlHeader(stack: string, type?: string): string {
  const text = toYaml({ [stack]: { components: type === undefined ? {} : { [type]: {} } } });
  if (!text.endsWith(' {}\n')) throw new UnspoolableName(stack);
  return `${text.slice(0, -4)}\n`;
}

/**
 * One component's YAML, printed in its place in a one-stack document (`stack`, `components`, type),
 * less the header lines: siblings print independently, so the stack's document is the header and
 * its components' texts in order (tests compare with printing the whole stack).
 */
function componentYaml(header: string, stack: string, type: string, component: string, value: Value): string {
  const text = toYaml({ [stack]: { components: { [type]: { [component]: value } } } });
  if (!text.startsWith(header)) throw new UnspoolableName(stack);
  return text.slice(header.length);
}
