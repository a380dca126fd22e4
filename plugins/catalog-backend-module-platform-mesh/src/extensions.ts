import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { PlatformMeshCredentialsExtensionPoint } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The credentials extension point of the Platform Mesh catalog module (`pluginId: catalog`). Each
 * plugin has its own clusters service, so a custom credential source is registered once per plugin
 * that talks to the clusters; for the catalog, a catalog module registers it here.
 *
 * @public
 */
export const platformMeshCatalogCredentialsExtensionPoint =
  createExtensionPoint<PlatformMeshCredentialsExtensionPoint>({
    id: 'platform-mesh.catalog-credentials',
  });
