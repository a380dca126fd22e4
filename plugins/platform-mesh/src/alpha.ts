import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { platformMeshApi } from './alpha/apis';
import { platformMeshEntityCard } from './alpha/entityCards';
import { platformMeshTargetPickerFormField } from './fields/alpha';

/**
 * The Platform Mesh plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-mesh',
  extensions: [
    platformMeshApi,
    platformMeshEntityCard,
    platformMeshTargetPickerFormField,
  ],
});
