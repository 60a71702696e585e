/**
 * A function namespace, as Gomplate exposes them (`strings.Title`, ...): the
 * identifier `strings` evaluates to a namespace, and a field access on it
 * names one of its methods, which the evaluator then calls with the
 * command's arguments.
 */
import type { TemplateFunction } from './types.js';

export class TemplateNamespace {
  constructor(
    readonly name: string,
    private readonly methods: Readonly<Record<string, TemplateFunction>>,
  ) {}

  method(name: string): TemplateFunction | undefined {
    return Object.hasOwn(this.methods, name) ? this.methods[name] : undefined;
  }
}

/** A template function that returns the namespace, so `strings` alone is a value. */
export function namespaceFunction(ns: TemplateNamespace): TemplateFunction {
  return (...args) => {
    if (args.length > 0) throw new Error(`wrong number of args for ${ns.name}: want 0 got ${args.length}`);
    return ns;
  };
}
