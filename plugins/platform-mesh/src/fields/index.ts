import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { platformMeshPlugin } from '../plugin';
import {
  PlatformMeshTargetPicker,
  PLATFORM_MESH_TARGET_PICKER,
  platformMeshTargetPickerValidation,
} from './PlatformMeshTargetPicker';

/**
 * The `PlatformMeshTargetPicker` scaffolder field for the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route. Templates use it with
 * `ui:field: PlatformMeshTargetPicker`; its value is a configured target's name.
 *
 * @public
 */
export const PlatformMeshTargetPickerFieldExtension =
  platformMeshPlugin.provide(
    createScaffolderFieldExtension({
      name: PLATFORM_MESH_TARGET_PICKER,
      component: PlatformMeshTargetPicker,
      validation: platformMeshTargetPickerValidation,
    }),
  );

export { PLATFORM_MESH_TARGET_PICKER } from './PlatformMeshTargetPicker';
