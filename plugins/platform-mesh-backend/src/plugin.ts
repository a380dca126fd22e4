import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  platformMeshLogsReadPermission,
  platformMeshReconcilePermission,
  platformMeshStatusReadPermission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  createCredentialsCollector,
  platformMeshClustersServiceRef,
  platformMeshCredentialsExtensionPoint,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { createGetPlatformMeshStatusAction } from './actions/createGetPlatformMeshStatusAction';
import { ClusterTransport } from './cache/ClusterTransport';
import { InformerPool } from './cache/InformerPool';
import { StatusCache } from './cache/StatusCache';
import { InstanceAuthorizer } from './service/InstanceAuthorizer';
import { InstanceReconciler } from './service/InstanceReconciler';
import { ClusterOperatorLogsReader } from './service/OperatorLogsReader';
import { readOperatorLogsConfig } from './service/readOperatorLogsConfig';
import { readReconcileConfig } from './service/readReconcileConfig';
import { createRouter } from './service/router';

/**
 * The Platform Mesh status backend plugin (`/api/platform-mesh`): a watch-backed cache of the
 * operator, runtime and infra clusters of every configured target, the status HTTP API (with the
 * raw objects of an instance), operator logs on request, the audited Reconcile route with a
 * separate write credential per target, and the `get-platform-mesh-status` action.
 *
 * @public
 */
export const platformMeshPlugin = createBackendPlugin({
  pluginId: 'platform-mesh',
  register(env) {
    const credentials = createCredentialsCollector();
    env.registerExtensionPoint(
      platformMeshCredentialsExtensionPoint,
      credentials.extensionPoint,
    );

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        clusters: platformMeshClustersServiceRef,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { clusters, logger } = deps;
        credentials.registerWith(clusters);
        // only the permissions this plugin checks; the scaffolder module registers
        // platform-mesh.apply and platform-mesh.delete in the scaffolder plugin, where they are checked
        deps.permissionsRegistry.addPermissions([
          platformMeshStatusReadPermission,
          platformMeshLogsReadPermission,
          platformMeshReconcilePermission,
        ]);

        const pool = new InformerPool({
          logger,
          resyncMs: clusters.config.resyncSeconds * 1000,
          transportFactory: (cluster, spec) =>
            new ClusterTransport(
              async () => clusters.getClient(cluster),
              cluster,
              spec,
            ),
        });
        const cache = new StatusCache({
          targets: clusters.listTargets(),
          pool,
          logger,
          gracePeriodSeconds: clusters.config.diagnosticsGracePeriodSeconds,
        });
        // the write identities of Reconcile: separate cluster entries, never the status reader's
        const reconciler = new InstanceReconciler({
          getClient: cluster => clusters.getClient(cluster),
          writeClusters: readReconcileConfig(
            deps.config,
            clusters.listTargets(),
            clusters.config.clusters,
          ),
        });
        const authorizer = new InstanceAuthorizer({
          permissions: deps.permissions,
          catalog: deps.catalog,
        });

        deps.httpRouter.use(
          await createRouter({
            cache,
            authorizer,
            permissions: deps.permissions,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logs: new ClusterOperatorLogsReader(
              async cluster => clusters.getClient(cluster),
              readOperatorLogsConfig(deps.config),
            ),
            reconciler,
          }),
        );
        createGetPlatformMeshStatusAction({
          actionsRegistry: deps.actionsRegistry,
          cache,
          authorizer,
        });

        cache.start();
        logger.info(
          `Watching ${
            clusters.listTargets().length
          } Platform Mesh target(s) on ${
            clusters.listClusterNames().length
          } cluster(s)`,
        );
        // The plugin's own lifecycle: its shutdown runs together with the clusters service's,
        // which closes the clients. A root-lifecycle hook would run after that, so every open
        // watch would first see its connection break and log it as an error.
        deps.lifecycle.addShutdownHook(async () => {
          await cache.stop();
          clusters.close();
        });
      },
    });
  },
});
