import type { HelmRelease } from '../types/flux';

/**
 * The failed attempts helm-controller counted for the HelmRelease's current spec: the largest of
 * `status.failures`, `status.installFailures` and `status.upgradeFailures`, but only when
 * `status.lastAttemptedGeneration` equals `metadata.generation` (the counters describe attempts at
 * this generation). 0 otherwise, and for a release that was never attempted.
 *
 * helm-controller v1.4.3 raises `failures` on every failed Helm action (also when Helm stored no
 * release, e.g. a chart that does not render or a missing release namespace on the target
 * cluster), `installFailures`/`upgradeFailures` only when a failed release was stored, and clears
 * them after a success or when the chart or values change.
 *
 * @param hr - the HelmRelease
 */
export function helmReleaseFailureCount(hr: HelmRelease): number {
  const status = hr.status;
  if (
    typeof hr.metadata.generation !== 'number' ||
    status?.lastAttemptedGeneration !== hr.metadata.generation
  ) {
    return 0;
  }
  return Math.max(
    0,
    ...[status.failures, status.installFailures, status.upgradeFailures].filter(
      (n): n is number => typeof n === 'number' && Number.isFinite(n),
    ),
  );
}
