import {
  ARGOCD_IN_CLUSTER_SERVER,
  type Application,
  type ApplicationCondition,
} from '../types/argo';
import type { Health, ReleaseStatus } from '../types/status';

/**
 * What the operator's Application templates carry in `repoURL`/`targetRevision` until its
 * ResourceSubroutine has resolved the OCM resource.
 */
const RESOURCE_SUBROUTINE_PLACEHOLDER =
  'PLACEHOLDER_TO_BE_SET_BY_RESOURCE_SUBROUTINE';

function errorCondition(app: Application): ApplicationCondition | undefined {
  const conditions = app.status?.conditions ?? [];
  return (
    conditions.find(c => c.type === 'InvalidSpecError') ??
    conditions.find(c => c.type.endsWith('Error'))
  );
}

function operationFailed(app: Application): boolean {
  const phase = app.status?.operationState?.phase;
  return phase === 'Failed' || phase === 'Error';
}

/**
 * Health of an Argo CD Application, from its sync and health status, its last operation and its
 * conditions. First match wins:
 *
 * 1. `operationState.phase` `Failed` or `Error` (the last sync failed) → `failed`;
 * 2. an `InvalidSpecError` condition (e.g. the destination cluster is not registered) → `failed`;
 * 3. health `Suspended` → `suspended`;
 * 4. health `Degraded` → `degraded` (the resources are applied but unhealthy; Argo CD keeps
 *    reconciling them);
 * 5. any other `…Error` condition (`ComparisonError`, `SyncError`) → `degraded`;
 * 6. an operation `Running`/`Terminating`, health `Progressing` or `Missing` (not yet created), or
 *    no status yet → `progressing`;
 * 7. health `Healthy`: sync `Synced` → `healthy`, `OutOfSync` → `progressing`, otherwise `unknown`;
 * 8. anything else (health `Unknown`) → `unknown`.
 *
 * @param app - the Application
 * @public
 */
export function applicationHealth(app: Application): Health {
  if (operationFailed(app)) return 'failed';
  const conditions = app.status?.conditions ?? [];
  if (conditions.some(c => c.type === 'InvalidSpecError')) return 'failed';
  const health = app.status?.health?.status;
  if (health === 'Suspended') return 'suspended';
  if (health === 'Degraded') return 'degraded';
  if (errorCondition(app)) return 'degraded';
  const phase = app.status?.operationState?.phase;
  if (phase === 'Running' || phase === 'Terminating') return 'progressing';
  if (!health || health === 'Progressing' || health === 'Missing') {
    return 'progressing';
  }
  if (health === 'Healthy') {
    const sync = app.status?.sync?.status;
    if (sync === 'Synced') return 'healthy';
    if (sync === 'OutOfSync') return 'progressing';
  }
  return 'unknown';
}

/**
 * True when an Application deploys to another cluster than the Argo CD it belongs to:
 * `destination.server` is set and is not `https://kubernetes.default.svc`, or `destination.name`
 * names a cluster other than `in-cluster`.
 *
 * @param app - the Application
 * @public
 */
export function applicationTargetsRemoteCluster(app: Application): boolean {
  const destination = app.spec?.destination;
  if (destination?.server) {
    return destination.server.replace(/\/+$/, '') !== ARGOCD_IN_CLUSTER_SERVER;
  }
  return !!destination?.name && destination.name !== 'in-cluster';
}

/**
 * Describes an Argo CD Application as a release row. `reason`/`message`: the failed operation's
 * phase and message, else an error condition's type and message, else `<health>/<sync>` with the
 * health message. `chart` and `version` come from the (first) source's `chart` and
 * `targetRevision` (unset while it is still the operator's placeholder); `suspended` is health `Suspended`.
 *
 * @param app - the Application
 * @public
 */
export function describeApplication(app: Application): ReleaseStatus {
  const status = app.status;
  const source = app.spec?.source ?? app.spec?.sources?.[0];
  const failedCondition = errorCondition(app);
  let reason: string | undefined;
  let message: string | undefined;
  let lastTransitionTime: string | undefined;
  if (operationFailed(app)) {
    reason = `Operation${status!.operationState!.phase}`;
    message = status!.operationState!.message;
    lastTransitionTime = status!.operationState!.finishedAt;
  } else if (failedCondition) {
    reason = failedCondition.type;
    message = failedCondition.message;
    lastTransitionTime = failedCondition.lastTransitionTime;
  } else if (status?.health?.status || status?.sync?.status) {
    reason = [status.health?.status, status.sync?.status]
      .filter(Boolean)
      .join('/');
    message = status.health?.message;
    lastTransitionTime = status.health?.lastTransitionTime;
  }
  return {
    kind: 'Application',
    name: app.metadata.name,
    namespace: app.metadata.namespace ?? '',
    health: applicationHealth(app),
    reason,
    message: message || undefined,
    chart: source?.chart,
    version:
      source?.targetRevision === RESOURCE_SUBROUTINE_PLACEHOLDER
        ? undefined
        : source?.targetRevision,
    suspended: status?.health?.status === 'Suspended',
    lastTransitionTime,
    targetsRemoteCluster: applicationTargetsRemoteCluster(app),
  };
}
