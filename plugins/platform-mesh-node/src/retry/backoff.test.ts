import { jittered, jitteredBackoffMs } from './backoff';

const BOUNDS = { baseMs: 250, capMs: 4_000 };

describe('jitteredBackoffMs', () => {
  it('doubles from the base and never waits more than the cap plus 20 %, however many failures', () => {
    const mid = () => 0.5;
    expect(
      [1, 2, 3, 4, 5, 6, 50].map(n => jitteredBackoffMs(n, BOUNDS, mid)),
    ).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(jitteredBackoffMs(1000, BOUNDS, () => 0.999999)).toBeLessThanOrEqual(
      BOUNDS.capMs * 1.2,
    );
  });

  it('spreads each delay by ±20 %', () => {
    expect(jitteredBackoffMs(1, BOUNDS, () => 0)).toBe(BOUNDS.baseMs * 0.8);
    expect(jitteredBackoffMs(1, BOUNDS, () => 0.999999)).toBe(
      BOUNDS.baseMs * 1.2,
    );
    const seen = new Set(
      Array.from({ length: 50 }, () => jitteredBackoffMs(3, BOUNDS)),
    );
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe('jittered', () => {
  it('spreads a duration by ±10 % by default', () => {
    expect(jittered(300_000, undefined, () => 0)).toBe(270_000);
    expect(jittered(300_000, undefined, () => 0.5)).toBe(300_000);
    expect(jittered(300_000, 0.2, () => 0.999999)).toBe(360_000);
  });
});
