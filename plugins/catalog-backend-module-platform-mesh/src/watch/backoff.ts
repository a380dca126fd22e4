import { jitteredBackoffMs } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The providers' list and watch retries: 500 ms doubling up to 30 s (+20 % jitter at most).
 * Catalog entities change rarely, so the cap is higher than the status cache's: a long outage
 * costs few requests.
 */
const RETRY_BACKOFF = { baseMs: 500, capMs: 30_000 } as const;

/**
 * Delay before the n-th consecutive retry of a failed list or watch (n starts at 1).
 *
 * @param failures - consecutive failures so far
 * @param random - numbers in [0, 1), for tests
 */
export function retryDelayMs(
  failures: number,
  random: () => number = Math.random,
): number {
  return jitteredBackoffMs(failures, RETRY_BACKOFF, random);
}
