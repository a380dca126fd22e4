import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/**
 * The Platform Mesh status backend plugin.
 *
 * @public
 */
export const platformMeshPlugin = createBackendPlugin({
  pluginId: 'platform-mesh',
  register(env) {
    env.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('platform-mesh backend starting');
      },
    });
  },
});
