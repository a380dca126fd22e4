/** First retry delay of {@link jitteredBackoffMs}, before jitter. */
export const BACKOFF_BASE_MS = 250;
/** Largest retry delay of {@link jitteredBackoffMs}, before jitter (+20 % at most). */
export const BACKOFF_CAP_MS = 4_000;

/**
 * Delay before the n-th consecutive retry of a watch (n starts at 1): 250 ms doubling, capped at
 * 4 s, each spread by ±20 % jitter so that the watches of a cluster that comes back do not all
 * reconnect in the same instant. The cap keeps the time from "the cluster answers again" to "the
 * cache says so" under 5 s however long the outage was.
 *
 * @param failures - consecutive failures so far (1 for the first retry)
 * @param random - a source of numbers in [0, 1), for tests
 */
export function jitteredBackoffMs(
  failures: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(
    BACKOFF_CAP_MS,
    BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1),
  );
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A duration spread by ±`fraction` (default 10 %), e.g. the periodic re-list interval, so that
 * the informers started together do not re-list together.
 */
export function jittered(
  ms: number,
  fraction = 0.1,
  random: () => number = Math.random,
): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}
