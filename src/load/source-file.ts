import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Position } from '../diagnostics/diagnostic.js';
import type { Value } from '../model/value.js';

/** One parsed manifest: its text, its YAML document (every node keeps its source range) and its value. */
export interface SourceFile {
  /** Path relative to the stacks base path (with extension), as shown to users. */
  readonly file: string;
  readonly text: string;
  readonly value: Value;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export type Path = readonly (string | number)[];

/** Source position of the value at `path` (or of its key when `key` is set); the closest existing ancestor otherwise. */
export function positionAt(source: SourceFile, path: Path, key = false): Position | undefined {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
      );
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = item;
      node = item;
    } else {
      break;
    }
  }
  const target = (key ? keyNode : node) ?? keyNode;
  const range = (target as Node | undefined)?.range;
  if (!range) return undefined;
  return offsetToPosition(source, range[0]);
}

export function offsetToPosition(source: Pick<SourceFile, 'lineCounter'>, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}
