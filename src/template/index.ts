/**
 * Go text/template-compatible template engine (with the common Sprig functions)
 * used for Atmos stack-name templates, `.tmpl` imports and templated paths.
 *
 * Pure: no file system, environment or network access. Never throws for bad
 * input: syntax and execution errors are returned as values.
 */
import type { ParsedTemplate } from './ast.js';
import { TemplateFailure, errorMessage, toTemplateError } from './errors.js';
import { executeTemplate } from './execute.js';
import { createFunctionTable } from './functions/index.js';
import { parse } from './parse.js';
import type { CompiledTemplate, ParseResult, RenderResult, TemplateError, TemplateOptions } from './types.js';

export type {
  CompiledTemplate,
  MissingKey,
  ParseResult,
  RenderResult,
  TemplateError,
  TemplateFunction,
  TemplateOptions,
} from './types.js';
export { builtinFunctions } from './functions/index.js';
export { envFunctions } from './functions/env.js';
export { ArityError, FunctionArgumentError } from './errors.js';
export { Computed } from './computed.js';
export { TemplateNamespace, namespaceFunction } from './namespace.js';

const DEFAULT_DELIMITERS: readonly [string, string] = ['{{', '}}'];
const DEFAULT_NAME = 'template';

function failure(error: unknown, text: string, name: string, kind: 'syntax' | 'exec'): TemplateError {
  if (error instanceof TemplateFailure) return toTemplateError(error, text, name);
  const detail = errorMessage(error);
  return toTemplateError(new TemplateFailure(kind, 0, detail, '', name), text, name);
}

/** Parses a template; the result can be executed any number of times. */
export function parseTemplate(text: string, options: TemplateOptions = {}): ParseResult {
  const name = options.name ?? DEFAULT_NAME;
  const [left, right] = options.delimiters ?? DEFAULT_DELIMITERS;
  const missingKey = options.missingKey ?? 'default';
  let parsed: ParsedTemplate;
  let functions: ReturnType<typeof createFunctionTable>;
  try {
    functions = createFunctionTable(options.functions);
    parsed = parse(text, {
      name,
      leftDelim: left || DEFAULT_DELIMITERS[0],
      rightDelim: right || DEFAULT_DELIMITERS[1],
      hasFunction: (fn) => functions.has(fn),
    });
  } catch (error) {
    return { ok: false, error: failure(error, text, name, 'syntax') };
  }
  const template: CompiledTemplate = {
    execute(data: unknown): RenderResult {
      try {
        return { ok: true, output: executeTemplate(parsed, data, { missingKey, functions }) };
      } catch (error) {
        return { ok: false, error: failure(error, text, name, 'exec') };
      }
    },
  };
  return { ok: true, template };
}

/** Parses and executes a template in one step. */
export function renderTemplate(text: string, data: unknown, options?: TemplateOptions): RenderResult {
  const parsed = parseTemplate(text, options);
  return parsed.ok ? parsed.template.execute(data) : parsed;
}

/** True if the text contains the left delimiter, i.e. may need rendering. */
export function containsTemplate(
  text: string,
  delimiters: readonly [string, string] = DEFAULT_DELIMITERS,
): boolean {
  return text.includes(delimiters[0] || DEFAULT_DELIMITERS[0]);
}
