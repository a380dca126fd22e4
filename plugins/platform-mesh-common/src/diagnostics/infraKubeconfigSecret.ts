import { DEFAULT_SECRETS } from '../constants';
import { canRead, sameCluster, SNAPSHOT_RESOURCES } from '../snapshot';
import { checkSecret } from './secretCheck';
import type { DiagnosticRule } from './types';

/**
 * `infra-kubeconfig-secret`: when the operator does not run on the infra cluster
 * (Operator != Infra), the infra kubeconfig Secret it mounts (`remoteInfra.secretName`/`secretKey`)
 * exists in the operator namespace on the operator cluster and has its key.
 */
export const infraKubeconfigSecretRule: DiagnosticRule = {
  id: 'infra-kubeconfig-secret',
  evaluate(snapshot) {
    if (
      snapshot.operatorIsInfra ||
      sameCluster(snapshot, 'operator', 'infra')
    ) {
      return [];
    }
    if (!canRead(snapshot, 'operator', SNAPSHOT_RESOURCES.secrets)) return [];
    const expected =
      snapshot.expectedSecrets.operatorInfraKubeconfig ??
      DEFAULT_SECRETS.operatorInfraKubeconfig;
    return checkSecret(snapshot, {
      id: 'infra-kubeconfig-secret',
      role: 'operator',
      secrets: snapshot.operator.secrets,
      name: expected.name,
      namespace: snapshot.operatorNamespace,
      keys: [expected.key],
      title: 'Infra kubeconfig Secret',
      usage:
        'The operator mounts it to create HelmReleases, sources or Applications on the infra cluster; without it the operator pod cannot start (its volume cannot be mounted).',
      content:
        "the infra cluster's kubeconfig, with a server URL the operator can reach",
      settings: `Its name and key are the operator's Helm values remoteInfra.secretName (${expected.name}) and remoteInfra.secretKey (${expected.key}), with remoteInfra.enabled=true.`,
    });
  },
};
