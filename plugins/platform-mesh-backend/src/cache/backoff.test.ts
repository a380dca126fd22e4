import { WATCH_BACKOFF, watchRetryDelayMs } from './backoff';

describe('watchRetryDelayMs', () => {
  it('doubles from 250 ms and never waits more than 4.8 s, however many failures: the cache says a cluster is back within 5 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 50].map(n => watchRetryDelayMs(n, mid))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect(watchRetryDelayMs(1000, () => 0.999999)).toBeLessThanOrEqual(
      WATCH_BACKOFF.capMs * 1.2,
    );
    expect(WATCH_BACKOFF.capMs * 1.2).toBeLessThan(5000);
  });
});
