import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { platformMeshApi } from './alpha/apis';

/**
 * The Platform Mesh plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-mesh',
  extensions: [platformMeshApi],
});
