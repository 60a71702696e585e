/**
 * `describe stacks --format json` with bounded memory: each instance is rendered as soon as it is
 * compiled and its text put aside in a spool (a temporary file, see io/text-spool.ts), so no stack's
 * sections outlive their compile. Once every instance is compiled (problems are raised before any
 * output), the stacks are written in sorted order from the spool, byte for byte what rendering the
 * whole value gives (`renderEntries`).
 */
import type { StackSet } from '../compile/stack-set.js';
import type { Value } from '../model/value.js';
import { setKey } from '../model/value.js';
import { sortKeys } from '../model/sort-keys.js';
import type { DescribeStacksOptions } from './describe-stacks.js';
import { describedInstance, forEachListed } from './describe-stacks.js';

/** Texts put aside until output; each handle is read back once. */
export interface TextSpool {
  put(text: string): number;
  get(handle: number): string | Uint8Array;
}

/** A spool in memory (tests; small outputs). */
export function memorySpool(): TextSpool {
  const texts: (string | undefined)[] = [];
  return {
    put: (text) => texts.push(text) - 1,
    get(handle) {
      const text = texts[handle]!;
      texts[handle] = undefined;
      return text;
    },
  };
}

export interface SpooledStacks {
  /** The stacks, in the order their first instance was found. */
  readonly names: readonly string[];
  /** The whole JSON document, in pieces. */
  render(): Generator<string | Uint8Array>;
}

export function describeStacksSpooled(
  set: StackSet,
  options: DescribeStacksOptions,
  spool: TextSpool,
): SpooledStacks {
  // Per stack: type -> component -> spool handle. Several manifests may define one component for one
  // stack: the first in walk order wins (as describeStacksLazily).
  const stacks = new Map<string, Record<string, Record<string, number>>>();
  forEachListed(set, options, (instance, stackName) => {
    let byType = stacks.get(stackName);
    if (!byType) stacks.set(stackName, (byType = {}));
    if (!Object.hasOwn(byType, instance.type)) setKey(byType, instance.type, {});
    const components = byType[instance.type]!;
    if (Object.hasOwn(components, instance.component)) return;
    const value = describedInstance(set, instance, stackName, options);
    setKey(components, instance.component, spool.put(componentJson(value)));
  });
  const names = [...stacks.keys()];
  return {
    names,
    *render() {
      const sorted = [...names].sort();
      if (sorted.length === 0) {
        yield '{}\n';
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
            yield `        ${JSON.stringify(component)}: `;
            yield spool.get(components[component]!);
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
