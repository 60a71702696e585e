import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import type { ValueMap } from '../model/value.js';
import { isMap, typeName } from '../model/value.js';
import { IMPORT_ENTRY_KEYS } from '../schema/sections.js';

/** One entry of a manifest's `import:` list, in any of Atmos's forms. */
export interface ImportEntry {
  readonly path: string;
  readonly context: ValueMap | undefined;
  readonly skipIfMissing: boolean;
  readonly skipTemplatesProcessing: boolean;
  readonly ignoreMissingTemplateValues: boolean;
  /** Where the entry is written in the importing file. */
  readonly position: Position | undefined;
}

const ENTRY_KEYS: ReadonlySet<string> = new Set(IMPORT_ENTRY_KEYS);

/** Reads `import:`; a wrong shape is reported at its position and the entry is skipped. */
export function readImportEntries(
  source: SourceFile,
  config: ValueMap,
): { entries: ImportEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: ImportEntry[] = [];
  const section = config['import'];
  const at = (path: (string | number)[]) => ({
    file: source.file,
    position: positionAt(source, path),
    source: source.text,
  });
  if (section === undefined || section === null) return { entries, diagnostics };
  if (!Array.isArray(section)) {
    diagnostics.push(
      error('import-invalid', `'import' must be a list of paths, got ${typeName(section)}`, {
        ...at(['import']),
        hint: 'write each import as a list item, e.g.\n    import:\n      - catalog/vpc',
      }),
    );
    return { entries, diagnostics };
  }
  section.forEach((item: unknown, i: number) => {
    const position = positionAt(source, ['import', i]);
    if (typeof item === 'string') {
      if (item.trim() === '') {
        diagnostics.push(
          error('import-invalid', `import #${i + 1} is an empty string`, {
            ...at(['import', i]),
            hint: 'remove the entry or give it a path',
          }),
        );
        return;
      }
      entries.push({
        path: item,
        context: undefined,
        skipIfMissing: false,
        skipTemplatesProcessing: false,
        ignoreMissingTemplateValues: false,
        position,
      });
      return;
    }
    if (!isMap(item)) {
      diagnostics.push(
        error(
          'import-invalid',
          `import #${i + 1} must be a path or a map with 'path', got ${typeName(item)}`,
          {
            ...at(['import', i]),
            hint: "use '- catalog/vpc' or '- path: catalog/vpc'",
          },
        ),
      );
      return;
    }
    const unknown = Object.keys(item).filter((k) => !ENTRY_KEYS.has(k));
    const path = item['path'];
    if (typeof path !== 'string' || path.trim() === '') {
      diagnostics.push(
        error('import-invalid', `import #${i + 1} has no 'path'`, {
          ...at(['import', i]),
          hint: `give the entry a 'path:' string${unknown.length ? ` (unknown keys: ${unknown.join(', ')})` : ''}`,
        }),
      );
      return;
    }
    const context = item['context'];
    if (context !== undefined && context !== null && !isMap(context)) {
      diagnostics.push(
        error(
          'import-invalid',
          `'context' of import '${path}' must be a map, got ${typeName(context)}`,
          at(['import', i, 'context']),
        ),
      );
      return;
    }
    entries.push({
      path,
      context: isMap(context) && Object.keys(context).length > 0 ? context : undefined,
      skipIfMissing: item['skip_if_missing'] === true,
      skipTemplatesProcessing: item['skip_templates_processing'] === true,
      ignoreMissingTemplateValues: item['ignore_missing_template_values'] === true,
      position,
    });
  });
  return { entries, diagnostics };
}
