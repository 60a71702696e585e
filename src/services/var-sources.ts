import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Instance } from '../compile/instance.js';
import type { StackSet } from '../compile/stack-set.js';
import { getIn } from '../merge/sections.js';
import { varsLayerPaths } from '../merge/component-config.js';
import type { Value } from '../model/value.js';

/** Where a value of an instance's `vars` was written, and whether the stack level (not a component) set it. */
export interface WrittenAt {
  readonly stackLevel: boolean;
  /** Looked up when asked: an unknown var the stack level sets is not reported, so never placed. */
  where(): Located;
}

type Located = Pick<Diagnostic, 'file' | 'position' | 'source'>;

/**
 * Finds who wrote `vars.<path>` of an instance for `validate stacks`, tracing as little as possible:
 * typed-vars problems repeat across every stack that imports the same catalog entry, and tracing each
 * instance (a second, traced compile of its stack) made validate the slowest command.
 *
 * The winner is the first of the layers of `vars` (varsLayerPaths, in the merge stage) whose place in
 * the stack's merged config holds the whole path. That place was written by the top-level manifest
 * itself when the manifest has it (merged last); otherwise by an import, found by provenance and
 * remembered by the identity of the map that holds the value (imported maps are shared between the
 * stacks that import them, so the next stack finds it without tracing).
 */
export class VarSources {
  readonly #byHolder = new Map<object, Map<string, Located>>();

  constructor(private readonly set: StackSet) {}

  of(instance: Instance, path: readonly string[]): WrittenAt | undefined {
    const config = instance.manifest.config;
    const winner = this.#winner(instance, config, path);
    // No layer holds it (a value a YAML function produced): the general way, by provenance.
    if (!winner)
      return {
        stackLevel: false,
        where: () =>
          this.set.locateInSection(instance.manifest, instance.type, instance.component, ['vars', ...path]),
      };
    return {
      stackLevel: winner[0] !== 'components',
      where: () => this.#place(instance, config, winner),
    };
  }

  #place(instance: Instance, config: Value, winner: readonly string[]): Located {
    const own = this.set.locateInOwnFile(instance.manifest.file, winner);
    if (own) return own;
    const holder = getIn(config, winner.slice(0, -1));
    const key = winner[winner.length - 1]!;
    const known = isObject(holder) ? this.#byHolder.get(holder)?.get(key) : undefined;
    if (known) return known;
    const where = this.set.locate(instance.manifest.file, winner);
    if (isObject(holder)) {
      const byKey = this.#byHolder.get(holder) ?? new Map<string, Located>();
      byKey.set(key, where);
      this.#byHolder.set(holder, byKey);
    }
    return where;
  }

  #winner(instance: Instance, config: Value, path: readonly string[]): string[] | undefined {
    const inheritance = instance.section['inheritance'];
    const bases = Array.isArray(inheritance)
      ? (inheritance as readonly Value[]).filter((b): b is string => typeof b === 'string')
      : [];
    for (const layer of varsLayerPaths(instance.type, instance.component, bases)) {
      const full = [...layer, ...path];
      if (getIn(config, full) !== undefined) return full;
    }
    return undefined;
  }
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}
