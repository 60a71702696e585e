import type { Diagnostic } from './diagnostic.js';

/**
 * The closed set of failures a command can end with. Commands never throw anything else on purpose;
 * anything else is a bug and is reported as one.
 */

/** The user's input is wrong (manifests, config, flags that name things that do not exist). Exit 1. */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode = 1;
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
