import type { ResourceTypeRef } from '../client/resourceTypeRef';

/**
 * A resource type as the cluster serves it.
 *
 * @public
 */
export interface ResolvedResource {
  group: string;
  version: string;
  kind: string;
  /** The resource name in paths, e.g. `helmreleases`. */
  plural: string;
  namespaced: boolean;
  verbs: string[];
}

/**
 * Options of {@link ResourceDiscovery.resolve}.
 *
 * @public
 */
export interface ResolveOptions {
  signal?: AbortSignal;
  /**
   * Ask the server again instead of trusting the cache (one request for the group version, plus
   * the group list when no version is given), and cache the answer. For checks that must not pass
   * on a CRD deleted (or fail on one installed) since the last look-up, such as a preflight.
   */
  fresh?: boolean;
}

/**
 * Finds plural, scope and preferred version of a kind from the cluster's discovery endpoints,
 * cached per cluster with a lifetime. An unknown group, version or kind fails with a `crd-missing`
 * `ClusterRequestError`.
 *
 * @public
 */
export interface ResourceDiscovery {
  /**
   * Resolves `{ apiVersion, kind }` (that exact version) or `{ group, kind }` (the group's
   * preferred version).
   */
  resolve(
    type: ResourceTypeRef,
    options?: ResolveOptions,
  ): Promise<ResolvedResource>;
  /** Drops cached discovery (of one group, or everything), e.g. after a CRD was installed. */
  invalidate(group?: string): void;
}
