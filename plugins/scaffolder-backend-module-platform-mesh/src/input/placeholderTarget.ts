import { DEFAULT_SECRETS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * Stands in for a missing or unknown target so that every other field is still checked: its
 * names are valid, and problems caused by it are not reported (the target problem is).
 *
 * @param technology - the `deploymentTechnology` input, if valid
 */
export function placeholderTarget(
  technology: string | undefined,
): PlatformMeshTarget {
  return {
    name: 'placeholder-target',
    operatorCluster: 'placeholder-operator',
    runtimeCluster: 'placeholder-runtime',
    infraCluster: 'placeholder-operator',
    operatorIsInfra: true,
    deploymentTechnology: technology === 'argocd' ? 'argocd' : 'fluxcd',
    namespace: 'placeholder-namespace',
    operatorNamespace: 'placeholder-system',
    namespaces: [],
    runtimeServerUrl: 'https://127.0.0.1:6443',
    secrets: {
      operatorRuntimeKubeconfig: {
        ...DEFAULT_SECRETS.operatorRuntimeKubeconfig,
      },
      operatorInfraKubeconfig: { ...DEFAULT_SECRETS.operatorInfraKubeconfig },
      fluxRuntimeKubeconfig: { ...DEFAULT_SECRETS.fluxRuntimeKubeconfig },
    },
    configPath: '',
  };
}
