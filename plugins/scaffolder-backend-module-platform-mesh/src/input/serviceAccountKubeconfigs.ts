import { readFileSync } from 'node:fs';
import type {
  KubeconfigSource,
  SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  PlatformMeshClustersService,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** A placeholder credential: what a ServiceAccount token will replace. Never written. */
export const PLACEHOLDER_TOKEN = 'placeholder-for-a-serviceaccount-token';

/**
 * A kubeconfig source for a configured cluster as a consumer reaches it at `server`: the CA from
 * the cluster's config (`caData`, else `caFile`), `insecure-skip-tls-verify` only when the config
 * skips TLS verification and has no CA, and a placeholder token.
 */
function clusterSource(
  clusters: PlatformMeshClustersService,
  cluster: string,
  server: string,
): KubeconfigSource {
  const details = clusters.config.clusters.find(c => c.name === cluster);
  const source: KubeconfigSource = {
    server,
    credential: { token: PLACEHOLDER_TOKEN },
  };
  let caData = details?.caData?.replace(/\s+/g, '');
  if (!caData && details?.caFile) {
    try {
      caData = readFileSync(details.caFile).toString('base64');
    } catch {
      // reported by the clusters service at start-up
    }
  }
  if (caData) {
    source.caData = caData;
  } else if (details?.skipTLSVerify && server.startsWith('https:')) {
    source.insecureSkipTlsVerify = true;
  }
  return source;
}

/**
 * The kubeconfig sources ServiceAccount tokens complete: the server URLs as the operator, Flux and
 * Argo CD reach the clusters, each cluster's CA from config, and a placeholder token.
 *
 * @param input - the checked input
 * @param clusters - the clusters service
 */
export function serviceAccountKubeconfigs(
  input: {
    target: PlatformMeshTarget;
    servers: { runtime: string; infra: string };
  },
  clusters: PlatformMeshClustersService,
): SetupKubeconfigs {
  const { target, servers } = input;
  const result: SetupKubeconfigs = {
    operatorToRuntime: clusterSource(
      clusters,
      target.runtimeCluster,
      servers.runtime,
    ),
    infraToRuntime: clusterSource(
      clusters,
      target.runtimeCluster,
      servers.runtime,
    ),
  };
  if (!target.operatorIsInfra) {
    result.operatorToInfra = clusterSource(
      clusters,
      target.infraCluster,
      servers.infra,
    );
  }
  return result;
}
