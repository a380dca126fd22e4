/*
 * The benchmark's floor: a backend plugin whose status route does only what every plugin answer
 * pays in Backstage — the same `httpAuth.credentials` and the same `platform-mesh.status.read`
 * permission decision as the Platform Mesh status route — and then answers a constant. Served in the
 * same backend as the two measured plugins, it is the limit a cached answer can approach.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { platformMeshStatusReadPermission } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** Plugin id of the floor; its route is `/api/pm-bench-floor/instances/:t/:ns/:name/status`. */
export const FLOOR_PLUGIN_ID = 'pm-bench-floor';

/** The no-op plugin: authentication and the permission decision, nothing else. */
export const floorPlugin = createBackendPlugin({
  pluginId: FLOOR_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      async init({ httpRouter, httpAuth, permissions }) {
        const router = Router();
        router.get(
          '/instances/:target/:namespace/:name/status',
          async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user', 'service'],
            });
            const [decision] = await permissions.authorizeConditional(
              [{ permission: platformMeshStatusReadPermission }],
              { credentials },
            );
            res.json({ decision: decision.result, name: req.params.name });
          },
        );
        httpRouter.use(router);
      },
    });
  },
});
