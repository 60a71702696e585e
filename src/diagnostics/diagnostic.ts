/** A problem found in the user's input, as data. One place (render.ts) turns these into text. */
export type DiagnosticCode =
  | 'config-invalid'
  | 'config-not-found'
  | 'yaml-syntax'
  | 'yaml-unknown-tag'
  | 'import-invalid'
  | 'import-missing'
  | 'import-cycle'
  | 'template-error'
  | 'section-invalid'
  | 'merge-strategy-invalid'
  | 'metadata-invalid'
  | 'inherits-missing'
  | 'inherits-cycle'
  | 'component-folder-missing'
  | 'backend-type-mismatch'
  | 'stack-name-unresolved'
  | 'stack-not-found'
  | 'component-not-found'
  | 'component-duplicate'
  | 'no-stacks-found'
  | 'component-abstract'
  | 'component-locked'
  | 'component-type'
  | 'backend-type-missing'
  | 'terraform-not-found'
  | 'write-failed'
  | 'hcl-invalid'
  | 'schema-invalid'
  | 'manifest-schema'
  | 'var-unknown'
  | 'var-type'
  | 'var-required'
  | 'var-invalid'
  | 'component-validation'
  | 'function-error'
  | 'dependency-cycle'
  | 'dependency-missing'
  | 'include-missing'
  | 'usage';

export type Severity = 'error' | 'warning';

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface RelatedLocation {
  readonly file: string;
  readonly position?: Position;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** Path shown to the user (relative to the repository or the stacks base path). */
  readonly file?: string;
  readonly position?: Position;
  /** What to do about it. */
  readonly hint?: string;
  /** Other places that take part in the problem (the second definition, the rest of a cycle...). */
  readonly related?: readonly RelatedLocation[];
  /** Source text used to draw a code frame, when the file has one. */
  readonly source?: string;
}

export function error(
  code: DiagnosticCode,
  message: string,
  where: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity: 'error', message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
