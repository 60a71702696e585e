import { describe, expect, it } from 'vitest';
import { copyMap, extendMap } from '../../src/model/value.js';

// Hot paths copy maps with these instead of object spread (faster on Node.js 20); a `__proto__` key
// from YAML must stay an ordinary key and never change a prototype.
describe('copyMap and extendMap', () => {
  const withProto = JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;

  it('copies without sharing the object', () => {
    const m = { a: 1, b: { c: 2 } };
    const out = copyMap(m);
    out['z'] = 3;
    expect(out).toEqual({ a: 1, b: { c: 2 }, z: 3 });
    expect(m).toEqual({ a: 1, b: { c: 2 } });
    expect(out['b']).toBe(m.b);
  });

  it('keeps __proto__ as an own key', () => {
    const out = copyMap(withProto);
    expect(Object.keys(out)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('extends in key order, later keys winning, __proto__ included', () => {
    const out = extendMap({ a: 1, b: 2 }, withProto);
    expect(Object.keys(out)).toEqual(['a', 'b', '__proto__']);
    expect(out['a']).toBe(1);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"a":1,"b":2,"__proto__":{"polluted":true}}');
  });
});
