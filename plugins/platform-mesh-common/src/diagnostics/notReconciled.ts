import { conditionPipeline } from '../health/conditionPipeline';
import { canRead, instancePlatformMesh, SNAPSHOT_RESOURCES } from '../snapshot';
import { elapsedMs, minutes, onCluster } from './text';
import { DEFAULT_DIAGNOSTIC_GRACE_SECONDS, type DiagnosticRule } from './types';

/**
 * Label that makes the operator ignore an object (any non-empty value; golang-commons
 * `DebugResourcesBehaviourPredicate`).
 */
const OPERATOR_DEBUG_LABEL = 'debug.platform-mesh.io';

function later(
  a: string | undefined,
  b: string | undefined,
): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * `not-reconciled`: the PlatformMesh has no conditions, or only conditions for an older generation,
 * after the grace period (default 2 minutes), counted from its creation (no conditions) or from the
 * later of its creation and `runtime.generationObservedAt` (stale conditions), against
 * `snapshot.now`. No operator is reconciling it. Names the `debug.platform-mesh.io` label when that
 * is the cause.
 */
export const notReconciledRule: DiagnosticRule = {
  id: 'not-reconciled',
  evaluate(snapshot, options) {
    if (!canRead(snapshot, 'runtime', SNAPSHOT_RESOURCES.platformMeshes))
      return [];
    const pm = instancePlatformMesh(snapshot);
    if (!pm || pm.metadata.deletionTimestamp) return [];
    const present = conditionPipeline(pm).filter(c => c.status !== 'Missing');
    if (present.some(c => !c.stale)) return [];

    const since =
      present.length === 0
        ? pm.metadata.creationTimestamp
        : later(
            pm.metadata.creationTimestamp,
            snapshot.runtime.generationObservedAt,
          );
    const elapsed = elapsedMs(snapshot.now, since);
    const graceMs =
      (options?.gracePeriodSeconds ?? DEFAULT_DIAGNOSTIC_GRACE_SECONDS) * 1000;
    if (elapsed === undefined || elapsed < graceMs) return [];

    const { ref } = snapshot;
    const name = `PlatformMesh ${ref.namespace}/${ref.name} on ${onCluster(
      snapshot,
      'runtime',
    )}`;
    const state =
      present.length === 0
        ? `has no conditions ${minutes(elapsed)} after it was created`
        : `has only conditions for generation ${Math.max(
            ...present.map(c => c.observedGeneration ?? 0),
          )} while metadata.generation is ${pm.metadata.generation}, ${minutes(
            elapsed,
          )} after the change`;
    const debugValue = pm.metadata.labels?.[OPERATOR_DEBUG_LABEL];
    if (debugValue) {
      return [
        {
          id: 'not-reconciled',
          severity: 'error',
          cluster: 'runtime',
          summary: `The operator ignores PlatformMesh ${ref.name} (label ${OPERATOR_DEBUG_LABEL})`,
          detail: `${name} ${state}. It carries the label ${OPERATOR_DEBUG_LABEL}=${debugValue}, and an operator started without the matching debug label value skips every object with that label.`,
          hint: `Remove the label: kubectl -n ${ref.namespace} label platformmeshes.core.platform-mesh.io ${ref.name} ${OPERATOR_DEBUG_LABEL}- (on the runtime cluster).`,
        },
      ];
    }
    return [
      {
        id: 'not-reconciled',
        severity: 'error',
        cluster: 'runtime',
        summary: `The operator has not reconciled PlatformMesh ${ref.name}`,
        detail: `${name} ${state}: no operator is reconciling it.`,
        hint: `Check that the operator pod runs in namespace ${
          snapshot.operatorNamespace
        } on ${onCluster(
          snapshot,
          'operator',
        )} and reconciles the runtime cluster: it needs the Helm value remoteRuntime.enabled=true and the Secret ${
          snapshot.expectedSecrets.operatorRuntimeKubeconfig.name
        } with a kubeconfig for the runtime cluster. Its logs say why it does not reconcile.`,
      },
    ];
  },
};
