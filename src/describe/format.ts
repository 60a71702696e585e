import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Node, Pair } from 'yaml';
import { sortKeys } from '../model/sort-keys.js';

export type OutputFormat = 'yaml' | 'json';

/** JSON with sorted keys, 2-space indent, trailing newline (deterministic). */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** YAML with sorted keys. `comments` maps a dotted path to a trailing comment (used for provenance). */
export function toYaml(value: unknown, comments?: ReadonlyMap<string, string>): string {
  const doc = new Document(sortKeys(value), { sortMapEntries: false, aliasDuplicateObjects: false });
  if (comments && comments.size > 0) annotate(doc, comments);
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/**
 * A map rendered entry by entry in sorted key order, exactly as `render` renders the whole map: each
 * entry is built only when its text is asked for, so a large result never exists as one value or
 * one string.
 */
export function* renderEntries(
  names: readonly string[],
  take: (name: string) => unknown,
  format: OutputFormat,
): Generator<string> {
  const sorted = [...names].sort();
  if (sorted.length === 0) {
    yield render({}, format);
    return;
  }
  if (format === 'yaml') {
    for (const name of sorted) yield toYaml({ [name]: take(name) });
    return;
  }
  yield '{\n';
  for (const [i, name] of sorted.entries()) {
    // `{name: value}` printed whole, less its braces: the entry indented one level, as in the whole
    // document, without re-indenting the text afterwards.
    const wrapped = JSON.stringify({ [name]: sortKeys(take(name)) }, null, 2);
    yield `${wrapped.slice(2, -2)}${i === sorted.length - 1 ? '\n' : ',\n'}`;
  }
  yield '}\n';
}

export function render(value: unknown, format: OutputFormat): string {
  return format === 'json' ? toJson(value) : toYaml(value);
}

function annotate(doc: Document, comments: ReadonlyMap<string, string>): void {
  visit(doc, {
    Pair(_key, pair: Pair, path) {
      const keys: string[] = [];
      for (const p of path) {
        if (p && typeof p === 'object' && 'key' in p && isScalar(p.key))
          keys.push(String((p.key as { value: unknown }).value));
      }
      if (isScalar(pair.key)) keys.push(String(pair.key.value));
      const comment = comments.get(keys.join('.'));
      if (!comment) return;
      const value = pair.value as Node | null;
      if (
        value &&
        (isScalar(value) ||
          ((isSeq(value) || isMap(value)) &&
            (value.items.length === 0 || (value as { flow?: boolean }).flow)))
      ) {
        value.comment = ` ${comment}`;
      } else if (isScalar(pair.key)) {
        pair.key.commentBefore = undefined;
        if (value) (value as Node).commentBefore = ` ${comment}`;
      }
    },
  });
}
