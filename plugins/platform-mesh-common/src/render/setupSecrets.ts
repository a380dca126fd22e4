import type {
  PlatformMeshSetup,
  ResolvedPlatformMeshSetup,
} from '../types/setup';
import { ARGOCD_SECRET_TYPE_LABEL } from '../diagnostics/argocdDestination';
import { resolveSetup } from './resolveSetup';
import type { SetupSecret } from './types';

/**
 * Every Secret a setup depends on, in apply order (operator cluster first, then infra), with
 * whether its content is rendered (its kubeconfig source was given). Names only, never values.
 *
 * - operator cluster, operator namespace: the runtime kubeconfig the operator mounts;
 * - operator cluster, operator namespace, only when Operator != Infra: the infra kubeconfig;
 * - infra cluster: in fluxcd mode the runtime kubeconfig Flux reads, in the instance namespace; in
 *   argocd mode the Argo CD cluster Secret instead.
 *
 * @param setup - a validated setup, or its resolved form
 * @alpha
 */
export function describeSetupSecrets(
  setup: PlatformMeshSetup | ResolvedPlatformMeshSetup,
): SetupSecret[] {
  const resolved = 'clusters' in setup ? setup : resolveSetup(setup);
  const kubeconfigs = resolved.setup.kubeconfigs ?? {};
  const { secrets, clusters, operatorNamespace } = resolved;
  const result: SetupSecret[] = [
    {
      id: 'operator-runtime-kubeconfig',
      role: 'operator',
      cluster: clusters.operator,
      name: secrets.operatorRuntimeKubeconfig.name,
      namespace: operatorNamespace,
      key: secrets.operatorRuntimeKubeconfig.key,
      keys: [secrets.operatorRuntimeKubeconfig.key],
      source: 'operatorToRuntime',
      purpose:
        'kubeconfig of the runtime cluster that the operator mounts (Helm values remoteRuntime.secretName/secretKey); its server is the runtime API as the operator reaches it',
      rendered: Boolean(kubeconfigs.operatorToRuntime),
    },
  ];
  if (!resolved.operatorIsInfra) {
    result.push({
      id: 'operator-infra-kubeconfig',
      role: 'operator',
      cluster: clusters.operator,
      name: secrets.operatorInfraKubeconfig.name,
      namespace: operatorNamespace,
      key: secrets.operatorInfraKubeconfig.key,
      keys: [secrets.operatorInfraKubeconfig.key],
      source: 'operatorToInfra',
      purpose:
        'kubeconfig of the infra cluster that the operator mounts because Operator != Infra (Helm values remoteInfra.secretName/secretKey)',
      rendered: Boolean(kubeconfigs.operatorToInfra),
    });
  }
  if (resolved.deploymentTechnology === 'argocd') {
    result.push({
      id: 'argocd-cluster',
      role: 'infra',
      cluster: clusters.infra,
      name: secrets.argocdClusterSecret.name,
      namespace: secrets.argocdClusterSecret.namespace,
      key: 'config',
      keys: ['name', 'server', 'config'],
      labels: { [ARGOCD_SECRET_TYPE_LABEL]: 'cluster' },
      source: 'infraToRuntime',
      purpose:
        "Argo CD cluster Secret for the runtime cluster; its server must equal the profile's destinationServer",
      rendered: Boolean(kubeconfigs.infraToRuntime),
    });
  } else {
    result.push({
      id: 'flux-runtime-kubeconfig',
      role: 'infra',
      cluster: clusters.infra,
      name: secrets.fluxRuntimeKubeconfig.name,
      namespace: secrets.fluxRuntimeKubeconfig.namespace,
      key: secrets.fluxRuntimeKubeconfig.key,
      keys: [secrets.fluxRuntimeKubeconfig.key],
      source: 'infraToRuntime',
      purpose:
        "kubeconfig of the runtime cluster that Flux reads for the operator's HelmReleases (spec.kubeConfig.secretRef, Helm values remoteRuntime.infra.secretName/secretKey); its server is the runtime API as Flux reaches it",
      rendered: Boolean(kubeconfigs.infraToRuntime),
    });
  }
  return result;
}
