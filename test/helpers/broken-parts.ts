import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from './testdir.js';
import { PRESETS, generate } from '../bench/generate.mjs';

/** The small generated organisation (20 stacks × 10 components) the worker-thread tests share out. */
export function smallOrganisation(): string {
  const dir = testdir({});
  generate(dir, PRESETS.small);
  return dir;
}

/** Changes one file of an organisation in place. */
export function edit(dir: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
}

/**
 * Broken inputs met in a worker thread's part and in the main thread's, with the error each gives:
 * a run on several threads must report them as one thread does.
 */
export const BROKEN_PARTS: [label: string, file: string, change: (text: string) => string, error: RegExp][] =
  [
    [
      'a missing import in the last stack (a worker thread loads it)',
      'stacks/orgs/acme/t1/s4/r1.yaml',
      (t) => t.replace('  - ./_defaults', '  - ./_defaults\n  - catalog/nope'),
      /error\[import-missing\]/,
    ],
    [
      'a missing base in the last stack (a worker thread compiles it)',
      'stacks/orgs/acme/t1/s4/r1.yaml',
      (t) => t.replace('    c0:\n', '    c0:\n      metadata: {inherits: [nope]}\n'),
      /error\[inherits-missing\]/,
    ],
    [
      'a YAML error in the first stack (the main thread loads it)',
      'stacks/orgs/acme/t0/s0/r0.yaml',
      (t) => t.replace('vars:', 'vars: [oops'),
      /error\[yaml-syntax\]/,
    ],
  ];
