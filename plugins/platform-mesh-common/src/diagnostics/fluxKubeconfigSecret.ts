import {
  canRead,
  instanceHelmReleases,
  instanceKustomizations,
  SNAPSHOT_RESOURCES,
} from '../snapshot';
import type { HelmRelease, Kustomization } from '../types/flux';
import { checkSecret } from './secretCheck';
import { agree, listNames, plural } from './text';
import type { DiagnosticRule } from './types';

/**
 * The keys Flux reads when `spec.kubeConfig.secretRef.key` is omitted: `value`, then `value.yaml`.
 */
export const FLUX_DEFAULT_KUBECONFIG_KEYS: readonly string[] = [
  'value',
  'value.yaml',
];

interface SecretUse {
  name: string;
  namespace: string;
  key?: string;
  users: Array<HelmRelease | Kustomization>;
}

/**
 * The kubeconfig Secrets the instance's operator-created HelmReleases and Kustomizations reference
 * in `spec.kubeConfig.secretRef`, each with the objects that use it. Flux resolves them in the
 * referring object's namespace on the infra cluster.
 *
 * @param releases - the HelmReleases and Kustomizations
 */
export function kubeconfigSecretUses(
  releases: Array<HelmRelease | Kustomization>,
): SecretUse[] {
  const uses = new Map<string, SecretUse>();
  for (const release of releases) {
    const ref = release.spec?.kubeConfig?.secretRef;
    if (!ref?.name) continue;
    const namespace = release.metadata.namespace ?? '';
    const id = `${namespace}/${ref.name}/${ref.key ?? ''}`;
    const use = uses.get(id) ?? {
      name: ref.name,
      namespace,
      key: ref.key,
      users: [],
    };
    use.users.push(release);
    uses.set(id, use);
  }
  return [...uses.values()];
}

/**
 * `flux-kubeconfig-secret`: every Secret that an operator-created HelmRelease's or Kustomization's
 * `spec.kubeConfig.secretRef` names exists in that object's namespace on the infra cluster, with
 * the referenced key (`value` or `value.yaml` when the reference names no key, as Flux does).
 */
export const fluxKubeconfigSecretRule: DiagnosticRule = {
  id: 'flux-kubeconfig-secret',
  evaluate(snapshot) {
    if (
      !canRead(
        snapshot,
        'infra',
        SNAPSHOT_RESOURCES.secrets,
        SNAPSHOT_RESOURCES.helmReleases,
        SNAPSHOT_RESOURCES.kustomizations,
      )
    ) {
      return [];
    }
    const releases = [
      ...instanceHelmReleases(snapshot),
      ...instanceKustomizations(snapshot),
    ];
    return kubeconfigSecretUses(releases).flatMap(use => {
      const kinds = [...new Set(use.users.map(u => u.kind))];
      const users = `${kinds
        .map(k => plural(k, use.users.length))
        .join('/')} ${listNames(use.users.map(u => u.metadata.name))}`;
      return checkSecret(snapshot, {
        id: 'flux-kubeconfig-secret',
        role: 'infra',
        secrets: snapshot.infra.secrets,
        name: use.name,
        namespace: use.namespace,
        keys: use.key ? [use.key] : [...FLUX_DEFAULT_KUBECONFIG_KEYS],
        title: 'Flux kubeconfig Secret',
        usage: `${users} ${agree(
          use.users.length,
          'uses',
          'use',
        )} it (spec.kubeConfig.secretRef) to deploy to the runtime cluster; Flux cannot reach the runtime cluster without it, so ${agree(
          use.users.length,
          'that release fails',
          'they fail',
        )}.`,
        content:
          'a kubeconfig for the runtime cluster whose server URL is reachable from the infra cluster',
        settings:
          'The operator writes this reference from its Helm values remoteRuntime.infra.secretName and remoteRuntime.infra.secretKey.',
      });
    });
  },
};
