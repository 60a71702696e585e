import type { Path } from '../load/source-file.js';
import type { Value, ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import type { TracedLayer, TracedValue } from './deep-merge.js';
import { NO_SOURCES, tracedSources } from './trace.js';

/** A view of one stack's merged config that hands out sections as merge layers (with provenance). */
export interface StackView {
  readonly config: TracedValue;
}

export function getIn(value: Value | undefined, path: Path): Value | undefined {
  let cur: Value | undefined = value;
  for (const key of path) {
    if (Array.isArray(cur)) cur = (cur as readonly Value[])[Number(key)];
    else if (isMap(cur)) cur = Object.prototype.hasOwnProperty.call(cur, key) ? cur[String(key)] : undefined;
    else return undefined;
  }
  return cur;
}

/** The map at `path`, or `{}`; the caller checks types before (see component-sections.ts). */
export function mapLayer(view: StackView, path: Path): TracedLayer {
  const v = getIn(view.config.value, path);
  return { value: isMap(v) ? v : {}, sources: tracedSources(view.config.trace, path) };
}

/**
 * mapLayer for `key` of a map already at hand (`holder`, found at `at`): no walk from the root, and no
 * path built unless the view is traced. Phase B asks for some forty layers per instance.
 */
export function childLayer(view: StackView, at: Path, holder: ValueMap, key: string): TracedLayer {
  const v = Object.prototype.hasOwnProperty.call(holder, key) ? holder[key] : undefined;
  const trace = view.config.trace;
  return {
    value: isMap(v) ? v : {},
    sources: trace.size === 0 ? NO_SOURCES : tracedSources(trace, [...at, key]),
  };
}

export function mapAt(value: Value | undefined, path: Path): ValueMap {
  const v = getIn(value, path);
  return isMap(v) ? v : {};
}

export function stringAt(value: Value | undefined, path: Path): string {
  const v = getIn(value, path);
  return typeof v === 'string' ? v : '';
}
