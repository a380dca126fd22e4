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
  createPlatformMeshApplyAction,
  createPlatformMeshRenderAction,
} from './actions';

/**
 * Registers the `platform-mesh:render` and `platform-mesh:apply` scaffolder actions, and
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
        scaffolder: scaffolderActionsExtensionPoint,
      },
      async init({ clusters, permissions, scaffolder }) {
        credentials.registerWith(clusters);
        scaffolder.addActions(
          createPlatformMeshRenderAction({ clusters }),
          createPlatformMeshApplyAction({ clusters, permissions }),
        );
      },
    });
  },
});
