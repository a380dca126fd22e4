import type { Kustomization } from '../types/flux';
import type { Health, ReleaseStatus } from '../types/status';
import { findCondition, isConditionTrue } from './conditions';
import { kstatusHealth } from './kstatusHealth';
import { boundedText } from './text';

/**
 * Health of a Flux Kustomization (`kstatusHealth`; the kustomize-controller follows kstatus).
 *
 * @param kustomization - the Kustomization
 */
export function kustomizationHealth(kustomization: Kustomization): Health {
  return kstatusHealth(kustomization);
}

/**
 * Describes a Kustomization as a release row: reason and message of Stalled (when stalled) or
 * Ready, `version` = the last applied source revision, `targetsRemoteCluster` when
 * `spec.kubeConfig.secretRef` is set.
 *
 * @param kustomization - the Kustomization
 */
export function describeKustomization(
  kustomization: Kustomization,
): ReleaseStatus {
  const condition = isConditionTrue(kustomization, 'Stalled')
    ? findCondition(kustomization, 'Stalled')
    : findCondition(kustomization, 'Ready');
  return {
    kind: 'Kustomization',
    name: kustomization.metadata.name,
    namespace: kustomization.metadata.namespace ?? '',
    health: kustomizationHealth(kustomization),
    reason: boundedText(condition?.reason),
    message: boundedText(condition?.message),
    version: boundedText(kustomization.status?.lastAppliedRevision),
    suspended: kustomization.spec?.suspend === true,
    lastTransitionTime: boundedText(condition?.lastTransitionTime),
    targetsRemoteCluster: !!boundedText(
      kustomization.spec?.kubeConfig?.secretRef?.name,
    ),
  };
}
