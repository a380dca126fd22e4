import type { ClusterRole } from '../types/status';
import type { ReconcileKind } from '../types/reconcile';

/**
 * Flux's request annotation: a controller reconciles when its value changes and reports the value
 * it handled in `status.lastHandledReconcileAt` (`meta.ReconcileRequestAnnotation`).
 */
const FLUX_RECONCILE_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
/**
 * helm-controller: one install/upgrade regardless of the retry budget; handled only when its value
 * equals {@link FLUX_RECONCILE_REQUESTED_AT}'s (`api/v2/annotations.go`, `ShouldHandleForceRequest`).
 */
const FLUX_FORCE_AT = 'reconcile.fluxcd.io/forceAt';
/**
 * helm-controller: resets the failure counters; handled only when its value equals
 * {@link FLUX_RECONCILE_REQUESTED_AT}'s (`ShouldHandleResetRequest`).
 */
const FLUX_RESET_AT = 'reconcile.fluxcd.io/resetAt';
/**
 * Argo CD: `normal` or `hard` asks the application controller to refresh (a hard refresh also
 * drops the manifest cache); Argo CD removes it once handled.
 */
const ARGOCD_REFRESH = 'argocd.argoproj.io/refresh';
/**
 * The touch of a PlatformMesh: the operator's controller watches PlatformMeshes without a
 * generation predicate (only the `debug.platform-mesh.io` label filters events), so any annotation
 * change makes it reconcile, and re-read the profile ConfigMap, which it does not watch.
 */
const PLATFORM_MESH_RECONCILE_REQUESTED_AT =
  'platform-mesh.io/reconcile-requested-at';

/**
 * The API group and cluster role of each kind the Reconcile route can touch.
 *
 * @alpha
 */
export const RECONCILE_KINDS: Record<
  ReconcileKind,
  { group: string; role: ClusterRole }
> = {
  PlatformMesh: { group: 'core.platform-mesh.io', role: 'runtime' },
  HelmRelease: { group: 'helm.toolkit.fluxcd.io', role: 'infra' },
  Kustomization: { group: 'kustomize.toolkit.fluxcd.io', role: 'infra' },
  OCIRepository: { group: 'source.toolkit.fluxcd.io', role: 'infra' },
  HelmRepository: { group: 'source.toolkit.fluxcd.io', role: 'infra' },
  GitRepository: { group: 'source.toolkit.fluxcd.io', role: 'infra' },
  Application: { group: 'argoproj.io', role: 'infra' },
};

/**
 * The annotations that ask the controller of `kind` to reconcile now, all carrying the same
 * request value `requestedAt` where the controller compares them:
 *
 * - Flux kinds: `reconcile.fluxcd.io/requestedAt`; a HelmRelease with `force` also gets
 *   `reconcile.fluxcd.io/forceAt`, with `reset` also `reconcile.fluxcd.io/resetAt` (what
 *   helm-controller needs after `RetriesExceeded`);
 * - Application: `argocd.argoproj.io/refresh: normal` (`hard` with `force`);
 * - PlatformMesh: `platform-mesh.io/reconcile-requested-at` (a touch).
 *
 * @param kind - the object's kind
 * @param requestedAt - the request value (RFC 3339)
 * @param options - `force` (HelmRelease, Application) and `reset` (HelmRelease)
 * @alpha
 */
export function reconcileAnnotations(
  kind: ReconcileKind,
  requestedAt: string,
  options: { force?: boolean; reset?: boolean } = {},
): Record<string, string> {
  switch (kind) {
    case 'Application':
      return { [ARGOCD_REFRESH]: options.force ? 'hard' : 'normal' };
    case 'PlatformMesh':
      return { [PLATFORM_MESH_RECONCILE_REQUESTED_AT]: requestedAt };
    case 'HelmRelease':
      return {
        [FLUX_RECONCILE_REQUESTED_AT]: requestedAt,
        ...(options.force ? { [FLUX_FORCE_AT]: requestedAt } : {}),
        ...(options.reset ? { [FLUX_RESET_AT]: requestedAt } : {}),
      };
    default:
      return { [FLUX_RECONCILE_REQUESTED_AT]: requestedAt };
  }
}
