import type { Condition } from '../types/kubernetes';
import type { HelmRelease } from '../types/flux';
import type { Health, ReleaseStatus } from '../types/status';
import {
  findCondition,
  isConditionTrue,
  isGenerationBehind,
} from './conditions';
import { helmReleaseFailureCount } from './helmReleaseFailures';
import { kstatusHealth } from './kstatusHealth';
import { boundedText, finiteNumber, isRecord } from './text';

/**
 * Health of a Flux HelmRelease: `kstatusHealth` plus the helm-controller's own signals.
 *
 * - `Stalled=True` (reason `RetriesExceeded`: the remediation retries are used up) → `failed`;
 * - `Ready=False` with a failure reason (`ArtifactFailed`, `RESTClientError`, `InstallFailed`, …)
 *   → `degraded`, also while `Reconciling=True/Progressing` is set (helm-controller v1.4.3 keeps it
 *   there for those cases) and with `Reconciling=True/ProgressingWithRetry` (a stored release
 *   failed and retries remain). This matters for the operator's releases: their install
 *   remediation has `retries: -1`, so a failing install never stalls;
 * - `Remediated=True` (a failed install was uninstalled or a failed upgrade rolled back) →
 *   `degraded`, even while the controller already retries: the release runs the previous
 *   revision, or nothing;
 * - otherwise `progressing` (`Ready=Unknown`, `Reconciling=True`) with failed attempts counted for
 *   the current generation (`helmReleaseFailureCount` above 0) → `degraded`: it is retrying
 *   after failures, not making first progress;
 * - `Released` and `TestSuccess` are folded into `Ready` by the helm-controller (tests count only
 *   when `spec.test.enable` is set and failures are not ignored), so `Ready` decides otherwise.
 *
 * A release not reconciled yet carries `status.observedGeneration: -1` (the CRD default); the
 * Ready condition's `observedGeneration` decides whether its status is about the current spec.
 *
 * @param hr - the HelmRelease
 * @alpha
 */
export function helmReleaseHealth(hr: HelmRelease): Health {
  const health = kstatusHealth(hr);
  if (health === 'suspended' || health === 'failed') return health;
  if (hr.metadata.deletionTimestamp || isGenerationBehind(hr)) return health;
  if (isConditionTrue(hr, 'Remediated')) return 'degraded';
  if (health === 'progressing' && helmReleaseFailureCount(hr) > 0) {
    return 'degraded';
  }
  return health;
}

/**
 * The condition that best explains a HelmRelease's health: Stalled when stalled, Remediated after
 * a remediation, otherwise Ready (or Reconciling when there is no Ready yet).
 */
function explainingCondition(hr: HelmRelease): Condition | undefined {
  if (isConditionTrue(hr, 'Stalled')) return findCondition(hr, 'Stalled');
  if (isConditionTrue(hr, 'Remediated')) return findCondition(hr, 'Remediated');
  return findCondition(hr, 'Ready') ?? findCondition(hr, 'Reconciling');
}

/**
 * Describes a HelmRelease for the status answer.
 *
 * `reason` and `message` come from the explaining condition (Stalled, Remediated or Ready); when
 * the release is stalled the Ready message (the last Helm error) is appended to the Stalled one.
 * `chart`, `version`, `appVersion` and `revision` (the Helm release revision) come from `status.history[0]` (the newest release) when
 * present, otherwise from `spec.chart.spec` (a `chartRef` release names no chart before its first
 * install). `lastTransitionTime` is that of the explaining condition: since when the release is in
 * this state. `failures` is `helmReleaseFailureCount` when above 0. `targetsRemoteCluster` is
 * true when `spec.kubeConfig.secretRef` is set. `chartSource` is `spec.chartRef` as `<Kind>/<name>`
 * and `lastAttemptedRevision` is `status.lastAttemptedRevision`, when set.
 *
 * @param hr - the HelmRelease
 * @alpha
 */
export function describeHelmRelease(hr: HelmRelease): ReleaseStatus {
  const condition = explainingCondition(hr);
  const ready = findCondition(hr, 'Ready');
  const messages = [condition?.message];
  if (condition?.type === 'Stalled' && ready?.status === 'False') {
    messages.push(ready.message);
  }
  const message = messages
    .filter((m): m is string => !!m)
    .filter((m, i, all) => all.indexOf(m) === i)
    .join(' — ');
  const history: unknown = hr.status?.history;
  const latest: Record<string, unknown> | undefined =
    Array.isArray(history) && isRecord(history[0]) ? history[0] : undefined;
  const failures = helmReleaseFailureCount(hr);
  const chart = isRecord(hr.spec?.chart) ? hr.spec!.chart : undefined;
  const chartSpec: Record<string, unknown> | undefined = isRecord(chart?.spec)
    ? chart!.spec
    : undefined;
  const chartRef: Record<string, unknown> | undefined = isRecord(
    hr.spec?.chartRef,
  )
    ? (hr.spec!.chartRef as unknown as Record<string, unknown>)
    : undefined;
  const refKind = boundedText(chartRef?.kind);
  const refName = boundedText(chartRef?.name);
  const chartSource =
    refKind && refName ? boundedText(`${refKind}/${refName}`) : undefined;
  const lastAttempted = boundedText(hr.status?.lastAttemptedRevision);
  return {
    kind: 'HelmRelease',
    name: hr.metadata.name,
    namespace: hr.metadata.namespace ?? '',
    health: helmReleaseHealth(hr),
    reason: boundedText(condition?.reason),
    message: boundedText(message),
    chart: boundedText(latest?.chartName) ?? boundedText(chartSpec?.chart),
    version:
      boundedText(latest?.chartVersion) ?? boundedText(chartSpec?.version),
    appVersion: boundedText(latest?.appVersion),
    revision: finiteNumber(latest?.version),
    suspended: hr.spec?.suspend === true,
    lastTransitionTime: boundedText(condition?.lastTransitionTime),
    ...(failures > 0 ? { failures } : {}),
    targetsRemoteCluster: !!boundedText(hr.spec?.kubeConfig?.secretRef?.name),
    ...(chartSource ? { chartSource } : {}),
    ...(lastAttempted ? { lastAttemptedRevision: lastAttempted } : {}),
  };
}
