import type { ClusterRole } from './status';

/**
 * Kinds the Reconcile route can ask a controller to reconcile now.
 *
 * @public
 */
export type ReconcileKind =
  | 'PlatformMesh'
  | 'HelmRelease'
  | 'Kustomization'
  | 'OCIRepository'
  | 'HelmRepository'
  | 'GitRepository'
  | 'Application';

/**
 * Body of `POST /instances/:target/:namespace/:name/reconcile`.
 *
 * For `PlatformMesh`, `namespace` and `name` may be left out: the instance itself is meant. Every
 * other object must belong to the instance (it appears in the instance's status answer).
 *
 * @public
 */
export interface ReconcileRequest {
  kind: ReconcileKind;
  namespace?: string;
  name?: string;
  /**
   * HelmRelease only: also set `reconcile.fluxcd.io/forceAt` (one install/upgrade regardless of
   * the retry budget, which Flux needs after RetriesExceeded).
   */
  force?: boolean;
  /** HelmRelease only: also set `reconcile.fluxcd.io/resetAt` (resets the failure counters). */
  reset?: boolean;
}

/**
 * Answer of the Reconcile route: what was asked of which object, on which cluster.
 *
 * @public
 */
export interface ReconcileResult {
  object: {
    role: ClusterRole;
    cluster: string;
    kind: ReconcileKind;
    namespace: string;
    name: string;
  };
  /** The value written (RFC 3339), e.g. into `reconcile.fluxcd.io/requestedAt`. */
  requestedAt: string;
  /** The annotations that were set, with their values. */
  annotations: Record<string, string>;
}
