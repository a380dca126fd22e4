import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Which object of an instance to read with `getObject`: the PlatformMesh, its profile ConfigMap,
 * a release, a source or an OCM Resource, on the cluster that plays `role`.
 *
 * @public
 */
export interface InstanceObjectRef {
  role: ClusterRole;
  /** The object's kind, e.g. `HelmRelease`, `PlatformMesh`, `Resource`. */
  kind: string;
  namespace: string;
  name: string;
}

/**
 * The answer of `GET /instances/:target/:namespace/:name/objects/:role/:kind/:objectNamespace/:objectName`:
 * the object as the backend's cache holds it, `metadata.managedFields` removed.
 *
 * @public
 */
export interface InstanceObject extends InstanceObjectRef {
  /** The configured name of the cluster the object was read from (never its URL). */
  cluster: string;
  /** When the cache last saw the object (ISO 8601). */
  observedAt?: string;
  object: Record<string, unknown>;
}

/** Kinds the backend never serves (they may hold credentials). */
const NEVER_REQUESTED = new Set(['Secret']);

/**
 * True when the object may be requested from the backend: never a Secret.
 *
 * @public
 */
export function isRequestableObject(object: InstanceObjectRef): boolean {
  return !NEVER_REQUESTED.has(object.kind);
}
