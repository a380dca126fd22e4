import {
  canRead,
  instanceHelmReleases,
  instanceKustomizations,
  sameCluster,
  SNAPSHOT_RESOURCES,
} from '../snapshot';
import { agree, listNames, onCluster, plural } from './text';
import type { DiagnosticRule } from './types';

/**
 * `helmrelease-missing-kubeconfig`: in fluxcd mode with the runtime cluster separate from the infra
 * cluster, every operator-created HelmRelease (and Kustomization) carries
 * `spec.kubeConfig.secretRef`; without it Flux deploys into the infra cluster itself. One finding
 * lists every object without it.
 */
export const helmreleaseMissingKubeconfigRule: DiagnosticRule = {
  id: 'helmrelease-missing-kubeconfig',
  evaluate(snapshot) {
    if (snapshot.deploymentTechnology !== 'fluxcd') return [];
    if (sameCluster(snapshot, 'runtime', 'infra')) return [];
    if (
      !canRead(
        snapshot,
        'infra',
        SNAPSHOT_RESOURCES.helmReleases,
        SNAPSHOT_RESOURCES.kustomizations,
      )
    ) {
      return [];
    }
    const missing = [
      ...instanceHelmReleases(snapshot),
      ...instanceKustomizations(snapshot),
    ].filter(r => !r.spec?.kubeConfig?.secretRef?.name);
    if (missing.length === 0) return [];

    const kinds = [...new Set(missing.map(r => r.kind))]
      .map(k => plural(k, missing.length))
      .join('/');
    const names = listNames(missing.map(r => r.metadata.name));
    const n = missing.length;
    const infra = onCluster(snapshot, 'infra');
    const runtime = onCluster(snapshot, 'runtime');
    return [
      {
        id: 'helmrelease-missing-kubeconfig',
        severity: 'error',
        cluster: 'infra',
        summary: `${n} ${kinds} ${agree(
          n,
          'deploys',
          'deploy',
        )} to the infra cluster instead of the runtime cluster`,
        detail: `${kinds} ${names} in namespace ${
          snapshot.ref.namespace
        } on ${infra} ${agree(
          n,
          'carries',
          'carry',
        )} no spec.kubeConfig.secretRef, so Flux installs ${agree(
          n,
          'it',
          'them',
        )} into the infra cluster itself and not into ${runtime}.`,
        hint: `The operator adds spec.kubeConfig only when it runs with --remote-runtime-kubeconfig: upgrade the operator's Helm release with remoteRuntime.enabled=true and remoteRuntime.infra.secretName/secretKey naming the Flux kubeconfig Secret; the restarted operator re-renders ${agree(
          n,
          'it',
          'them',
        )}.`,
      },
    ];
  },
};
