import { type InstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { DEFAULT_SECRETS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  DecommissionCandidate,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  GITOPS_SERVICE_ACCOUNT,
  OPERATOR_SERVICE_ACCOUNT,
} from '../credentials/serviceAccountRbac';

/**
 * The named objects `platform-mesh:apply` writes for an instance of a target, besides the
 * PlatformMesh and its profile: the kubeconfig Secrets (operator cluster, operator namespace; the
 * infra cluster's Flux Secret in the instance namespace, or the Argo CD cluster Secret) and the
 * ServiceAccounts whose tokens feed them (operator namespace on runtime, and on infra when
 * Operator != Infra). The apply writes no Roles or bindings (an administrator binds the
 * ServiceAccounts once: examples/rbac/operator-identities.yaml), so there are none to remove.
 *
 * @param target - the configured target
 * @param ref - the instance
 * @internal
 */
export function deleteCandidates(
  target: PlatformMeshTarget,
  ref: InstanceRef,
): DecommissionCandidate[] {
  const ns = target.operatorNamespace;
  const secret = (
    role: DecommissionCandidate['role'],
    namespace: string,
    name: string,
  ) => ({ role, apiVersion: 'v1', kind: 'Secret', namespace, name } as const);
  const account = (role: DecommissionCandidate['role'], name: string) =>
    ({
      role,
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      namespace: ns,
      name,
    } as const);
  const candidates: DecommissionCandidate[] = [
    secret('operator', ns, target.secrets.operatorRuntimeKubeconfig.name),
    target.deploymentTechnology === 'argocd'
      ? secret(
          'infra',
          DEFAULT_SECRETS.argocdClusterSecret.namespace,
          DEFAULT_SECRETS.argocdClusterSecret.name,
        )
      : secret(
          'infra',
          ref.namespace,
          target.secrets.fluxRuntimeKubeconfig.name,
        ),
    account('runtime', OPERATOR_SERVICE_ACCOUNT),
    account('runtime', GITOPS_SERVICE_ACCOUNT),
  ];
  if (!target.operatorIsInfra) {
    candidates.push(
      secret('operator', ns, target.secrets.operatorInfraKubeconfig.name),
      account('infra', OPERATOR_SERVICE_ACCOUNT),
    );
  }
  return candidates;
}
