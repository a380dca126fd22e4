import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { platformMeshApi } from './alpha/apis';
import { platformMeshEntityCard } from './alpha/entityCards';

/**
 * The Platform Mesh plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-mesh',
  extensions: [platformMeshApi, platformMeshEntityCard],
});
