import {
  canRead,
  instancePlatformMesh,
  isInstancePlatformMesh,
  sameCluster,
  SNAPSHOT_RESOURCES,
} from '../snapshot';
import type { Diagnostic } from '../types/status';
import { onCluster } from './text';
import type { DiagnosticRule } from './types';

const OTHER_ROLES = ['operator', 'infra'] as const;

/**
 * `cr-on-wrong-cluster`: the PlatformMesh must be on the runtime cluster, where the remote operator
 * watches it. Reports a copy on the operator or infra cluster (when that is not also the runtime
 * cluster): as an error when the runtime cluster has none, as a warning next to the runtime one.
 * Reports a PlatformMesh found nowhere as missing on the runtime cluster. Nothing is reported when
 * the runtime cluster could not be read.
 */
export const crOnWrongClusterRule: DiagnosticRule = {
  id: 'cr-on-wrong-cluster',
  evaluate(snapshot) {
    const resource = SNAPSHOT_RESOURCES.platformMeshes;
    if (!canRead(snapshot, 'runtime', resource)) return [];
    const { ref } = snapshot;
    const kubectlRef = `-n ${ref.namespace} platformmeshes.core.platform-mesh.io/${ref.name}`;
    const seen = new Set<string>();
    const elsewhere = OTHER_ROLES.filter(role => {
      const cluster = snapshot.clusters[role].cluster;
      if (sameCluster(snapshot, role, 'runtime') || seen.has(cluster))
        return false;
      seen.add(cluster);
      return (
        canRead(snapshot, role, resource) &&
        snapshot[role].platformMeshes.some(pm =>
          isInstancePlatformMesh(pm, ref),
        )
      );
    });
    const onRuntime = !!instancePlatformMesh(snapshot);
    const runtime = onCluster(snapshot, 'runtime');

    if (!onRuntime && elsewhere.length === 0) {
      return [
        {
          id: 'cr-on-wrong-cluster',
          severity: 'error',
          cluster: 'runtime',
          summary: `PlatformMesh ${ref.name} not found on the runtime cluster`,
          detail: `No PlatformMesh ${ref.namespace}/${ref.name} (core.platform-mesh.io) exists on ${runtime}, nor on the other clusters that could be read.`,
          hint: `Apply the PlatformMesh and its profile ConfigMap to the runtime cluster (the platform-mesh:apply action does both), or correct the entity's platform-mesh.io/instance annotation if the instance has another name or namespace.`,
        },
      ];
    }
    return elsewhere.map((role): Diagnostic => {
      const where = onCluster(snapshot, role);
      if (!onRuntime) {
        return {
          id: 'cr-on-wrong-cluster',
          severity: 'error',
          cluster: role,
          summary: `PlatformMesh ${ref.name} is on the ${role} cluster, not on the runtime cluster`,
          detail: `PlatformMesh ${ref.namespace}/${ref.name} exists on ${where} but not on ${runtime}. The remote operator watches PlatformMeshes only on the runtime cluster, so it never reconciles this one.`,
          hint: `Apply the PlatformMesh and its profile ConfigMap to the runtime cluster, then remove the copy from the ${role} cluster (kubectl delete ${kubectlRef}). Deleting a PlatformMesh does not remove what the operator created from it.`,
        };
      }
      return {
        id: 'cr-on-wrong-cluster',
        severity: 'warning',
        cluster: role,
        summary: `A second PlatformMesh ${ref.name} exists on the ${role} cluster`,
        detail: `PlatformMesh ${ref.namespace}/${ref.name} exists on ${runtime} and also on ${where}. An operator reconciling the ${role} cluster would deploy a second copy from it.`,
        hint: `Remove the copy from the ${role} cluster (kubectl delete ${kubectlRef}); the runtime cluster's PlatformMesh is the one the remote operator uses.`,
      };
    });
  },
};
