import type { DiagnosticCode } from '../diagnostics/diagnostic.js';
import type { Path } from '../load/source-file.js';

/**
 * A problem found while layering one component. It points at a path in the stack's merged config;
 * the pipeline turns that path into the file, line and column that wrote it (through provenance).
 */
export interface ComponentProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
  /** Path in the merged stack config, e.g. ['components', 'terraform', 'vpc', 'metadata', 'inherits', 0]. */
  readonly at: Path;
  /** Point at the key rather than its value (for keys that are not allowed). */
  readonly atKey?: boolean;
}

export class ComponentError extends Error {
  readonly problem: ComponentProblem;
  constructor(problem: ComponentProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

export function fail(problem: ComponentProblem): never {
  throw new ComponentError(problem);
}
