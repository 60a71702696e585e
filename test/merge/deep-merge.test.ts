import { describe, expect, it } from 'vitest';
import { mergeTraced, mergeValues } from '../../src/merge/deep-merge.js';
import type { ListMergeStrategy } from '../../src/model/cli-config.js';
import type { Value } from '../../src/model/value.js';
import { fileSources, traceKey } from '../../src/merge/trace.js';
import { random } from '../helpers/random.js';

const cases: { name: string; layers: unknown[]; strategy?: ListMergeStrategy; expected: unknown }[] = [
  {
    name: 'maps merge key by key',
    layers: [
      { a: 1, b: { x: 1 } },
      { b: { y: 2 }, c: 3 },
    ],
    expected: { a: 1, b: { x: 1, y: 2 }, c: 3 },
  },
  { name: 'later scalar wins', layers: [{ a: 1 }, { a: 2 }], expected: { a: 2 } },
  {
    name: 'empty map over a map changes nothing',
    layers: [{ a: { x: 1 } }, { a: {} }],
    expected: { a: { x: 1 } },
  },
  {
    name: 'null over anything replaces it',
    layers: [
      { a: { x: 1 }, b: [1] },
      { a: null, b: null },
    ],
    expected: { a: null, b: null },
  },
  {
    name: 'map over a list replaces it',
    layers: [{ a: [1, 2] }, { a: { k: 1 } }],
    expected: { a: { k: 1 } },
  },
  { name: 'list over a map replaces it', layers: [{ a: { k: 1 } }, { a: [1] }], expected: { a: [1] } },
  { name: 'scalar over a list replaces it', layers: [{ a: [1, 2] }, { a: 'x' }], expected: { a: 'x' } },
  { name: 'replace: later list wins', layers: [{ a: [1, 2, 3] }, { a: [4] }], expected: { a: [4] } },
  {
    name: 'append: lists concatenate',
    layers: [{ a: [1, 2] }, { a: [3] }],
    strategy: 'append',
    expected: { a: [1, 2, 3] },
  },
  {
    name: 'merge: maps at the same index merge, scalars keep the lower value, tails are kept',
    layers: [{ a: [{ a: 1 }, { b: 1 }, 'x'] }, { a: [{ a: 2 }, 'y'] }],
    strategy: 'merge',
    expected: { a: [{ a: 2 }, { b: 1 }, 'x'] },
  },
  {
    name: 'merge: a longer upper list adds its tail',
    layers: [{ a: [1] }, { a: [9, 2, 3] }],
    strategy: 'merge',
    expected: { a: [1, 2, 3] },
  },
  {
    name: 'empty and null top-level inputs are dropped',
    layers: [null, {}, { a: 1 }, null],
    expected: { a: 1 },
  },
  {
    name: '__proto__ is an ordinary key',
    layers: [JSON.parse('{"__proto__": {"x": 1}}'), { y: 2 }],
    expected: JSON.parse('{"__proto__": {"x": 1}, "y": 2}'),
  },
];

describe('mergeValues', () => {
  it.each(cases)('$name', ({ layers, strategy, expected }) => {
    expect(mergeValues(layers, strategy ?? 'replace')).toEqual(expected);
  });

  it('never mutates its inputs', () => {
    const a = deepFreeze({ a: { b: [1, { c: 2 }] }, d: 1 });
    const b = deepFreeze({ a: { b: [3], e: 4 }, d: null });
    expect(() => mergeValues([a, b], 'append')).not.toThrow();
    expect(a).toEqual({ a: { b: [1, { c: 2 }] }, d: 1 });
  });
});

// Property tests over random documents. The merge is a left fold (not associative: a scalar that
// replaces a map forgets it, so (a+b)+c and a+(b+c) differ), with {} as identity; every scalar of the
// last layer wins; and the traced merge computes the same value.
describe('merge properties', () => {
  const strategies: ListMergeStrategy[] = ['replace', 'append', 'merge'];
  for (const strategy of strategies) {
    it(`is a left fold (${strategy})`, () => {
      const rnd = random(42);
      for (let i = 0; i < 300; i++) {
        const [a, b, c] = [doc(rnd), doc(rnd), doc(rnd)];
        expect(mergeValues([a, b, c], strategy)).toEqual(
          mergeValues([mergeValues([a, b], strategy), c], strategy),
        );
      }
    });
    it(`lets every scalar of the last layer win (${strategy})`, () => {
      const rnd = random(11);
      for (let i = 0; i < 300; i++) {
        const [a, b] = [doc(rnd), doc(rnd)];
        const merged = mergeValues([a, b], strategy);
        for (const [path, leaf] of scalarLeaves(b)) expect(getPath(merged, path)).toEqual(leaf);
      }
    });
    it(`has the empty map as identity (${strategy})`, () => {
      const rnd = random(7);
      for (let i = 0; i < 200; i++) {
        const a = doc(rnd);
        expect(mergeValues([{}, a], strategy)).toEqual(a);
        expect(mergeValues([a, {}], strategy)).toEqual(a);
      }
    });
    it(`merges many layers at once as the pairwise fold does (${strategy})`, () => {
      // mergeValues merges maps k-way; mergeTraced folds pair by pair, as the rules are written.
      const rnd = random(23);
      for (let i = 0; i < 200; i++) {
        const layers = Array.from({ length: 2 + Math.floor(rnd() * 10) }, () => doc(rnd));
        const folded = mergeTraced(
          layers.map((value, n) => ({ value, sources: fileSources(`f${n}.yaml`, []) })),
          strategy,
        ).value;
        expect(JSON.stringify(mergeValues(layers, strategy))).toBe(JSON.stringify(folded));
      }
    });
    it(`traced merge gives the same value (${strategy})`, () => {
      const rnd = random(99);
      for (let i = 0; i < 200; i++) {
        const layers = [doc(rnd), doc(rnd), doc(rnd)];
        const traced = mergeTraced(
          layers.map((value, n) => ({ value, sources: fileSources(`f${n}.yaml`, []) })),
          strategy,
        );
        expect(traced.value).toEqual(mergeValues(layers, strategy));
      }
    });
  }
  it('is idempotent under replace', () => {
    const rnd = random(3);
    for (let i = 0; i < 200; i++) {
      const a = doc(rnd);
      expect(mergeValues([a, a], 'replace')).toEqual(a);
    }
  });
});

describe('mergeTraced', () => {
  it('records the winner first, then the values it won over', () => {
    const traced = mergeTraced(
      [
        { value: { vars: { a: 1, tags: { x: 'base' } } }, sources: fileSources('catalog/base.yaml', []) },
        { value: { vars: { a: 2 } }, sources: fileSources('orgs/dev.yaml', ['components']) },
      ],
      'replace',
    );
    expect(traced.trace.get(traceKey(['vars', 'a']))).toEqual([
      { file: 'orgs/dev.yaml', path: ['components', 'vars', 'a'] },
      { file: 'catalog/base.yaml', path: ['vars', 'a'] },
    ]);
    expect(traced.trace.get(traceKey(['vars', 'tags', 'x']))).toEqual([
      { file: 'catalog/base.yaml', path: ['vars', 'tags', 'x'] },
    ]);
  });

  it('drops the provenance of a map a scalar replaced', () => {
    const traced = mergeTraced(
      [
        { value: { a: { x: 1 } }, sources: fileSources('one.yaml', []) },
        { value: { a: 'flat' }, sources: fileSources('two.yaml', []) },
      ],
      'replace',
    );
    expect([...traced.trace.keys()]).toEqual([traceKey(['a'])]);
  });
});

function scalarLeaves(v: Value, path: string[] = []): [string[], Value][] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, x]) => scalarLeaves(x, [...path, k]));
  }
  return Array.isArray(v) ? [] : [[path, v]];
}

function getPath(v: unknown, path: string[]): unknown {
  return path.reduce<unknown>((cur, k) => (cur as Record<string, unknown>)[k], v);
}

function doc(rnd: () => number, depth = 0): Record<string, Value> {
  const out: Record<string, Value> = {};
  const n = Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) out[`k${Math.floor(rnd() * 4)}`] = value(rnd, depth + 1);
  return out;
}

function value(rnd: () => number, depth: number): Value {
  const r = rnd();
  if (depth > 3 || r < 0.4) return [1, 'a', true, null, 2.5][Math.floor(rnd() * 5)]!;
  if (r < 0.7) return doc(rnd, depth);
  return Array.from({ length: Math.floor(rnd() * 3) }, () => value(rnd, depth + 1));
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}
