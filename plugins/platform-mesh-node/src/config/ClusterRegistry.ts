import type { PlatformMeshClusterDetails } from './types';

/**
 * The configured clusters, by name.
 *
 * @public
 */
export interface ClusterRegistry {
  /** Where the clusters were read from. */
  readonly source: 'platformMesh' | 'kubernetes' | 'none';
  /** Every cluster, in config order. */
  list(): PlatformMeshClusterDetails[];
  /** The cluster with this name, if configured. */
  get(name: string): PlatformMeshClusterDetails | undefined;
}

/** Builds a {@link ClusterRegistry} over validated cluster entries. */
export function createClusterRegistry(
  source: ClusterRegistry['source'],
  clusters: PlatformMeshClusterDetails[],
): ClusterRegistry {
  const byName = new Map(clusters.map(c => [c.name, c]));
  return {
    source,
    list: () => [...clusters],
    get: name => byName.get(name),
  };
}
