import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { ValueMap } from '../model/value.js';
import type { TemplateFunction } from '../template/index.js';
import { renderTemplate } from '../template/index.js';

export function isTemplateFile(file: string): boolean {
  return file.endsWith('.yaml.tmpl') || file.endsWith('.yml.tmpl');
}

export interface RenderManifestInput {
  readonly file: string;
  readonly displayFile: string;
  readonly text: string;
  readonly context: ValueMap | undefined;
  readonly skipTemplates: boolean;
  readonly ignoreMissing: boolean;
  /** Extra template functions (Sprig's env/expandenv over the caller's environment). */
  readonly functions?: Readonly<Record<string, TemplateFunction>>;
}

/**
 * Import-time template rendering (spec §3.5): a `.yaml.tmpl` file, or any file that receives a context,
 * is rendered as a Go template with the context as data. Without a context from an importer a failure
 * keeps the raw text (later passes render it); with one, it is an error at the template's position.
 */
export function renderManifestText(input: RenderManifestInput): { text: string; diagnostics: Diagnostic[] } {
  const hasContext = input.context !== undefined && Object.keys(input.context).length > 0;
  if (input.skipTemplates || !(isTemplateFile(input.file) || hasContext))
    return { text: input.text, diagnostics: [] };
  const result = renderTemplate(input.text, input.context ?? {}, {
    name: input.displayFile,
    missingKey: input.ignoreMissing ? 'default' : 'error',
    ...(input.functions ? { functions: input.functions } : {}),
  });
  if (result.ok) return { text: result.output, diagnostics: [] };
  if (!hasContext) return { text: input.text, diagnostics: [] };
  return {
    text: input.text,
    diagnostics: [
      error('template-error', `template error: ${result.error.message}`, {
        file: input.displayFile,
        position: { line: result.error.line, column: result.error.column },
        source: input.text,
        hint: "check the template against the import's 'context', or set 'ignore_missing_template_values: true' on the import",
      }),
    ],
  };
}
