import { cloneJson, deepMerge, isPlainObject } from './deepMerge';

describe('deepMerge', () => {
  it('merges objects, replaces arrays and scalars, ignores undefined', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', keep: true };
    const result = deepMerge(base, {
      a: { c: [3], e: 2 },
      d: 'y',
      keep: undefined,
    });
    expect(result).toEqual({ a: { b: 1, c: [3], e: 2 }, d: 'y', keep: true });
  });

  it('does not mutate its inputs', () => {
    const base = { a: { b: 1 } };
    const override = { a: { c: 2 } };
    const result = deepMerge(base, override);
    result.a.b = 99;
    expect(base).toEqual({ a: { b: 1 } });
    expect(override).toEqual({ a: { c: 2 } });
  });

  it('copies deeply', () => {
    const value = { a: [{ b: 1 }] };
    const copy = cloneJson(value);
    copy.a[0].b = 2;
    expect(value.a[0].b).toBe(1);
  });

  it('tells plain objects from arrays and null', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject('x')).toBe(false);
  });
});
