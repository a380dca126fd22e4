import { canRead, SNAPSHOT_RESOURCES } from '../snapshot';
import type { HelmRelease } from '../types/flux';
import type { SecretMetadata } from '../types/kubernetes';
import type { Diagnostic } from '../types/status';
import { FLUX_DEFAULT_KUBECONFIG_KEYS } from './fluxKubeconfigSecret';
import {
  currentHelmReleases,
  failedReady,
  fluxReconcile,
  quoted,
  reconcileAnnotation,
  releaseOnInfra,
} from './releaseText';
import { findSecret } from './secretCheck';
import { onCluster } from './text';
import type { DiagnosticRule } from './types';

/** helm-controller's message when it cannot read the kubeConfig Secret. */
const SECRET_NOT_READ = /could not get KubeConfig secret/i;

/** True when the release's kubeConfig Secret is readable on the infra cluster and has its key. */
function secretIsThere(secrets: SecretMetadata[], hr: HelmRelease): boolean {
  const ref = hr.spec?.kubeConfig?.secretRef;
  if (!ref?.name) return false;
  const secret = findSecret(secrets, ref.name, hr.metadata.namespace ?? '');
  const keys = ref.key ? [ref.key] : FLUX_DEFAULT_KUBECONFIG_KEYS;
  return !!secret && keys.some(k => secret.keys.includes(k));
}

/**
 * `release-kubeconfig-error`: an operator-created HelmRelease is `Ready=False/RESTClientError`:
 * helm-controller could not build a client for the runtime cluster from its
 * `spec.kubeConfig.secretRef` (helm-controller v1.4.3 keeps `Reconciling=True/Progressing` there,
 * so the release looks busy while it is stuck: the how-to's "HelmRelease stuck" case).
 *
 * When the Secret is missing or lacks its key on the infra cluster, `flux-kubeconfig-secret`
 * reports it and this rule stays silent. Otherwise the Secret is there and:
 *
 * - the message still says the Secret could not be read: it was created or restored after the
 *   failure, and Flux waits for its next retry (a growing back-off) — reconcile now;
 * - any other message: the kubeconfig in the Secret does not work from the infra cluster (server
 *   URL not reachable from there, credentials rejected).
 */
export const releaseKubeconfigErrorRule: DiagnosticRule = {
  id: 'release-kubeconfig-error',
  evaluate(snapshot) {
    const secretsRead = canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.secrets);
    return currentHelmReleases(snapshot).flatMap((hr): Diagnostic[] => {
      const ready = failedReady(hr);
      if (ready?.reason !== 'RESTClientError') return [];
      const there = secretsRead && secretIsThere(snapshot.infra.secrets, hr);
      if (secretsRead && !there && hr.spec?.kubeConfig?.secretRef?.name) {
        return [];
      }
      const ref = hr.spec?.kubeConfig?.secretRef;
      const secret = ref?.name
        ? `Secret ${hr.metadata.namespace}/${ref.name}${
            ref.key ? ` (key ${ref.key})` : ''
          }`
        : 'its kubeConfig Secret';
      const since = ready.lastTransitionTime
        ? ` since ${ready.lastTransitionTime}`
        : '';
      if (there && SECRET_NOT_READ.test(ready.message ?? '')) {
        return [
          {
            id: 'release-kubeconfig-error',
            severity: 'error',
            cluster: 'infra',
            summary: `HelmRelease ${hr.metadata.name} is stuck on its kubeConfig Secret, which exists now`,
            detail: `${releaseOnInfra(
              snapshot,
              hr,
            )} has failed${since} with RESTClientError: ${quoted(
              ready.message,
            )}. The ${secret} exists now, but helm-controller only reads it again at its next retry, which can be many minutes away after repeated failures.`,
            hint: `Ask Flux to retry now, on the infra cluster: ${fluxReconcile(
              hr,
            )}, or without the flux CLI: ${reconcileAnnotation(hr)}.`,
          },
        ];
      }
      return [
        {
          id: 'release-kubeconfig-error',
          severity: 'error',
          cluster: 'infra',
          summary: `HelmRelease ${hr.metadata.name} cannot reach the runtime cluster`,
          detail: `${releaseOnInfra(
            snapshot,
            hr,
          )} has failed${since} with RESTClientError: ${quoted(
            ready.message,
          )}. Flux builds its client for the runtime cluster from ${secret}${
            secretsRead
              ? ''
              : " (the infra cluster's Secrets could not be read to check it)"
          }.`,
          hint: `Check the kubeconfig in ${secret} on ${onCluster(
            snapshot,
            'infra',
          )}: its server URL must be the runtime cluster's API as the infra cluster reaches it, and its credentials must be accepted by the runtime cluster "${
            snapshot.clusters.runtime.cluster
          }". The operator writes this reference from its Helm values remoteRuntime.infra.secretName and remoteRuntime.infra.secretKey. Then retry: ${fluxReconcile(
            hr,
          )}.`,
        },
      ];
    });
  },
};
