/**
 * Internal error types and the conversion to the public TemplateError.
 */
import type { TemplateError } from './types.js';

/** Thrown inside the lexer, parser and executor; caught at the public boundary. */
export class TemplateFailure extends Error {
  constructor(
    readonly kind: 'syntax' | 'exec',
    readonly offset: number,
    readonly detail: string,
    /** Source text of the node being executed (exec errors). */
    readonly context?: string,
    /** Name of the (sub)template being executed (exec errors). */
    readonly executing?: string,
  ) {
    super(detail);
    this.name = 'TemplateFailure';
  }
}

/**
 * Thrown by template functions for argument problems that Go reports before the
 * call (wrong count, wrong type); the message is shown without "error calling X:".
 */
export class FunctionArgumentError extends Error {
  constructor(
    message: string,
    /** Set for a wrong argument count. */
    readonly arity?: { want: string; got: number },
  ) {
    super(message);
    this.name = 'FunctionArgumentError';
  }
}

/** Wrong number of arguments, reported as Go does: "wrong number of args for f: want 2 got 1". */
export class ArityError extends FunctionArgumentError {
  constructor(want: string, got: number) {
    super(`wrong number of args: want ${want} got ${got}`, { want, got });
    this.name = 'ArityError';
  }
}

/** The message for an argument error raised by the function called as `fn`. */
export function describeArgumentError(error: FunctionArgumentError, fn: string): string {
  return error.arity
    ? `wrong number of args for ${fn}: want ${error.arity.want} got ${error.arity.got}`
    : error.message;
}

export function syntaxFailure(offset: number, detail: string): TemplateFailure {
  return new TemplateFailure('syntax', offset, detail);
}

/** 1-based line and column of an offset. */
export function locate(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

export function toTemplateError(failure: TemplateFailure, text: string, name: string): TemplateError {
  const { line, column } = locate(text, failure.offset);
  const where = `template: ${name}:${line}:${column}: `;
  const message =
    failure.kind === 'exec'
      ? `${where}executing "${failure.executing ?? name}"${failure.context ? ` at <${failure.context}>` : ''}: ${failure.detail}`
      : `${where}${failure.detail}`;
  return { kind: failure.kind, message, offset: failure.offset, line, column };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
