import type { PlatformMeshClusterDetails } from '../config/types';

/**
 * Authentication material for one request to a Kubernetes API server. Same shape as the
 * Kubernetes plugin's `KubernetesCredential`, so its auth strategies can be adapted.
 *
 * @remarks
 * `cert` and `key` are PEM strings. Never log or return any of these values.
 *
 * @public
 */
export type KubernetesCredential =
  | { type: 'bearer token'; token: string }
  | { type: 'x509 client certificate'; cert: string; key: string }
  | { type: 'anonymous' };

/**
 * Supplies the credential for a cluster. Called before every request, so an implementation may
 * rotate credentials; it should cache what is expensive to obtain.
 *
 * @public
 */
export interface PlatformMeshCredentialProvider {
  getCredential(
    cluster: PlatformMeshClusterDetails,
  ): Promise<KubernetesCredential>;
}
