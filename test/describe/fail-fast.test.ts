import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/testdir.js';
import { PRESETS, generate } from '../bench/generate.mjs';

// Bad input in a generated organisation (20 stacks) fails with the error a small case gives, before
// any stack is compiled: the compile cache's counters show nothing compiled.
const cases: [string, string, (text: string) => string, RegExp][] = [
  [
    'a YAML error in a catalog file every stack imports',
    'stacks/catalog/c3/base.yaml',
    (t) => t.replace('vars:', 'vars: [oops'),
    /stacks\/catalog\/c3\/base\.yaml:\d+:\d+: error\[yaml-syntax\]/,
  ],
  [
    'a missing import in one stack',
    'stacks/orgs/acme/t1/s2/r1.yaml',
    (t) => t.replace('  - ./_defaults', '  - ./_defaults\n  - catalog/nope'),
    /stacks\/orgs\/acme\/t1\/s2\/r1\.yaml:\d+:\d+: error\[import-missing\]/,
  ],
  [
    'an import cycle between two catalog files',
    'stacks/catalog/c0/defaults.yaml',
    (t) => `import: [catalog/c0/main]\n${t}`,
    /error\[import-cycle\]/,
  ],
];

describe('bad input in a large organisation', () => {
  it.each(cases)('%s: fails before compiling any stack', (_label, file, edit, message) => {
    const dir = testdir({});
    generate(dir, PRESETS.small);
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    const r = runCli(['describe', 'stacks', '--format', 'json'], dir, { STRATA_CACHE_STATS: '1' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('compile cache: 0 reused, 0 compiled');
    expect(r.stderr).not.toContain('    at '); // no stack trace
  });
});
