import type { ReleaseStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * True when two release statuses show the same (every field equal, shallowly): a poll that
 * brings a new but equal object must not re-render its row.
 */
export function sameRelease(a: ReleaseStatus, b: ReleaseStatus): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (
      (a as unknown as Record<string, unknown>)[key] !==
      (b as unknown as Record<string, unknown>)[key]
    ) {
      return false;
    }
  }
  return true;
}

/** The identity of a release within an instance. */
export function releaseKey(r: Pick<ReleaseStatus, 'kind' | 'namespace' | 'name'>): string {
  return `${r.kind}/${r.namespace}/${r.name}`;
}

/**
 * True when the release needs "Reconcile with force": a HelmRelease Flux gave up on
 * (RetriesExceeded), by its reason or by a `release-retries-exceeded` diagnostic naming it.
 */
export function needsForce(
  release: ReleaseStatus,
  retriesExceeded: ReadonlySet<string>,
): boolean {
  return (
    release.kind === 'HelmRelease' &&
    (release.reason === 'RetriesExceeded' || retriesExceeded.has(release.name))
  );
}

/**
 * The names of the HelmReleases that `release-retries-exceeded` diagnostics are about (their
 * summary starts with `HelmRelease <name> `).
 */
export function retriesExceededNames(
  diagnostics: Array<{ id: string; summary: string }>,
): Set<string> {
  const names = new Set<string>();
  for (const d of diagnostics) {
    if (d.id !== 'release-retries-exceeded') continue;
    const match = d.summary.match(/^HelmRelease (\S+) /);
    if (match) names.add(match[1]);
  }
  return names;
}
