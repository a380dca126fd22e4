import type { Config } from '@backstage/config';
import type { ClusterRegistry } from './ClusterRegistry';
import { collectTargets } from './collectTargets';
import { PlatformMeshConfigError } from './PlatformMeshConfigError';
import type { PlatformMeshTarget } from './types';

/**
 * Reads `platformMesh.targets` against a cluster registry, applying defaults (infra cluster =
 * operator cluster, namespaces, Secret names, runtime server URL).
 *
 * @throws {@link PlatformMeshConfigError} naming every broken entry.
 * @public
 */
export function readTargets(
  config: Config,
  registry: ClusterRegistry,
): PlatformMeshTarget[] {
  const problems: string[] = [];
  const names = new Set(registry.list().map(c => c.name));
  const targets = collectTargets(
    config,
    { names, get: name => registry.get(name) },
    problems,
  );
  if (problems.length > 0) {
    throw new PlatformMeshConfigError(problems);
  }
  return targets;
}
