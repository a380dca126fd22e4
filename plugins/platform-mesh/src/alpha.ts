import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { platformMeshApi } from './alpha/apis';
import {
  platformMeshEntityCard,
  platformMeshOverviewCard,
} from './alpha/entityCards';
import { platformMeshEntityContent } from './alpha/entityContent';
import { platformMeshTargetPickerFormField } from './fields/alpha';

export { platformMeshTranslationRef } from './translation';

/**
 * The Platform Mesh plugin for the new frontend system: the API client, the compact overview
 * card (`entity-card:platform-mesh/overview`), the "Platform Mesh" tab
 * (`entity-content:platform-mesh/platform-mesh`), the full status card
 * (`entity-card:platform-mesh/status`, disabled by default) and the target picker field.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-mesh',
  extensions: [
    platformMeshApi,
    platformMeshOverviewCard,
    platformMeshEntityCard,
    platformMeshEntityContent,
    platformMeshTargetPickerFormField,
  ],
});
