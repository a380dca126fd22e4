import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  RoleRead,
  SnapshotResource,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { InformerState } from './ResourceInformer';

/** Errors that mean the whole cluster cannot be used, not just one resource. */
const CLUSTER_WIDE: ReadonlyArray<ClusterError['type']> = [
  'unreachable',
  'timeout',
  'unauthorized',
];

/**
 * Combines the states of the watches that feed one role into the role's `RoleRead`: a connection,
 * timeout or authentication failure makes the role unreachable; any other failure (forbidden, CRD
 * missing) is a resource error next to what did work; a watch that has not listed yet is reported
 * as such, so that no diagnostic reads an empty list as "missing".
 */
export function roleRead(
  cluster: string,
  reads: Array<{
    resource: SnapshotResource;
    state: InformerState<unknown>;
    /** A missing CRD is expected here (e.g. PlatformMesh on the infra cluster): not an error. */
    optional?: boolean;
  }>,
): RoleRead {
  let roleError: ClusterError | undefined;
  const resourceErrors: ClusterError[] = [];
  let observedAt: string | undefined;

  for (const { resource, state, optional } of reads) {
    if (optional && state.error?.type === 'crd-missing') continue;
    if (state.error && CLUSTER_WIDE.includes(state.error.type)) {
      roleError ??= {
        ...state.error,
        resource: state.error.resource ?? resource,
      };
    } else if (state.error) {
      resourceErrors.push({
        ...state.error,
        resource: state.error.resource ?? resource,
      });
    } else if (!state.synced) {
      resourceErrors.push({
        type: 'unknown',
        resource,
        message: `waiting for the first list of ${resource}`,
      });
    }
    if (state.observedAt && (!observedAt || state.observedAt < observedAt)) {
      observedAt = state.observedAt;
    }
  }

  return {
    cluster,
    reachable: roleError === undefined,
    ...(observedAt ? { observedAt } : {}),
    ...(roleError ? { error: roleError } : {}),
    ...(resourceErrors.length
      ? { resourceErrors: dedupe(resourceErrors) }
      : {}),
  };
}

function dedupe(errors: ClusterError[]): ClusterError[] {
  const seen = new Set<string>();
  return errors.filter(e => {
    const key = `${e.resource}|${e.type}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
