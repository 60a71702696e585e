import { LineCounter, parseDocument } from 'yaml';
import type { Tags } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { Value } from '../model/value.js';
import { CUSTOM_TAGS, FUNCTION_TAGS } from './custom-tags.js';
import type { SourceFile } from './source-file.js';
import { offsetToPosition } from './source-file.js';

export interface ParseResult {
  readonly source: SourceFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The core schema's tags, then ours: a function, because a list is concatenated tag by tag per document. */
const withCustomTags = (tags: Tags): Tags => tags.concat(CUSTOM_TAGS);

/** Parses one manifest. Never throws: YAML errors and unknown tags come back as diagnostics with positions. */
export function parseYaml(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    customTags: withCustomTags,
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number) => ({
    file,
    position: offsetToPosition({ lineCounter }, offset),
    source: text,
  });
  for (const e of doc.errors) {
    diagnostics.push(
      error('yaml-syntax', `invalid YAML: ${firstLine(e.message)}`, {
        ...where(e.pos[0]),
        hint: 'fix the YAML syntax at this position (check indentation, quotes and colons)',
      }),
    );
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? 'tag';
      diagnostics.push(
        error('yaml-unknown-tag', `unknown YAML tag '${tag}'`, {
          ...where(w.pos[0]),
          hint: `supported tags are !literal and the Atmos functions (${FUNCTION_TAGS.slice(0, 8).join(', ')}, ...); quote the value if it is plain text`,
        }),
      );
    }
  }
  if (diagnostics.length > 0) return { source: undefined, diagnostics };
  let value: Value;
  try {
    value = (doc.toJS({ maxAliasCount: 10_000 }) ?? null) as Value;
  } catch (e) {
    return {
      source: undefined,
      diagnostics: [
        error('yaml-syntax', `invalid YAML: ${firstLine(String((e as Error).message))}`, { file }),
      ],
    };
  }
  return { source: { file, text, value, doc, lineCounter }, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
