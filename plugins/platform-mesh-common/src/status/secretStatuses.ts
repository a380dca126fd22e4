import { DEFAULT_SECRETS } from '../constants';
import { kubeconfigSecretUses } from '../diagnostics/fluxKubeconfigSecret';
import { FLUX_DEFAULT_KUBECONFIG_KEYS } from '../diagnostics/fluxKubeconfigSecret';
import { findSecret } from '../diagnostics/secretCheck';
import {
  canRead,
  instanceHelmReleases,
  instanceKustomizations,
  sameCluster,
  SNAPSHOT_RESOURCES,
  type InstanceSnapshot,
} from '../snapshot';
import type { SecretMetadata } from '../types/kubernetes';
import type { ClusterRole, SecretStatus } from '../types/status';

function row(
  role: ClusterRole,
  secrets: SecretMetadata[],
  name: string,
  namespace: string,
  keys: readonly string[],
  purpose: string,
): SecretStatus {
  const secret = findSecret(secrets, name, namespace);
  return {
    role,
    name,
    namespace,
    key: keys[0],
    purpose,
    present: !!secret,
    keyPresent: !!secret && keys.some(k => secret.keys.includes(k)),
  };
}

/**
 * The Secrets the instance's setup depends on, one row each, with whether they exist and have their
 * key (never a value):
 *
 * - operator cluster, operator namespace: the runtime kubeconfig the operator mounts, and the infra
 *   kubeconfig when Operator != Infra;
 * - infra cluster: every Secret an operator-created HelmRelease or Kustomization names in
 *   `spec.kubeConfig.secretRef` (key `value` when the reference names none), plus the expected
 *   Flux kubeconfig Secret in fluxcd mode when no object references it yet;
 * - infra cluster, argocd mode: the Argo CD cluster Secret (key `server`).
 *
 * Rows of a cluster whose Secrets could not be read are left out: their state is unknown, and the
 * cluster's error is shown instead.
 *
 * @param snapshot - what was read from the three clusters
 */
export function secretStatuses(snapshot: InstanceSnapshot): SecretStatus[] {
  const rows: SecretStatus[] = [];
  const expected = snapshot.expectedSecrets;
  if (canRead(snapshot, 'operator', SNAPSHOT_RESOURCES.secrets)) {
    const secrets = snapshot.operator.secrets;
    const runtime = expected.operatorRuntimeKubeconfig;
    rows.push(
      row(
        'operator',
        secrets,
        runtime.name,
        snapshot.operatorNamespace,
        [runtime.key],
        'runtime kubeconfig mounted by the operator (remoteRuntime.secretName)',
      ),
    );
    if (
      !snapshot.operatorIsInfra &&
      !sameCluster(snapshot, 'operator', 'infra')
    ) {
      const infra =
        expected.operatorInfraKubeconfig ??
        DEFAULT_SECRETS.operatorInfraKubeconfig;
      rows.push(
        row(
          'operator',
          secrets,
          infra.name,
          snapshot.operatorNamespace,
          [infra.key],
          'infra kubeconfig mounted by the operator (remoteInfra.secretName)',
        ),
      );
    }
  }
  if (
    snapshot.deploymentTechnology === 'fluxcd' &&
    canRead(
      snapshot,
      'infra',
      SNAPSHOT_RESOURCES.secrets,
      SNAPSHOT_RESOURCES.helmReleases,
      SNAPSHOT_RESOURCES.kustomizations,
    )
  ) {
    const uses = kubeconfigSecretUses([
      ...instanceHelmReleases(snapshot),
      ...instanceKustomizations(snapshot),
    ]);
    for (const use of uses) {
      const count = use.users.length;
      rows.push(
        row(
          'infra',
          snapshot.infra.secrets,
          use.name,
          use.namespace,
          use.key ? [use.key] : FLUX_DEFAULT_KUBECONFIG_KEYS,
          `runtime kubeconfig Flux uses (spec.kubeConfig.secretRef of ${count} ${
            count === 1 ? 'object' : 'objects'
          })`,
        ),
      );
    }
    const flux = expected.fluxRuntimeKubeconfig;
    if (
      flux &&
      !uses.some(
        u => u.name === flux.name && u.namespace === snapshot.ref.namespace,
      )
    ) {
      rows.push(
        row(
          'infra',
          snapshot.infra.secrets,
          flux.name,
          snapshot.ref.namespace,
          [flux.key],
          'runtime kubeconfig for Flux (remoteRuntime.infra.secretName), not referenced yet',
        ),
      );
    }
  }
  const argocd = expected.argocdClusterSecret;
  if (
    snapshot.deploymentTechnology === 'argocd' &&
    argocd &&
    canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.secrets)
  ) {
    rows.push(
      row(
        'infra',
        snapshot.infra.secrets,
        argocd.name,
        argocd.namespace,
        ['server'],
        'Argo CD cluster registration of the runtime cluster',
      ),
    );
  }
  return rows;
}
