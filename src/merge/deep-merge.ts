import type { ListMergeStrategy } from '../model/cli-config.js';
import type { Value, ValueMap } from '../model/value.js';
import { copyMap, isMap, setKey } from '../model/value.js';
import type { Path } from '../load/source-file.js';
import type { Source, SourcesAt, Trace } from './trace.js';
import { KEY_SEPARATOR } from './trace.js';
import { APPEND_KEY } from '../load/custom-tags.js';

/**
 * The one merge (Atmos semantics, spec §4):
 * - maps merge key by key, recursively; `{}` over a map changes nothing;
 * - lists follow the strategy: `replace` (src wins), `append` (dst ++ src), `merge` (element-wise:
 *   maps at the same index deep-merge, otherwise the dst element stays; the longer tail is kept);
 * - anything else (scalar over anything, `null` over anything, map over list...) replaces.
 * Empty top-level inputs are dropped. Inputs are never mutated; untouched subtrees are shared,
 * so merged values must be treated as immutable.
 */
export function mergeValues(layers: readonly unknown[], strategy: ListMergeStrategy): ValueMap {
  const inputs: Value[] = [];
  for (const layer of layers) if (!isEmptyInput(layer)) inputs.push(layer as Value);
  const out = mergeAll(inputs, strategy);
  return isMap(out) ? out : {};
}

/**
 * The left fold of mergeTwo over `values`, computed k-way where every value is a plain map: each key's
 * values are merged once, instead of copying the growing result at every layer. A stack importing
 * forty catalog files would otherwise copy its `components` map forty times (quadratic). The fold's
 * key order is kept: keys in order of first appearance. Anything else (lists, scalars, `!append`
 * markers) folds pairwise, as the rules are written.
 */
function mergeAll(values: readonly Value[], strategy: ListMergeStrategy): Value | undefined {
  if (values.length <= 1) return values[0];
  for (const v of values) {
    if (!isMap(v) || appendItems(v)) {
      let out = values[0] as Value;
      for (let i = 1; i < values.length; i++)
        out = mergeTwo(out, values[i] as Value, strategy, undefined, '');
      return out;
    }
  }
  const maps = values as readonly ValueMap[];
  const first = maps[0]!;
  const byKey = new Map<string, Value[]>();
  for (const m of maps) {
    for (const k of Object.keys(m)) {
      const list = byKey.get(k);
      if (list) list.push(m[k]!);
      else byKey.set(k, [m[k]!]);
    }
  }
  let changed = byKey.size !== Object.keys(first).length;
  const merged: [string, Value][] = [];
  for (const [k, list] of byKey) {
    const v = list.length === 1 ? list[0]! : mergeAll(list, strategy)!;
    if (!changed && v !== first[k]) changed = true;
    merged.push([k, v]);
  }
  if (!changed) return first;
  const out: Record<string, Value> = {};
  for (const [k, v] of merged) setKey(out, k, v);
  return out;
}

export interface TracedLayer {
  readonly value: unknown;
  readonly sources: SourcesAt;
}

export interface TracedValue {
  readonly value: ValueMap;
  readonly trace: Trace;
}

/** The same merge, also recording for every leaf the chain of sources that set it (provenance). */
export function mergeTraced(layers: readonly TracedLayer[], strategy: ListMergeStrategy): TracedValue {
  const trace = new Map<string, readonly Source[]>();
  let out: Value | undefined;
  for (const layer of layers) {
    if (isEmptyInput(layer.value)) continue;
    const rec: Recorder = { trace, sources: layer.sources };
    if (out === undefined) {
      recordLeaves(rec, layer.value as Value, [], '');
      out = layer.value as Value;
    } else {
      out = mergeTwo(out, layer.value as Value, strategy, rec, '', []);
    }
  }
  return { value: isMap(out) ? out : {}, trace };
}

interface Recorder {
  readonly trace: Map<string, readonly Source[]>;
  readonly sources: SourcesAt;
}

function isEmptyInput(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (isMap(v)) {
    for (const _ in v) return false;
    return true;
  }
  return false;
}

function join(key: string, segment: string): string {
  return key === '' ? segment : key + KEY_SEPARATOR + segment;
}

function mergeTwo(
  dst: Value,
  src: Value,
  strategy: ListMergeStrategy,
  rec: Recorder | undefined,
  key: string,
  path: Path = [],
): Value {
  const appended = src !== null && isMap(src) ? appendItems(src) : undefined;
  if (appended) {
    // `!append` (spec §4): the list below gets these items; another !append accumulates.
    const below = Array.isArray(dst) ? (dst as readonly Value[]) : isMap(dst) ? appendItems(dst) : undefined;
    if (below) {
      if (rec) prepend(rec, key, path);
      const items = [...below, ...appended];
      return Array.isArray(dst) ? items : { [APPEND_KEY]: items };
    }
  }
  if (isMap(dst) && isMap(src)) {
    let out: Record<string, Value> | undefined;
    for (const k of Object.keys(src)) {
      const s = src[k]!;
      const childPath = rec ? [...path, k] : path;
      const childKey = rec ? join(key, k) : key;
      let merged: Value;
      if (Object.prototype.hasOwnProperty.call(dst, k)) {
        const d = dst[k]!;
        merged = mergeTwo(d, s, strategy, rec, childKey, childPath);
        if (merged === d) continue;
      } else {
        merged = s;
        if (rec) recordLeaves(rec, s, childPath, childKey);
      }
      out ??= copyMap(dst);
      setKey(out, k, merged);
    }
    if (rec && out === undefined && Object.keys(src).length === 0 && Object.keys(dst).length === 0) {
      prepend(rec, key, path);
    }
    return out ?? dst;
  }
  if (Array.isArray(dst) && Array.isArray(src)) {
    const merged = mergeLists(dst as readonly Value[], src as readonly Value[], strategy);
    if (rec) prepend(rec, key, path);
    return merged;
  }
  if (rec) {
    if (isMap(dst)) dropUnder(rec.trace, key);
    if (isMap(src) && Object.keys(src).length > 0) {
      rec.trace.delete(key);
      recordLeaves(rec, src, path, key);
    } else {
      prepend(rec, key, path);
    }
  }
  return src;
}

function mergeLists(
  dst: readonly Value[],
  src: readonly Value[],
  strategy: ListMergeStrategy,
): readonly Value[] {
  switch (strategy) {
    case 'replace':
      return src;
    case 'append':
      return [...dst, ...src];
    case 'merge': {
      const out: Value[] = [...dst];
      for (let i = 0; i < src.length; i++) {
        const s = src[i]!;
        if (i >= dst.length) out.push(s);
        else if (isMap(dst[i]) && isMap(s)) out[i] = mergeTwo(dst[i]!, s, strategy, undefined, '');
      }
      return out;
    }
  }
}

/** Records every leaf of a subtree that a layer adds as new. */
function recordLeaves(rec: Recorder, value: Value, path: Path, key: string): void {
  if (isMap(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) {
      prepend(rec, key, path);
      return;
    }
    for (const k of keys) recordLeaves(rec, value[k]!, [...path, k], join(key, k));
    return;
  }
  prepend(rec, key, path);
}

/** Puts the sources of the current layer first; a source merged again (a file imported twice) appears once. */
function prepend(rec: Recorder, key: string, path: Path): void {
  const previous = rec.trace.get(key) ?? [];
  const added = rec.sources(path);
  if (previous.length === 0) {
    rec.trace.set(key, added);
    return;
  }
  const seen = new Set(added.map(sourceId));
  rec.trace.set(key, [...added, ...previous.filter((s) => !seen.has(sourceId(s)))]);
}

function sourceId(s: Source): string {
  return `${s.file}\u0000${s.path.join('\u0000')}`;
}

function dropUnder(trace: Map<string, readonly Source[]>, key: string): void {
  const prefix = key === '' ? '' : key + KEY_SEPARATOR;
  for (const k of [...trace.keys()]) if (prefix === '' || k.startsWith(prefix)) trace.delete(k);
}

/** The items of an `!append` marker ({__atmos_append__: [...]}), else undefined. */
export function appendItems(v: ValueMap): readonly Value[] | undefined {
  const items = v[APPEND_KEY];
  if (!Array.isArray(items)) return undefined;
  for (const _ in v) if (_ !== APPEND_KEY) return undefined;
  return items as readonly Value[];
}

/** Markers left where no list was below them become plain lists. */
export function unwrapAppends(v: Value): Value {
  if (Array.isArray(v)) return (v as readonly Value[]).map(unwrapAppends);
  if (!isMap(v)) return v;
  const items = appendItems(v);
  if (items) return items.map(unwrapAppends);
  let out: Record<string, Value> | undefined;
  for (const [k, x] of Object.entries(v)) {
    const y = unwrapAppends(x);
    if (y !== x) {
      out ??= copyMap(v);
      setKey(out, k, y);
    }
  }
  return out ?? v;
}
