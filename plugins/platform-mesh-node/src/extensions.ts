import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { PlatformMeshCredentialProvider } from './credentials/types';

/**
 * The interface for {@link platformMeshCredentialsExtensionPoint}.
 *
 * @public
 */
export interface PlatformMeshCredentialsExtensionPoint {
  /**
   * Registers the credential provider for clusters whose `authProvider` is `authProvider`. A
   * provider registered for `serviceAccount` replaces the built-in static-token provider.
   */
  addCredentialProvider(
    authProvider: string,
    provider: PlatformMeshCredentialProvider,
  ): void;
}

/**
 * An extension point to plug in a custom credential source per `authProvider`, like the
 * Kubernetes plugin's auth strategies. Registered by the Platform Mesh backend plugin and by the
 * Platform Mesh scaffolder module; each forwards what it receives to its
 * `platformMeshClustersServiceRef` instance.
 *
 * @public
 */
export const platformMeshCredentialsExtensionPoint =
  createExtensionPoint<PlatformMeshCredentialsExtensionPoint>({
    id: 'platform-mesh.credentials',
  });
