import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  jittered,
  jitteredBackoffMs,
} from './backoff';

describe('jitteredBackoffMs', () => {
  it('doubles from 250 ms and never waits more than 4.8 s, however many failures', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 50].map(n => jitteredBackoffMs(n, mid))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect(jitteredBackoffMs(1000, () => 0.999999)).toBeLessThanOrEqual(
      BACKOFF_CAP_MS * 1.2,
    );
    expect(BACKOFF_CAP_MS * 1.2).toBeLessThan(5000);
  });

  it('spreads each delay by ±20 %', () => {
    expect(jitteredBackoffMs(1, () => 0)).toBe(BACKOFF_BASE_MS * 0.8);
    expect(jitteredBackoffMs(1, () => 0.999999)).toBe(BACKOFF_BASE_MS * 1.2);
    const seen = new Set(
      Array.from({ length: 50 }, () => jitteredBackoffMs(3)),
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
