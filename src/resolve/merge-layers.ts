import type { ListMergeStrategy } from '../model/cli-config.js';
import type { ValueMap } from '../model/value.js';
import type { TracedLayer, TracedValue } from '../merge/deep-merge.js';
import { mergeTraced, mergeValues } from '../merge/deep-merge.js';

const NO_TRACE: ReadonlyMap<string, readonly never[]> = new Map<string, readonly never[]>();

/** Merges with or without provenance, so callers write one code path. */
export type Merge = (layers: readonly TracedLayer[]) => TracedValue;

export function merger(strategy: ListMergeStrategy, trace: boolean): Merge {
  if (trace) return (layers) => mergeTraced(layers, strategy);
  return (layers) => ({
    value: mergeValues(
      layers.map((l) => l.value),
      strategy,
    ),
    trace: NO_TRACE,
  });
}

export const EMPTY_TRACED: TracedValue = { value: {}, trace: NO_TRACE };

export function isEmptyTraced(v: TracedValue): boolean {
  return Object.keys(v.value).length === 0;
}

export function plain(value: ValueMap): TracedValue {
  return { value, trace: NO_TRACE };
}
