import type { Config } from '@backstage/config';
import { collectClusters } from './collectClusters';
import { createClusterRegistry, type ClusterRegistry } from './ClusterRegistry';
import { PlatformMeshConfigError } from './PlatformMeshConfigError';

/**
 * Reads the clusters from `platformMesh.clusters`, or, when that key is absent, from the
 * Kubernetes plugin's `kubernetes.clusterLocatorMethods` entries of `type: config`.
 *
 * @throws {@link PlatformMeshConfigError} naming every broken entry.
 * @public
 */
export function readClusterRegistry(config: Config): ClusterRegistry {
  const problems: string[] = [];
  const { source, clusters } = collectClusters(config, problems);
  if (problems.length > 0) {
    throw new PlatformMeshConfigError(problems);
  }
  return createClusterRegistry(source, clusters);
}
