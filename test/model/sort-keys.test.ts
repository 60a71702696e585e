import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../src/model/sort-keys.js';
import { random } from '../helpers/random.js';

// Output and digests print values key-sorted. The sort copies only what is out of order, so sorting a
// compiled (already sorted) section twice costs a walk, not a copy; the printed text must not change.
describe('sortKeys', () => {
  const cases: [string, unknown, string][] = [
    ['scalar', 'x', '"x"'],
    ['flat map', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['nested maps in lists', [{ z: { y: 1, x: 2 } }, 3], '[{"z":{"x":2,"y":1}},3]'],
    ['integer-like keys first, as JavaScript orders them', { b: 1, '10': 2, '9': 3 }, '{"9":3,"10":2,"b":1}'],
    [
      '__proto__ is a key like any other',
      JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}'),
      '{"__proto__":{"x":2,"y":1},"b":1}',
    ],
    ['empty', { b: {}, a: [] }, '{"a":[],"b":{}}'],
  ];
  it.each(cases)('%s', (_label, value, json) => {
    expect(JSON.stringify(sortKeys(value))).toBe(json);
  });

  it('returns a sorted value as it is, and copies only the maps that were out of order', () => {
    const sorted = { a: { x: [1, { p: 1, q: 2 }] }, b: { m: 1 } };
    expect(sortKeys(sorted)).toBe(sorted);
    const partly = { a: { x: 1 }, b: { n: 1, m: 2 } };
    const out = sortKeys(partly);
    expect(out).not.toBe(partly);
    expect(out.a).toBe(partly.a);
    expect(Object.keys(out.b)).toEqual(['m', 'n']);
    expect(Object.keys(partly.b)).toEqual(['n', 'm']);
  });

  it('prints random values exactly as a fresh full sort does, and is idempotent', () => {
    const rnd = random(5);
    for (let i = 0; i < 300; i++) {
      const v = doc(rnd);
      const once = sortKeys(v);
      expect(JSON.stringify(once)).toBe(JSON.stringify(fullSort(v)));
      expect(sortKeys(once)).toBe(once);
    }
  });
});

function fullSort(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fullSort);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, fullSort((v as Record<string, unknown>)[k])]),
    );
  return v;
}

function doc(rnd: () => number, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(rnd() * 5);
  const keys = ['b', 'a', 'c', '2', '10', 'a-b'];
  for (let i = 0; i < n; i++) out[keys[Math.floor(rnd() * keys.length)]!] = value(rnd, depth + 1);
  return out;
}

function value(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.4) return [1, 'a', true, null][Math.floor(rnd() * 4)];
  if (r < 0.7) return doc(rnd, depth);
  return Array.from({ length: Math.floor(rnd() * 3) }, () => value(rnd, depth + 1));
}
