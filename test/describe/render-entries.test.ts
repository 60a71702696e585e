import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/describe/format.js';
import { render, renderEntries } from '../../src/describe/format.js';
import { describeStacks, describeStacksLazily } from '../../src/describe/describe-stacks.js';
import { openProject } from '../../src/services/project.js';
import type { Project } from '../../src/services/project.js';
import type { TextSpool } from '../../src/describe/spooled-stacks.js';
import { describeStacksSpooled, memorySpool } from '../../src/describe/spooled-stacks.js';
import { fileSpool } from '../../src/io/text-spool.js';
import { describeStacksSpooledService } from '../../src/services/describe.js';
import type { Tree } from '../helpers/memory-project.js';
import { atmosYaml, memoryProject } from '../helpers/memory-project.js';
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

// The JSON of `describe stacks` is written from a spool of instances rendered as they compiled.
const spooled = (project: Project, spool: TextSpool = memorySpool(), format: OutputFormat = 'json'): string =>
  [...describeStacksSpooled(project.set, {}, spool, format).render()]
    .map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8')))
    .join('');

describe('describe stacks through a spool', () => {
  const trees: [string, Tree][] = [
    ['no stacks', { 'atmos.yaml': atmosYaml() }],
    [
      'several types, integer-like and quoted names, one stack from two manifests, a duplicate',
      {
        'atmos.yaml': atmosYaml().replace('stacks:\n', 'stacks:\n  name_pattern: "{stage}"\n'),
        'stacks/orgs/b.yaml':
          'vars: {stage: dev}\ncomponents:\n  terraform:\n    "10": {vars: {a: 1}}\n    "9": {}\n    \'say "hi"\': {vars: {t: "a\\nb"}}\n  helmfile:\n    web: {vars: {}}\n',
        'stacks/orgs/a.yaml':
          'vars: {stage: dev}\ncomponents:\n  terraform:\n    "9": {vars: {from: a}}\n    zz: {vars: {list: [1, {}, []]}}\n',
        'stacks/orgs/p.yaml':
          'vars: {stage: prod}\ncomponents:\n  terraform:\n    "9": {vars: {n: ünïcödé, text: "x\\n\\n  y\\n", "k: v": [{}, [], null]}}\n',
      },
    ],
  ];
  // YAML prints a key of over 1,024 characters as an explicit `? key` (no header line to reuse): that
  // organisation is printed from held sections instead, identically.
  trees.push([
    'a stack name too long for a plain YAML key',
    {
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/long.yaml': `name: ${'x'.repeat(1100)}\ncomponents:\n  terraform:\n    vpc: {vars: {a: 1}}\n`,
    },
  ]);
  const formats = ['json', 'yaml'] as const;
  it.each(trees.flatMap(([label, tree]) => formats.map((f) => [label, f, tree] as const)))(
    '%s (%s): byte for byte as rendering the whole value',
    (_label, format, tree) => {
      const whole = describeStacks(memoryProject(tree).set, {});
      const expected = format === 'json' ? render(whole, 'json') : streamed(whole, 'yaml');
      const project = memoryProject(tree);
      const out = [...describeStacksSpooledService(project, {}, memorySpool(), format).render()];
      expect(out.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('')).toBe(
        expected,
      );
    },
  );

  it.each(formats)(
    'gives the whole example organisation identically, through a spool file (%s)',
    (format) => {
      const project = () => openProject({ cwd: join(REPO, 'examples', 'aws-org'), env: {} });
      const spool = fileSpool();
      try {
        const whole = describeStacks(project().set, {});
        expect(spooled(project(), spool, format)).toBe(streamed(whole, format));
      } finally {
        spool.close();
      }
    },
  );
});

describe('the spool file', () => {
  it('gives back every text, past its write buffer, and leaves nothing in its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-spool-test-'));
    try {
      const spool = fileSpool(dir);
      const texts = Array.from({ length: 300 }, (_, i) => `${'é'.repeat(i * 37)}#${i}`);
      const handles = texts.map((t) => spool.put(t));
      expect(readdirSync(dir)).toEqual([]);
      for (const i of [299, 0, 150, 1])
        expect(Buffer.from(spool.get(handles[i]!)).toString('utf8')).toBe(texts[i]);
      spool.close();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
