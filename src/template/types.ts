/**
 * Public types of the Go text/template-compatible engine.
 */

/** Go's `missingkey` option: `default` (alias `invalid`) prints "<no value>", `zero` prints "", `error` fails. */
export type MissingKey = 'default' | 'zero' | 'error';

/** A template function. It may throw an Error, which is reported as an execution error. */
export type TemplateFunction = (...args: unknown[]) => unknown;

export interface TemplateOptions {
  /** Used in error messages, e.g. the file name. Defaults to "template". */
  name?: string;
  /** Action delimiters; defaults to ['{{', '}}']. */
  delimiters?: readonly [string, string];
  /** Behaviour when a map has no entry for a key; defaults to 'default'. */
  missingKey?: MissingKey;
  /** Extra functions; they override builtins of the same name. */
  functions?: Readonly<Record<string, TemplateFunction>>;
}

export interface TemplateError {
  kind: 'syntax' | 'exec';
  message: string;
  /** Offset (UTF-16 code units) of the offending token or node in the template text. */
  offset: number;
  /** 1-based line within the template text. */
  line: number;
  /** 1-based column within the line. */
  column: number;
}

export type RenderResult = { ok: true; output: string } | { ok: false; error: TemplateError };

export type ParseResult = { ok: true; template: CompiledTemplate } | { ok: false; error: TemplateError };

export interface CompiledTemplate {
  execute(data: unknown): RenderResult;
}
