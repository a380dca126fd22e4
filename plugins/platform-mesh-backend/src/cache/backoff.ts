import { jitteredBackoffMs } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The status cache's watch retries: 250 ms doubling, capped at 4 s (+20 % jitter at most). The
 * cap keeps the time from "the cluster answers again" to "the cache says so" under 5 s however
 * long the outage was.
 */
export const WATCH_BACKOFF = { baseMs: 250, capMs: 4_000 } as const;

/**
 * Delay before the n-th consecutive retry of a watch of the status cache (n starts at 1).
 *
 * @param failures - consecutive failures so far (1 for the first retry)
 * @param random - a source of numbers in [0, 1), for tests
 */
export function watchRetryDelayMs(
  failures: number,
  random: () => number = Math.random,
): number {
  return jitteredBackoffMs(failures, WATCH_BACKOFF, random);
}
