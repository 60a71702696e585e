import type { Path } from '../load/source-file.js';

/** Where one value was written: a file and the path inside that file's YAML document. */
export interface Source {
  /** Manifest path relative to the stacks base path, with extension. */
  readonly file: string;
  readonly path: Path;
}

/**
 * Provenance of a merged value: for every leaf (scalar, list, empty map) the chain of sources that set it,
 * the winner first, then the values it won over. Keys are paths joined by KEY_SEPARATOR.
 */
export type Trace = ReadonlyMap<string, readonly Source[]>;

export const KEY_SEPARATOR = '\u0000';

export function traceKey(path: Path): string {
  return path.join(KEY_SEPARATOR);
}

export function splitTraceKey(key: string): string[] {
  return key === '' ? [] : key.split(KEY_SEPARATOR);
}

/** Answers "who wrote the value at this path (relative to the layer)?" for one merge input. */
export type SourcesAt = (path: Path) => readonly Source[];

/** Sources of a layer that is a part of one file, rooted at `base` inside that file. */
export function fileSources(file: string, base: Path): SourcesAt {
  return (path) => [{ file, path: [...base, ...path] }];
}

export const NO_SOURCES: SourcesAt = () => [];

/** Sources of a layer that is itself a merge result (or part of one, rooted at `base`). */
export function tracedSources(trace: Trace, base: Path = []): SourcesAt {
  // Untraced runs carry empty traces: skip the key building entirely.
  if (trace.size === 0) return NO_SOURCES;
  let prefix: string | undefined;
  return (path) => {
    prefix ??= base.length === 0 ? '' : traceKey(base);
    const rel = traceKey(path);
    const key = prefix === '' ? rel : rel === '' ? prefix : prefix + KEY_SEPARATOR + rel;
    return trace.get(key) ?? [];
  };
}

/** The sub-trace under `base`, re-rooted. */
export function subTrace(trace: Trace, base: Path): Trace {
  if (base.length === 0) return trace;
  const prefix = traceKey(base);
  const out = new Map<string, readonly Source[]>();
  for (const [k, v] of trace) {
    if (k === prefix) out.set('', v);
    else if (k.startsWith(prefix + KEY_SEPARATOR)) out.set(k.slice(prefix.length + 1), v);
  }
  return out;
}

/** The winning source of a path, or of the first leaf under it, or of its nearest ancestor. */
export function findSource(trace: Trace, path: readonly (string | number)[]): Source | undefined {
  const key = traceKey(path.map(String));
  const exact = trace.get(key)?.[0];
  if (exact) return exact;
  for (const [k, sources] of trace) {
    const first = sources[0];
    if (first && (key === '' || k.startsWith(key + KEY_SEPARATOR))) {
      return {
        ...first,
        path: first.path.slice(0, first.path.length - (splitTraceKey(k).length - path.length)),
      };
    }
  }
  for (let n = path.length - 1; n >= 0; n--) {
    const s = trace.get(traceKey(path.slice(0, n).map(String)))?.[0];
    if (s) return { ...s, path: [...s.path, ...path.slice(n)] };
  }
  return undefined;
}
