import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/describe/format.js';
import { render, renderEntries } from '../../src/describe/format.js';
import { describeStacks, describeStacksLazily } from '../../src/describe/describe-stacks.js';
import { openProject } from '../../src/services/project.js';
import { REPO } from '../helpers/testdir.js';

// `describe stacks` is written stack by stack; the text must be exactly what rendering the whole
// result at once gives.
const streamed = (value: Record<string, unknown>, format: OutputFormat): string =>
  [...renderEntries(Object.keys(value), (k) => value[k], format)].join('');

const cases: [string, Record<string, unknown>][] = [
  ['empty', {}],
  ['one entry', { dev: { components: { terraform: { vpc: { vars: { a: 1 } } } } } }],
  [
    'unsorted keys, nesting, empty and multi-line values',
    {
      zeta: { list: [1, [2, 3], {}], empty: {}, none: null, text: 'a\nb "q"' },
      alpha: { components: {}, '10': 'ten', '9': 'nine', 'b-c': true },
    },
  ],
];

describe('rendering describe stacks entry by entry', () => {
  it.each(
    cases.flatMap(([label, value]) => (['json', 'yaml'] as const).map((f) => [label, f, value] as const)),
  )('%s (%s) renders byte for byte as the whole value', (_label, format, value) => {
    expect(streamed(value, format)).toBe(render(value, format));
  });

  it.each(['json', 'yaml'] as const)('gives the whole example organisation identically (%s)', (format) => {
    const project = () => openProject({ cwd: join(REPO, 'examples', 'aws-org'), env: {} });
    const whole = render(describeStacks(project().set, {}), format);
    const lazy = describeStacksLazily(project().set, {});
    const out = [...renderEntries(lazy.names, (n) => lazy.take(n), format)].join('');
    expect(lazy.names.length).toBe(14);
    expect(out).toBe(whole);
  });
});
