import { canRead, SNAPSHOT_RESOURCES } from '../snapshot';
import { checkSecret } from './secretCheck';
import type { DiagnosticRule } from './types';

/**
 * `operator-kubeconfig-secret`: the runtime kubeconfig Secret the operator mounts
 * (`remoteRuntime.secretName`/`secretKey`) exists in the operator namespace on the operator cluster
 * and has its key.
 */
export const operatorKubeconfigSecretRule: DiagnosticRule = {
  id: 'operator-kubeconfig-secret',
  evaluate(snapshot) {
    if (!canRead(snapshot, 'operator', SNAPSHOT_RESOURCES.secrets)) return [];
    const expected = snapshot.expectedSecrets.operatorRuntimeKubeconfig;
    return checkSecret(snapshot, {
      id: 'operator-kubeconfig-secret',
      role: 'operator',
      secrets: snapshot.operator.secrets,
      name: expected.name,
      namespace: snapshot.operatorNamespace,
      keys: [expected.key],
      title: 'Runtime kubeconfig Secret',
      usage:
        'The operator mounts it to reach the runtime cluster; without it the operator pod cannot start (its volume cannot be mounted) and no PlatformMesh is reconciled.',
      content:
        "the runtime cluster's kubeconfig, with a server URL the operator can reach",
      settings: `Its name and key are the operator's Helm values remoteRuntime.secretName (${expected.name}) and remoteRuntime.secretKey (${expected.key}), with remoteRuntime.enabled=true.`,
    });
  },
};
