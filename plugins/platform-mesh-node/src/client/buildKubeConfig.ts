import { KubeConfig } from '@kubernetes/client-node';
import type { PlatformMeshClusterDetails } from '../config/types';
import type { KubernetesCredential } from '../credentials/types';

/**
 * Builds an in-memory KubeConfig with one cluster, one user and one context from a cluster entry
 * and its credential. Never reads a kubeconfig file or the environment. `http://` URLs get
 * `skipTLSVerify` (the client library refuses them otherwise).
 */
export function buildKubeConfig(
  cluster: PlatformMeshClusterDetails,
  credential: KubernetesCredential,
): KubeConfig {
  const isHttp = cluster.url.startsWith('http://');
  const user: Record<string, unknown> = { name: 'platform-mesh' };
  if (credential.type === 'bearer token') {
    user.token = credential.token;
  } else if (credential.type === 'x509 client certificate') {
    user.certData = Buffer.from(credential.cert, 'utf8').toString('base64');
    user.keyData = Buffer.from(credential.key, 'utf8').toString('base64');
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: isHttp || cluster.skipTLSVerify,
      },
    ],
    users: [user],
    contexts: [
      { name: 'platform-mesh', cluster: cluster.name, user: 'platform-mesh' },
    ],
    currentContext: 'platform-mesh',
  });
  return kc;
}
