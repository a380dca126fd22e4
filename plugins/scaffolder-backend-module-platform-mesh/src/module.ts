import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Registers the `platform-mesh:*` scaffolder actions.
 *
 * @public
 */
export const scaffolderModulePlatformMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform-mesh',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
