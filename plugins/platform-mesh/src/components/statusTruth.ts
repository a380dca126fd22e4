import type {
  ClusterRole,
  ClusterRoleStatus,
  Health,
  InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** The three roles in the order the card lists them. */
export const CLUSTER_ROLES: ClusterRole[] = ['runtime', 'infra', 'operator'];

/** True when the cluster of a role could not be read completely (unreachable or an error). */
export function isUnread(cluster: ClusterRoleStatus | undefined): boolean {
  return !!cluster && (!cluster.reachable || !!cluster.error);
}

/** The roles whose cluster could not be read completely, in {@link CLUSTER_ROLES} order. */
export function unreadRoles(
  clusters: Partial<Record<ClusterRole, ClusterRoleStatus>>,
): ClusterRole[] {
  return CLUSTER_ROLES.filter(role => isUnread(clusters[role]));
}

/**
 * The overall health the card shows: the backend's, except that a cluster that could not be read
 * never lets it read better than `unknown` (healthy, progressing or suspended become `unknown`;
 * failed and degraded stay: what is known to be broken stays broken). The backend does the same
 * since its required-reads check; this keeps an older or cached answer from showing green.
 *
 * @param status - the backend's answer
 */
export function shownOverall(status: InstanceStatus): Health {
  const overall = status.instance.overall;
  if (overall === 'failed' || overall === 'degraded') return overall;
  return unreadRoles(status.clusters).length ? 'unknown' : overall;
}

/**
 * True when the diagnostics ran on complete data: the overall health is known, every cluster was
 * read and no required list failed (`read-failed`). Only then may "No problems found" be said.
 *
 * @param status - the backend's answer
 */
export function diagnosticsComplete(status: InstanceStatus): boolean {
  return (
    status.instance.overall !== 'unknown' &&
    unreadRoles(status.clusters).length === 0 &&
    !status.diagnostics.some(d => d.id === 'read-failed')
  );
}

/**
 * True when the PlatformMesh's conditions are not current: the runtime cluster could not be read,
 * or its error is about PlatformMeshes (or names no resource). A failed list of another kind
 * (e.g. ConfigMaps) leaves the conditions current.
 *
 * @param runtime - the runtime cluster's status
 */
export function conditionsNotCurrent(
  runtime: ClusterRoleStatus | undefined,
): boolean {
  if (!runtime) return false;
  if (!runtime.reachable) return true;
  const resource = runtime.error?.resource;
  return (
    !!runtime.error && (!resource || resource.startsWith('platformmeshes.'))
  );
}
