import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The `PlatformMeshTargetPicker` scaffolder form field for the new frontend system (attached to
 * the scaffolder's form fields; loaded when a form needs it).
 */
export const platformMeshTargetPickerFormField = FormFieldBlueprint.make({
  name: 'target-picker',
  params: {
    field: () =>
      import('./PlatformMeshTargetPicker').then(m =>
        createFormField({
          name: m.PLATFORM_MESH_TARGET_PICKER,
          component: m.PlatformMeshTargetPicker,
          validation: m.platformMeshTargetPickerValidation,
        }),
      ),
  },
});
