import type { ClusterRole } from '../types/status';
import type { InstanceSnapshot } from './InstanceSnapshot';
import type { SnapshotResource } from './resources';

/**
 * True when the snapshot's data for `role` can be trusted for every listed resource: the cluster
 * was reachable, had no role-level error, and none of the resources failed to list (a
 * `crd-missing` failure counts as read: without the CRD there are no such objects). Diagnostics
 * check this first, so that missing data never produces a finding.
 *
 * @param snapshot - the instance snapshot
 * @param role - the cluster role
 * @param resources - the resources the caller relies on
 */
export function canRead(
  snapshot: InstanceSnapshot,
  role: ClusterRole,
  ...resources: SnapshotResource[]
): boolean {
  const read = snapshot.clusters[role];
  if (!read.reachable || read.error) return false;
  return !(read.resourceErrors ?? []).some(
    e =>
      e.type !== 'crd-missing' &&
      (!e.resource || (resources as string[]).includes(e.resource)),
  );
}

/**
 * True when two roles are played by the same configured cluster.
 *
 * @param snapshot - the instance snapshot
 * @param a - one role
 * @param b - the other role
 */
export function sameCluster(
  snapshot: InstanceSnapshot,
  a: ClusterRole,
  b: ClusterRole,
): boolean {
  return snapshot.clusters[a].cluster === snapshot.clusters[b].cluster;
}
