import { type TemplateError, type TemplateOptions, renderTemplate } from '../../src/template/index.js';

/** Renders and returns the output; fails the test with the template error otherwise. */
export function render(text: string, data?: unknown, options?: TemplateOptions): string {
  const result = renderTemplate(text, data, options);
  if (!result.ok) throw new Error(`unexpected template error: ${result.error.message}`);
  return result.output;
}

/** Renders and returns the error; fails the test if rendering succeeded. */
export function renderError(text: string, data?: unknown, options?: TemplateOptions): TemplateError {
  const result = renderTemplate(text, data, options);
  if (result.ok) throw new Error(`expected a template error, got output ${JSON.stringify(result.output)}`);
  return result.error;
}

/** An expected error: kind, a message substring and the 1-based position. */
export interface ExpectedError {
  kind: 'syntax' | 'exec';
  message: string;
  line: number;
  column: number;
}
