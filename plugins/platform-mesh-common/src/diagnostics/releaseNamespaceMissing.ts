import type { HelmRelease } from '../types/flux';
import type { Diagnostic } from '../types/status';
import {
  currentHelmReleases,
  failedReady,
  fluxReconcile,
  quoted,
  releaseOnInfra,
} from './releaseText';
import { onCluster } from './text';
import type { DiagnosticRule } from './types';

/** `namespaces "platform-mesh-system" not found`, as the runtime cluster's API answers. */
const NAMESPACE_NOT_FOUND = /namespaces "([^"]+)" not found/;

/** The namespace Helm stores the release in: `spec.storageNamespace`, else the release's. */
function storageNamespace(hr: HelmRelease): string | undefined {
  return (
    hr.spec?.storageNamespace ??
    hr.status?.storageNamespace ??
    hr.metadata.namespace
  );
}

/**
 * `release-namespace-missing`: an operator-created HelmRelease fails (`Ready=False`) because a
 * namespace does not exist on the runtime cluster it installs into (`namespaces "…" not found`).
 * Helm stores the release in the HelmRelease's namespace (or `spec.storageNamespace`) **on the
 * target cluster**, so that namespace must exist on the runtime cluster; `install.createNamespace`
 * creates only `spec.targetNamespace` (observed with helm-controller v1.4.3, which keeps
 * `Reconciling=True/Progressing` meanwhile). Reported on the runtime cluster, where it is fixed.
 */
export const releaseNamespaceMissingRule: DiagnosticRule = {
  id: 'release-namespace-missing',
  evaluate(snapshot) {
    return currentHelmReleases(snapshot).flatMap((hr): Diagnostic[] => {
      const ready = failedReady(hr);
      if (!ready || ready.reason === 'RESTClientError') return [];
      const namespace = NAMESPACE_NOT_FOUND.exec(ready.message ?? '')?.[1];
      if (!namespace) return [];
      const runtime = onCluster(snapshot, 'runtime');
      const why =
        namespace === storageNamespace(hr)
          ? `Helm stores the release in namespace ${namespace} on the cluster it installs into, and install.createNamespace creates only the targetNamespace, so this namespace must exist on ${runtime}.`
          : `The release installs into namespace ${namespace}${
              hr.spec?.install?.createNamespace
                ? ''
                : ' and install.createNamespace is not set'
            }.`;
      return [
        {
          id: 'release-namespace-missing',
          severity: 'error',
          cluster: 'runtime',
          summary: `Namespace ${namespace} is missing on the runtime cluster`,
          detail: `${releaseOnInfra(snapshot, hr)} fails (${
            ready.reason ?? 'Ready=False'
          }): ${quoted(ready.message)}. ${why}`,
          hint: `Create the namespace on ${runtime}: kubectl create namespace ${namespace}. Flux installs at its next attempt, or at once with ${fluxReconcile(
            hr,
          )} on the infra cluster.`,
        },
      ];
    });
  },
};
