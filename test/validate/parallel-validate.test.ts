import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';
import { PRESETS, generate } from '../bench/generate.mjs';

// `validate stacks --jobs N` checks parts of the manifests on worker threads; what it prints, and its
// exit code, are those of a single-threaded run.

function organisation(): string {
  const dir = testdir({});
  generate(dir, PRESETS.small); // 20 stacks × 10 components; catalog vars undeclared (warnings)
  return dir;
}

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

const validate = (dir: string, jobs: string, ...extra: string[]) =>
  runCli(['validate', 'stacks', '--no-cache', '--jobs', jobs, ...extra], dir);

describe('validate stacks on several threads', () => {
  it('reports the warnings one thread reports, each naming the instances it breaks, in the same words', () => {
    const dir = organisation();
    const single = validate(dir, '1');
    expect(single.exitCode, single.stderr).toBe(0);
    expect(single.stdout).toContain('All 20 stack manifests are valid');
    // A catalog entry's warning breaks all 20 stacks: five are named, the others counted.
    expect(single.stderr).toContain('and 15 more instances');
    for (const jobs of ['2', '3', '7']) expect(validate(dir, jobs)).toEqual(single);
    const strict = validate(dir, '1', '--strict');
    expect(strict.exitCode).toBe(1);
    expect(validate(dir, '3', '--strict')).toEqual(strict);
  });

  it('merges a type error found in a worker thread part with the main thread findings', () => {
    const dir = organisation();
    const last = 'stacks/orgs/acme/t1/s4/r1.yaml';
    edit(dir, last, (t) => t.replace('vars: {override: 1}', 'vars: {override: 1, name: [not, a, string]}'));
    const single = validate(dir, '1');
    expect(single.exitCode).toBe(1);
    expect(single.stderr).toMatch(/error\[var-type\]/);
    expect(single.stderr).toContain(last);
    expect(validate(dir, '3')).toEqual(single);
  });

  const broken: [string, string, (text: string) => string, RegExp][] = [
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
    [
      'the last stack names itself as the first (a duplicate across threads)',
      'stacks/orgs/acme/t1/s4/r1.yaml',
      (t) => t.replace(/vars:\n {2}environment: \w+/, 'vars:\n  tenant: t0\n  stage: s0\n  environment: r0'),
      /error\[component-duplicate\]/,
    ],
  ];
  it.each(broken)('%s: reports what one thread reports', (_label, file, change, message) => {
    const dir = organisation();
    edit(dir, file, change);
    const single = validate(dir, '1');
    expect(single.stderr).toMatch(message);
    expect(validate(dir, '3')).toEqual(single);
  });
});
