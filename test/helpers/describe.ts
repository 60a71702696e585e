import { describeComponentService, describeStacksService } from '../../src/services/describe.js';
import { UserError } from '../../src/diagnostics/errors.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkStacks } from '../../src/services/validate.js';
import { resolveTerraformInstance } from '../../src/services/instance.js';
import type { Tree } from './memory-project.js';
import { memoryProject } from './memory-project.js';

export function component(tree: Tree, name: string, stack: string): Record<string, any> {
  return describeComponentService(memoryProject(tree), name, stack).value as Record<string, any>;
}

/** The instance a terraform run of `name` in `stack` would use (every manifest searched). */
export function runInstance(tree: Tree, name: string, stack: string): Record<string, any> {
  return resolveTerraformInstance(memoryProject(tree), name, stack).instance.section as Record<string, any>;
}

export function stacks(tree: Tree): Record<string, any> {
  return describeStacksService(memoryProject(tree), {}) as Record<string, any>;
}

/** The diagnostics a call fails with (the test fails if it succeeds). */
export function failure(run: () => unknown): Diagnostic[] {
  try {
    run();
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('expected the call to fail with a user error');
}

export function validate(tree: Tree): Diagnostic[] {
  return checkStacks(memoryProject(tree)).diagnostics;
}
