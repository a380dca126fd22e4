import {
  ARGOCD_IN_CLUSTER_SERVER,
  type Application,
  type ApplicationCondition,
} from '../types/argo';
import type { Health, ReleaseStatus } from '../types/status';
import { boundedText, isRecord } from './text';

/**
 * What the operator's Application templates carry in `repoURL`/`targetRevision` until its
 * ResourceSubroutine has resolved the OCM resource.
 */
const RESOURCE_SUBROUTINE_PLACEHOLDER =
  'PLACEHOLDER_TO_BE_SET_BY_RESOURCE_SUBROUTINE';

/** The Application's conditions that have a string type, with text fields of the right type. */
function conditionsOf(app: Application): ApplicationCondition[] {
  const conditions: unknown = app.status?.conditions;
  if (!Array.isArray(conditions)) return [];
  return conditions
    .filter(
      (c): c is Record<string, unknown> =>
        isRecord(c) && typeof c.type === 'string' && c.type.length > 0,
    )
    .map(c => ({
      type: c.type as string,
      message: boundedText(c.message) ?? '',
      ...(boundedText(c.lastTransitionTime)
        ? { lastTransitionTime: boundedText(c.lastTransitionTime) }
        : {}),
    }));
}

function errorCondition(app: Application): ApplicationCondition | undefined {
  const conditions = conditionsOf(app);
  return (
    conditions.find(c => c.type === 'InvalidSpecError') ??
    conditions.find(c => c.type.endsWith('Error'))
  );
}

/** `revision` or `revisions` (multi-source) of a sync status or sync result, as one list. */
function revisionsOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  if (Array.isArray(value.revisions) && value.revisions.length > 0) {
    return value.revisions.filter((r): r is string => typeof r === 'string');
  }
  return typeof value.revision === 'string' && value.revision
    ? [value.revision]
    : [];
}

function operationStateOf(app: Application): Record<string, any> | undefined {
  const state: unknown = app.status?.operationState;
  return isRecord(state) ? state : undefined;
}

/**
 * True when the Application's last operation failed (`Failed` or `Error`) AND that failure is
 * about what Argo CD deploys now: an operation is still requested (`operation` is set: the
 * failure is the running operation's), or the failed sync's revision (`syncResult.revision(s)`,
 * else `operation.sync.revision(s)`) is the current `sync.revision(s)`. Without revisions to
 * compare, the failure counts unless the Application is now `Healthy` and `Synced`: a failure
 * that a later sync or a self-heal has superseded does not make a working Application failed.
 */
function currentOperationFailed(app: Application): boolean {
  const state = operationStateOf(app);
  if (!state || (state.phase !== 'Failed' && state.phase !== 'Error')) {
    return false;
  }
  if (isRecord((app as { operation?: unknown }).operation)) return true;
  const failed = revisionsOf(state.syncResult);
  const failedRevisions = failed.length
    ? failed
    : revisionsOf(isRecord(state.operation) ? state.operation.sync : undefined);
  const current = revisionsOf(app.status?.sync);
  if (failedRevisions.length > 0 && current.length > 0) {
    return failedRevisions.join('\n') === current.join('\n');
  }
  return !(
    app.status?.health?.status === 'Healthy' &&
    app.status?.sync?.status === 'Synced'
  );
}

/**
 * Health of an Argo CD Application, from its sync and health status, its last operation and its
 * conditions. First match wins:
 *
 * 1. the last operation failed (`operationState.phase` `Failed` or `Error`) and that failure is
 *    current: an operation is still requested, or the failed sync's revision is the current
 *    `sync.revision`, or (without revisions to compare) the Application is not `Healthy` and
 *    `Synced` → `failed`. A superseded failure is ignored: the current health and sync decide;
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
 * @alpha
 */
export function applicationHealth(app: Application): Health {
  if (currentOperationFailed(app)) return 'failed';
  const conditions = conditionsOf(app);
  if (conditions.some(c => c.type === 'InvalidSpecError')) return 'failed';
  const health = app.status?.health?.status;
  if (health === 'Suspended') return 'suspended';
  if (health === 'Degraded') return 'degraded';
  if (errorCondition(app)) return 'degraded';
  const phase = operationStateOf(app)?.phase;
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
 */
export function applicationTargetsRemoteCluster(app: Application): boolean {
  const destination: unknown = app.spec?.destination;
  if (!isRecord(destination)) return false;
  if (typeof destination.server === 'string' && destination.server) {
    return destination.server.replace(/\/+$/, '') !== ARGOCD_IN_CLUSTER_SERVER;
  }
  return (
    typeof destination.name === 'string' &&
    !!destination.name &&
    destination.name !== 'in-cluster'
  );
}

/**
 * Describes an Argo CD Application as a release row. `reason`/`message`: the current failed
 * operation's phase and message (see {@link applicationHealth}; a superseded failure is not shown), else an error condition's type and message, else `<health>/<sync>` with the
 * health message. `chart` and `version` come from the (first) source's `chart` and
 * `targetRevision` (unset while it is still the operator's placeholder); `suspended` is health `Suspended`;
 * `syncStatus` and `healthStatus` are Argo CD's own `status.sync.status` and `status.health.status`.
 *
 * @param app - the Application
 * @alpha
 */
export function describeApplication(app: Application): ReleaseStatus {
  const status = isRecord(app.status) ? app.status : undefined;
  const sources: unknown = app.spec?.sources;
  const first: unknown =
    app.spec?.source ?? (Array.isArray(sources) ? sources[0] : undefined);
  const source: Record<string, unknown> | undefined = isRecord(first)
    ? first
    : undefined;
  const health = isRecord(status?.health) ? status!.health : undefined;
  const sync = isRecord(status?.sync) ? status!.sync : undefined;
  const healthStatus = boundedText(health?.status);
  const syncStatus = boundedText(sync?.status);
  const failedCondition = errorCondition(app);
  let reason: string | undefined;
  let message: unknown;
  let lastTransitionTime: unknown;
  if (currentOperationFailed(app)) {
    const state = operationStateOf(app)!;
    reason = `Operation${state.phase}`;
    message = state.message;
    lastTransitionTime = state.finishedAt;
  } else if (failedCondition) {
    reason = failedCondition.type;
    message = failedCondition.message;
    lastTransitionTime = failedCondition.lastTransitionTime;
  } else if (healthStatus || syncStatus) {
    reason = [healthStatus, syncStatus].filter(Boolean).join('/');
    message = health?.message;
    lastTransitionTime = health?.lastTransitionTime;
  }
  const targetRevision = boundedText(source?.targetRevision);
  return {
    kind: 'Application',
    name: app.metadata.name,
    namespace: app.metadata.namespace ?? '',
    health: applicationHealth(app),
    reason: boundedText(reason),
    message: boundedText(message),
    chart: boundedText(source?.chart),
    version:
      targetRevision === RESOURCE_SUBROUTINE_PLACEHOLDER
        ? undefined
        : targetRevision,
    suspended: healthStatus === 'Suspended',
    lastTransitionTime: boundedText(lastTransitionTime),
    targetsRemoteCluster: applicationTargetsRemoteCluster(app),
    ...(syncStatus ? { syncStatus } : {}),
    ...(healthStatus ? { healthStatus } : {}),
  };
}
