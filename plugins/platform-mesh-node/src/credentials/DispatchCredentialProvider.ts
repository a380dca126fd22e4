import type { PlatformMeshClusterDetails } from '../config/types';
import { SERVICE_ACCOUNT_AUTH_PROVIDER } from '../config/collectClusters';
import { ServiceAccountCredentialProvider } from './ServiceAccountCredentialProvider';
import { MissingCredentialProviderError } from './MissingCredentialProviderError';
import type {
  KubernetesCredential,
  PlatformMeshCredentialProvider,
} from './types';

/**
 * Picks the credential provider by the cluster's `authProvider`, like the Kubernetes plugin's
 * dispatch strategy. `serviceAccount` is built in; adopters register more (or replace it) through
 * the `platform-mesh.credentials` extension point.
 *
 * @public
 */
export class DispatchCredentialProvider
  implements PlatformMeshCredentialProvider
{
  private readonly builtIn = new Map<string, PlatformMeshCredentialProvider>([
    [SERVICE_ACCOUNT_AUTH_PROVIDER, new ServiceAccountCredentialProvider()],
  ]);
  private readonly registered = new Map<
    string,
    PlatformMeshCredentialProvider
  >();

  /**
   * Registers the provider for an `authProvider` name. A registered provider takes precedence
   * over the built-in one of the same name; registering a name twice is an error.
   */
  addCredentialProvider(
    authProvider: string,
    provider: PlatformMeshCredentialProvider,
  ): void {
    if (this.registered.has(authProvider)) {
      throw new Error(
        `A Platform Mesh credential provider for authProvider "${authProvider}" is already registered`,
      );
    }
    this.registered.set(authProvider, provider);
  }

  /** Whether a provider handles this `authProvider` name. */
  supports(authProvider: string): boolean {
    return this.registered.has(authProvider) || this.builtIn.has(authProvider);
  }

  async getCredential(
    cluster: PlatformMeshClusterDetails,
  ): Promise<KubernetesCredential> {
    const provider =
      this.registered.get(cluster.authProvider) ??
      this.builtIn.get(cluster.authProvider);
    if (!provider) {
      throw new MissingCredentialProviderError(cluster.authProvider);
    }
    return provider.getCredential(cluster);
  }
}
