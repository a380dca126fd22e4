import { stringify } from 'yaml';
import type { PlatformMeshSetup } from '../types/setup';
import { resolveSetup } from './resolveSetup';
import type { OperatorHelmValues } from './types';

/**
 * Renders the operator chart's remote values matching the setup's Secrets: `remoteRuntime` (the
 * mounted runtime kubeconfig, and the Secret Flux reads on the infra cluster) and `remoteInfra`
 * (enabled only when Operator != Infra).
 *
 * @param setup - a validated setup
 */
export function renderOperatorHelmValues(
  setup: PlatformMeshSetup,
): OperatorHelmValues {
  const { secrets, operatorIsInfra } = resolveSetup(setup);
  return {
    remoteRuntime: {
      enabled: true,
      secretName: secrets.operatorRuntimeKubeconfig.name,
      secretKey: secrets.operatorRuntimeKubeconfig.key,
      infra: {
        secretName: secrets.fluxRuntimeKubeconfig.name,
        secretKey: secrets.fluxRuntimeKubeconfig.key,
      },
    },
    remoteInfra: {
      enabled: !operatorIsInfra,
      secretName: secrets.operatorInfraKubeconfig.name,
      secretKey: secrets.operatorInfraKubeconfig.key,
    },
  };
}

/**
 * The operator chart's remote values as a YAML values file.
 *
 * @param setup - a validated setup
 */
export function renderOperatorHelmValuesYaml(setup: PlatformMeshSetup): string {
  return stringify(renderOperatorHelmValues(setup));
}
