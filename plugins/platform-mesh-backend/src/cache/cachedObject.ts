import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { InformerPool } from './InformerPool';
import { infraWatches } from './instanceSnapshot';
import {
  configMaps,
  ocmResources,
  platformMeshes,
  type WatchSpec,
} from './watchSpecs';

/**
 * The watch that holds objects of `kind` on the cluster of `role`: PlatformMeshes, profile
 * ConfigMaps and OCM Resources on runtime, the deployment technology's kinds on infra. Never a
 * Secret watch (the cache keeps only their key names, and they are never served).
 *
 * @param target - the target
 * @param role - the cluster role
 * @param kind - the object's kind
 */
function objectWatchSpec(
  target: PlatformMeshTarget,
  role: ClusterRole,
  kind: string,
): WatchSpec | undefined {
  if (role === 'runtime') {
    return [platformMeshes, configMaps, ocmResources].find(
      s => s.kind === kind,
    );
  }
  if (role === 'infra') return infraWatches(target).find(s => s.kind === kind);
  return undefined;
}

/**
 * One object as the cache holds it, with when its watch last confirmed the data; undefined when the
 * cache does not watch that kind there or has no such object. No cluster call.
 *
 * @param pool - the informer pool
 * @param target - the target
 * @param ref - the object, with the role of the cluster it lives on
 */
export function cachedObject(
  pool: InformerPool,
  target: PlatformMeshTarget,
  ref: { role: ClusterRole; kind: string; namespace: string; name: string },
): { cluster: string; object: any; observedAt?: string } | undefined {
  const spec = objectWatchSpec(target, ref.role, ref.kind);
  if (!spec) return undefined;
  const cluster =
    ref.role === 'runtime' ? target.runtimeCluster : target.infraCluster;
  const informer = pool.find<any>(cluster, spec);
  const object = informer?.get(ref.namespace, ref.name);
  if (!informer || object === undefined) return undefined;
  const { observedAt } = informer.state();
  return { cluster, object, ...(observedAt ? { observedAt } : {}) };
}
