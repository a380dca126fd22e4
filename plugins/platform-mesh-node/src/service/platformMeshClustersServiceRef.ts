import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readPlatformMeshConfig } from '../config/readPlatformMeshConfig';
import { DefaultPlatformMeshClustersService } from './DefaultPlatformMeshClustersService';
import type { PlatformMeshClustersService } from './types';

/**
 * The Platform Mesh clusters service: validated config, one Kubernetes client per cluster, the
 * apply engine. Plugin-scoped, so each plugin (the Platform Mesh backend, the scaffolder with its
 * Platform Mesh module) gets one instance shared by all its parts. The default factory reads and
 * validates the root config at start-up and fails it with every broken entry named.
 *
 * @public
 */
export const platformMeshClustersServiceRef =
  createServiceRef<PlatformMeshClustersService>({
    id: 'platform-mesh.clusters',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          lifecycle: coreServices.lifecycle,
        },
        factory({ config, logger, lifecycle }) {
          const clusters = new DefaultPlatformMeshClustersService({
            config: readPlatformMeshConfig(config),
            logger,
          });
          lifecycle.addStartupHook(() => {
            const missing = clusters.clustersWithoutCredentialProvider();
            if (missing.length > 0) {
              logger.warn(
                `No credential provider for the authProvider of cluster(s) ${missing
                  .map(n => `"${n}"`)
                  .join(', ')}; requests to them will fail as unauthorized`,
              );
            }
          });
          lifecycle.addShutdownHook(() => clusters.close());
          return clusters;
        },
      }),
  });
