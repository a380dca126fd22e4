import { compareHealth } from '../health/healthOrder';
import { describeOcmResource } from '../health/ocmResource';
import {
  informationalReadError,
  SNAPSHOT_RESOURCES,
  type InstanceSnapshot,
} from '../snapshot';
import type { ClusterError, OcmResourceStatus } from '../types/status';

/**
 * The OCM Resources of an instance for the status answer: every `delivery.ocm.software` Resource in
 * the instance's namespace on the runtime cluster (the operator renders `<service>-chart`,
 * `<service>-image` and the infra components' Resources there, without an owner label), problems
 * first, then by name. When they could not be read (the runtime cluster failed, the list was
 * forbidden, the CRD is not installed, or it has not listed yet) `resources` is absent and `error`
 * says why; an empty list is a checked "none".
 *
 * @param snapshot - a well-formed snapshot
 */
export function ocmResourceStatuses(snapshot: InstanceSnapshot): {
  resources?: OcmResourceStatus[];
  error?: ClusterError;
} {
  const error = informationalReadError(
    snapshot.clusters.runtime,
    SNAPSHOT_RESOURCES.ocmResources,
  );
  if (error) return { error };
  const list = snapshot.runtime.ocmResources;
  if (!list) return {};
  const namespace = snapshot.ref.namespace;
  return {
    resources: list
      .filter(r => r.metadata.namespace === namespace)
      .map(describeOcmResource)
      .sort(
        (a, b) =>
          compareHealth(a.health, b.health) || a.name.localeCompare(b.name),
      ),
  };
}
