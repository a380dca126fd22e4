import type { TargetSummary } from '../types/status';
import { KUBERNETES_CLUSTER_ENTITY_TYPE } from './annotations';
import {
  MANAGED_BY_LOCATION_ANNOTATION,
  MANAGED_BY_ORIGIN_LOCATION_ANNOTATION,
  PLATFORM_MESH_ENTITY_NAMESPACE,
  type PlatformMeshResourceEntity,
} from './catalogEntity';
import { toEntityName } from './entityName';

/**
 * The entity ref of the `kubernetes-cluster` Resource of a configured cluster:
 * `resource:default/<cluster name as an entity name>`. Instance entities depend on it whether the
 * provider emits the cluster entities or the catalog has them from elsewhere.
 *
 * @param cluster - the configured cluster name
 */
export function clusterEntityRef(cluster: string): string {
  return `resource:${PLATFORM_MESH_ENTITY_NAMESPACE}/${toEntityName(cluster)}`;
}

/**
 * The distinct clusters of a target, in the order operator, runtime, infra.
 *
 * @param target - the target
 */
export function targetClusters(target: TargetSummary): string[] {
  return [
    ...new Set([
      target.operatorCluster,
      target.runtimeCluster,
      target.infraCluster,
    ]),
  ];
}

/**
 * Options of {@link buildClusterEntities}.
 *
 * @alpha
 */
export interface ClusterEntitiesOptions {
  /** `spec.owner` of the cluster entities. */
  owner: string;
  /** The provider's location, e.g. `platform-mesh:clusters` (both managed-by annotations). */
  location: string;
}

/**
 * One `Resource` entity of type `kubernetes-cluster` per distinct cluster the targets use
 * (operator, runtime and infra; a cluster shared by several targets or roles appears once), named
 * after the cluster, its description saying which role it plays for which target. Cluster URLs
 * and credentials are never part of it.
 *
 * @param targets - the targets whose clusters to describe
 * @param options - owner and location
 * @alpha
 */
export function buildClusterEntities(
  targets: readonly TargetSummary[],
  options: ClusterEntitiesOptions,
): PlatformMeshResourceEntity[] {
  const roles = new Map<string, Map<string, string[]>>();
  const add = (cluster: string, role: string, target: string) => {
    const byRole = roles.get(cluster) ?? new Map<string, string[]>();
    roles.set(cluster, byRole);
    const list = byRole.get(role) ?? [];
    if (!list.includes(target)) list.push(target);
    byRole.set(role, list);
  };
  for (const target of targets) {
    add(target.operatorCluster, 'operator', target.name);
    add(target.runtimeCluster, 'runtime', target.name);
    add(target.infraCluster, 'infra', target.name);
  }
  return [...roles.entries()].map(([cluster, byRole]) => {
    const uses = [...byRole.entries()]
      .map(([role, names]) => `${role} cluster of ${names.join(', ')}`)
      .join('; ');
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: toEntityName(cluster),
        namespace: PLATFORM_MESH_ENTITY_NAMESPACE,
        title: cluster,
        description: `Kubernetes cluster "${cluster}" of Platform Mesh: ${uses}.`,
        annotations: {
          [MANAGED_BY_LOCATION_ANNOTATION]: options.location,
          [MANAGED_BY_ORIGIN_LOCATION_ANNOTATION]: options.location,
        },
        tags: ['platform-mesh', 'kubernetes'],
      },
      spec: { type: KUBERNETES_CLUSTER_ENTITY_TYPE, owner: options.owner },
    };
  });
}
