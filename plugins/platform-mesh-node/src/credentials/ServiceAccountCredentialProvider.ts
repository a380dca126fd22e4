import type { PlatformMeshClusterDetails } from '../config/types';
import type {
  KubernetesCredential,
  PlatformMeshCredentialProvider,
} from './types';

/**
 * The built-in provider for `authProvider: serviceAccount`: the static bearer token from the
 * cluster's `serviceAccountToken` config.
 *
 * @public
 */
export class ServiceAccountCredentialProvider
  implements PlatformMeshCredentialProvider
{
  async getCredential(
    cluster: PlatformMeshClusterDetails,
  ): Promise<KubernetesCredential> {
    if (!cluster.serviceAccountToken) {
      throw new Error(
        `cluster "${cluster.name}" has no serviceAccountToken configured`,
      );
    }
    return { type: 'bearer token', token: cluster.serviceAccountToken };
  }
}
