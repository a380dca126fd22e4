import type { Health } from '../types/status';

/**
 * Health values from the most to the least urgent: the order lists show problems in
 * (`failed`, `degraded`, `progressing`, `suspended`, `unknown`, `healthy`).
 */
export const HEALTH_ORDER: readonly Health[] = [
  'failed',
  'degraded',
  'progressing',
  'suspended',
  'unknown',
  'healthy',
];

/**
 * Compares two health values by urgency, for `Array.prototype.sort`: a negative result means `a`
 * is more urgent than `b`.
 *
 * @param a - the first health value
 * @param b - the second health value
 */
export function compareHealth(a: Health, b: Health): number {
  return HEALTH_ORDER.indexOf(a) - HEALTH_ORDER.indexOf(b);
}

/**
 * The more urgent of two health values (see {@link HEALTH_ORDER}).
 *
 * @param a - the first health value
 * @param b - the second health value
 */
export function worseHealth(a: Health, b: Health): Health {
  return compareHealth(a, b) <= 0 ? a : b;
}
