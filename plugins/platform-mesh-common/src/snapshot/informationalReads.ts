import type { ClusterError, ClusterRole } from '../types/status';
import type { RoleRead } from './InstanceSnapshot';
import { SNAPSHOT_RESOURCES, type SnapshotResource } from './resources';

/**
 * A list the status shows but does not depend on: when it cannot be read, its part of the answer is
 * left out and says why, while the cluster still counts as read and the overall health is unchanged.
 */
interface InformationalRead {
  role: ClusterRole;
  resource: SnapshotResource;
}

/**
 * The informational lists: the OCM Resources on the runtime cluster (the operator renders them, an
 * OCM controller resolves them; the releases on the infra cluster already tell whether the
 * deployment works).
 */
const INFORMATIONAL_READS: readonly InformationalRead[] = [
  { role: 'runtime', resource: SNAPSHOT_RESOURCES.ocmResources },
];

/**
 * True when `resource` is an informational list of `role` (see {@link INFORMATIONAL_READS}).
 *
 * @param role - the cluster role
 * @param resource - the resource name of a `ClusterError`
 */
export function isInformationalRead(
  role: ClusterRole,
  resource: string | undefined,
): boolean {
  return INFORMATIONAL_READS.some(
    r => r.role === role && r.resource === resource,
  );
}

/**
 * Why an informational list of a role could not be read: the role's own error when the cluster
 * could not be read at all, else the list's error (including `crd-missing`); undefined when it was
 * read.
 *
 * @param read - what was read from the role's cluster
 * @param resource - the informational resource
 */
export function informationalReadError(
  read: RoleRead,
  resource: SnapshotResource,
): ClusterError | undefined {
  if (read.error) return read.error;
  if (!read.reachable) {
    return { type: 'unreachable', message: 'the cluster could not be read' };
  }
  return read.resourceErrors?.find(e => e.resource === resource);
}
