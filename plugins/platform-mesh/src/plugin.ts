import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { platformMeshApiRef, PlatformMeshClient } from './api';

/**
 * The Platform Mesh frontend plugin for the legacy frontend system.
 *
 * @public
 */
export const platformMeshPlugin = createPlugin({
  id: 'platform-mesh',
  apis: [
    createApiFactory({
      api: platformMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMeshClient({ discoveryApi, fetchApi }),
    }),
  ],
});
