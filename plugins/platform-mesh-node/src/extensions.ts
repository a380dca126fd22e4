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
 * An extension point of the Platform Mesh backend plugin (`pluginId: platform-mesh`) to plug in a
 * custom credential source per `authProvider`, like the Kubernetes plugin's auth strategies. What
 * is registered here is used by that plugin's `platformMeshClustersServiceRef` instance.
 *
 * @public
 */
export const platformMeshCredentialsExtensionPoint =
  createExtensionPoint<PlatformMeshCredentialsExtensionPoint>({
    id: 'platform-mesh.credentials',
  });

/**
 * The same extension point for the Platform Mesh scaffolder module (`pluginId: scaffolder`).
 * Extension point ids are unique in a backend, and each plugin has its own clusters service, so a
 * custom credential source is registered once per plugin that talks to the clusters: a module for
 * `platform-mesh` on {@link platformMeshCredentialsExtensionPoint} and a module for `scaffolder`
 * on this one.
 *
 * @public
 */
export const platformMeshScaffolderCredentialsExtensionPoint =
  createExtensionPoint<PlatformMeshCredentialsExtensionPoint>({
    id: 'platform-mesh.scaffolder-credentials',
  });
