/**
 * The bounds of an exponential backoff: the first delay and the largest, before jitter.
 *
 * @public
 */
export interface BackoffBounds {
  /** Delay before the first retry, in ms (before jitter). */
  baseMs: number;
  /** Largest delay, in ms (before jitter; jitter adds up to 20 %). */
  capMs: number;
}

/**
 * Delay before the n-th consecutive retry of a failed list or watch (n starts at 1): `baseMs`
 * doubling up to `capMs`, spread by ±20 % so that the clients of a cluster that comes back do
 * not all reconnect in the same instant.
 *
 * @param failures - consecutive failures so far (1 for the first retry)
 * @param bounds - the first and the largest delay
 * @param random - a source of numbers in [0, 1), for tests
 * @public
 */
export function jitteredBackoffMs(
  failures: number,
  bounds: BackoffBounds,
  random: () => number = Math.random,
): number {
  const base = Math.min(
    bounds.capMs,
    bounds.baseMs * 2 ** Math.max(0, failures - 1),
  );
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A duration spread by ±`fraction` (default 10 %), e.g. a periodic re-list interval, so that
 * the loops started together do not run together.
 *
 * @param ms - the duration
 * @param fraction - the spread, 0.1 for ±10 %
 * @param random - a source of numbers in [0, 1), for tests
 * @public
 */
export function jittered(
  ms: number,
  fraction = 0.1,
  random: () => number = Math.random,
): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}
