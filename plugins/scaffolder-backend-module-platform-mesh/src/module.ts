import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createCredentialsCollector,
  platformMeshClustersServiceRef,
  platformMeshScaffolderCredentialsExtensionPoint,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  platformMeshApplyPermission,
  platformMeshDeletePermission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  createPlatformMeshApplyAction,
  createPlatformMeshDescribeAction,
  createPlatformMeshRenderAction,
} from './actions';
import { readCatalogSettings } from './input/catalogSettings';
import { createPlatformMeshDeleteAction } from './actions/delete';

/**
 * Registers the `platform-mesh:render`, `platform-mesh:apply` and `platform-mesh:delete` scaffolder
 * actions (and the `platform-mesh.apply` and `platform-mesh.delete` permissions they check), and
 * `platformMeshScaffolderCredentialsExtensionPoint` for the scaffolder plugin (credential providers added
 * there are used by these actions' clusters service).
 *
 * @public
 */
export const scaffolderModulePlatformMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform-mesh',
  register(env) {
    const credentials = createCredentialsCollector();
    env.registerExtensionPoint(
      platformMeshScaffolderCredentialsExtensionPoint,
      credentials.extensionPoint,
    );
    env.registerInit({
      deps: {
        clusters: platformMeshClustersServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({
        clusters,
        permissions,
        permissionsRegistry,
        auditor,
        scaffolder,
        config,
      }) {
        credentials.registerWith(clusters);
        // platform-mesh:apply and platform-mesh:delete check these here, in the scaffolder plugin,
        // so permission tooling lists them even without the Platform Mesh backend plugin
        permissionsRegistry.addPermissions([
          platformMeshApplyPermission,
          platformMeshDeletePermission,
        ]);
        scaffolder.addActions(
          createPlatformMeshDeleteAction({ clusters, permissions, auditor }),
        );
        // the catalog entity provider's name pattern and default owner, so links match its entities
        const catalog = readCatalogSettings(config);
        scaffolder.addActions(
          createPlatformMeshRenderAction({ clusters, ...catalog }),
          createPlatformMeshApplyAction({ clusters, permissions, ...catalog }),
          createPlatformMeshDescribeAction({ clusters, permissions }),
        );
      },
    });
  },
});
