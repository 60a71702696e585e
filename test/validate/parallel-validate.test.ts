import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/testdir.js';
import { BROKEN_PARTS, edit, smallOrganisation } from '../helpers/broken-parts.js';

// `validate stacks --jobs N` checks parts of the manifests on worker threads; what it prints, and its
// exit code, are those of a single-threaded run.

const organisation = smallOrganisation; // 20 stacks × 10 components; catalog vars undeclared (warnings)

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

  const broken: typeof BROKEN_PARTS = [
    ...BROKEN_PARTS,
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
