import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  createCredentialsCollector,
  platformMeshClustersServiceRef,
  toTargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { readProviderSettings } from './config/readProviderSettings';
import { platformMeshCatalogCredentialsExtensionPoint } from './extensions';
import { PlatformMeshClusterEntityProvider } from './providers/PlatformMeshClusterEntityProvider';
import { PlatformMeshInstanceEntityProvider } from './providers/PlatformMeshInstanceEntityProvider';

/**
 * Adds the Platform Mesh entity providers to the catalog: one provider per selected target
 * (`platform-mesh:<target>`, instances from the runtime cluster's PlatformMeshes, watched) and
 * one for the clusters they use (`platform-mesh:clusters`). The full refresh of each target runs
 * on the `catalog.providers.platformMesh.schedule` as a global task (one replica at a time);
 * every replica watches and applies deltas.
 *
 * @public
 */
export const catalogModulePlatformMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-mesh',
  register(env) {
    const credentials = createCredentialsCollector();
    env.registerExtensionPoint(
      platformMeshCatalogCredentialsExtensionPoint,
      credentials.extensionPoint,
    );
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        clusters: platformMeshClustersServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
      },
      async init({ catalog, clusters, config, logger, scheduler, lifecycle }) {
        credentials.registerWith(clusters);
        const settings = readProviderSettings(config, clusters.listTargets());
        const instances = settings.targets.map(
          target =>
            new PlatformMeshInstanceEntityProvider({
              target,
              clusters,
              logger,
              defaultOwner: settings.defaultOwner,
              namePattern: settings.namePattern,
            }),
        );
        catalog.addEntityProvider(
          new PlatformMeshClusterEntityProvider({
            targets: settings.targets.map(toTargetSummary),
            owner: settings.defaultOwner,
            enabled: settings.clusterEntities,
          }),
          ...instances,
        );
        for (const provider of instances) {
          await scheduler.scheduleTask({
            id: `${provider.getProviderName()}:refresh`,
            ...settings.schedule,
            scope: 'global',
            fn: async () => {
              await provider.refresh();
            },
          });
        }
        lifecycle.addShutdownHook(async () => {
          await Promise.all(instances.map(provider => provider.stop()));
        });
      },
    });
  },
});
