/** First retry delay of {@link retryDelayMs}, before jitter. */
export const RETRY_BASE_MS = 500;
/** Largest retry delay of {@link retryDelayMs}, before jitter. */
export const RETRY_CAP_MS = 30_000;

/**
 * Delay before the n-th consecutive retry of a failed list or watch (n starts at 1): 500 ms
 * doubling up to 30 s, spread by ±20 % so that the providers of a cluster that comes back do not
 * all reconnect at once. Catalog entities change rarely, so the cap is higher than the status
 * cache's: a long outage costs few requests.
 *
 * @param failures - consecutive failures so far
 * @param random - numbers in [0, 1), for tests
 */
export function retryDelayMs(
  failures: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(
    RETRY_CAP_MS,
    RETRY_BASE_MS * 2 ** Math.max(0, failures - 1),
  );
  return Math.round(base * (0.8 + 0.4 * random()));
}
