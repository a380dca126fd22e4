import type { KubernetesObject } from '../types/kubernetes';
import type { Health } from '../types/status';
import { findCondition, getConditions, isGenerationBehind } from './conditions';

/**
 * Ready=False reasons that mean "waiting", not "broken".
 */
const WAITING_REASONS: ReadonlySet<string> = new Set([
  'DependencyNotReady',
  'Progressing',
]);

/**
 * The Flux reason on `Reconciling=True` that says the last attempt failed and a retry is scheduled.
 */
const PROGRESSING_WITH_RETRY_REASON = 'ProgressingWithRetry';

/**
 * Health of any object that follows the kstatus condition conventions (Flux objects, most
 * controllers), generation-aware. The rules, first match wins:
 *
 * 1. `spec.suspend: true` → `suspended`;
 * 2. `metadata.deletionTimestamp` set → `progressing` (terminating);
 * 3. the observed generation (the Ready condition's, else `status.observedGeneration`) is behind
 *    `metadata.generation` → `progressing`: the status describes an older spec;
 * 4. `Stalled=True` → `failed`: the controller gave up until the spec changes. Flux expresses
 *    terminal errors this way (e.g. `RetriesExceeded`), so `failed` is decided by Stalled alone and
 *    never guessed from a Ready reason;
 * 5. no conditions yet → `progressing` (never `failed`);
 * 6. `Ready=False` → `progressing` for the waiting reasons `DependencyNotReady` and `Progressing`, otherwise
 *    `degraded` (not working, but not given up on), **whatever `Reconciling` says**: helm-controller
 *    v1.4.3 keeps `Reconciling=True/Progressing` ("Fulfilling prerequisites", "Running 'install'
 *    action …") next to `Ready=False` for a missing kubeConfig Secret (`RESTClientError`), a missing
 *    source (`ArtifactFailed`), a chart that does not render or a missing release namespace
 *    (`InstallFailed`), so reading Reconciling first would show those as progressing forever.
 *    `Reconciling=True/ProgressingWithRetry` with `Ready=False` is `degraded` for any Ready reason;
 * 7. `Ready=Unknown` → `progressing`;
 * 8. `Reconciling=True` (with `Ready=True` or no Ready) → `progressing`;
 * 9. `Ready=True` → `healthy`;
 * 10. conditions without a Ready condition → `unknown`.
 *
 * @param obj - the object to assess
 */
export function kstatusHealth(obj: KubernetesObject): Health {
  const spec = obj.spec as { suspend?: unknown } | undefined;
  if (spec?.suspend === true) return 'suspended';
  if (obj.metadata.deletionTimestamp) return 'progressing';
  if (isGenerationBehind(obj)) return 'progressing';
  if (findCondition(obj, 'Stalled')?.status === 'True') return 'failed';
  if (getConditions(obj).length === 0) return 'progressing';

  const ready = findCondition(obj, 'Ready');
  const reconciling = findCondition(obj, 'Reconciling');
  if (ready?.status === 'False') {
    if (
      reconciling?.status === 'True' &&
      reconciling.reason === PROGRESSING_WITH_RETRY_REASON
    ) {
      return 'degraded';
    }
    return ready.reason && WAITING_REASONS.has(ready.reason)
      ? 'progressing'
      : 'degraded';
  }
  if (ready?.status === 'Unknown') return 'progressing';
  if (reconciling?.status === 'True') return 'progressing';
  if (ready?.status === 'True') return 'healthy';
  return 'unknown';
}
