import type { Secret } from '../types/kubernetes';
import { base64Utf8 } from './base64';
import type {
  PlatformMeshSetup,
  ResolvedPlatformMeshSetup,
} from '../types/setup';
import { buildArgocdClusterConfig, buildKubeconfig } from './kubeconfig';
import { RENDERED_OBJECT_LABELS } from './labels';
import { resolveSetup } from './resolveSetup';
import { describeSetupSecrets } from './setupSecrets';
import type { SetupSecret } from './types';

/** User names written into the kubeconfigs. */
const KUBECONFIG_USERS: Record<SetupSecret['source'], string> = {
  operatorToRuntime: 'platform-mesh-operator',
  operatorToInfra: 'platform-mesh-operator',
  infraToRuntime: 'platform-mesh-flux',
};

/**
 * Renders one Secret of {@link describeSetupSecrets} from its kubeconfig source; undefined when the
 * source was not given.
 *
 * @param resolved - the resolved setup
 * @param descriptor - the Secret to render
 */
export function renderSetupSecret(
  resolved: ResolvedPlatformMeshSetup,
  descriptor: SetupSecret,
): Secret | undefined {
  const source = resolved.setup.kubeconfigs?.[descriptor.source];
  if (!source) return undefined;
  const targetCluster =
    descriptor.source === 'operatorToInfra'
      ? resolved.clusters.infra
      : resolved.clusters.runtime;
  const metadata = {
    name: descriptor.name,
    namespace: descriptor.namespace,
    labels: { ...RENDERED_OBJECT_LABELS, ...descriptor.labels },
  };
  if (descriptor.id === 'argocd-cluster') {
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata,
      type: 'Opaque',
      data: encodeData({
        name: targetCluster,
        server: resolved.destinationServer ?? source.server,
        config: buildArgocdClusterConfig(source),
      }),
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'Opaque',
    data: encodeData({
      [descriptor.key]: buildKubeconfig(source, {
        clusterName: targetCluster,
        user: KUBECONFIG_USERS[descriptor.source],
      }),
    }),
  };
}

/**
 * Secret values as base64 `data`, not `stringData`: server-side apply tracks field ownership of
 * `data` keys, so a key another field manager owns is reported as a conflict instead of being
 * silently overwritten (the API server folds `stringData` into `data` outside that tracking).
 */
function encodeData(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, base64Utf8(value)]),
  );
}

/**
 * Renders the kubeconfig Secrets whose sources the setup gives (type Opaque, base64 `data`): on the
 * operator cluster the runtime kubeconfig and, only when Operator != Infra, the infra kubeconfig;
 * on the infra cluster the Flux runtime kubeconfig in the instance namespace, or in argocd mode the
 * Argo CD cluster Secret. Secrets without a source are listed by {@link describeSetupSecrets}.
 *
 * @param setup - a validated setup
 */
export function renderKubeconfigSecrets(setup: PlatformMeshSetup): Secret[] {
  const resolved = resolveSetup(setup);
  const result: Secret[] = [];
  for (const descriptor of describeSetupSecrets(resolved)) {
    const secret = renderSetupSecret(resolved, descriptor);
    if (secret) result.push(secret);
  }
  return result;
}
