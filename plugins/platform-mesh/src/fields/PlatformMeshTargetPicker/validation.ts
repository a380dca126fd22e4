import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { platformMeshApiRef } from '../../api';

/**
 * Checks that the picked target is configured (the backend is asked again, so a target removed
 * since the form was opened is caught before the task starts).
 */
export const platformMeshTargetPickerValidation: CustomFieldValidator<
  string
> = async (value, validation, context) => {
  if (!value) return;
  const api = context.apiHolder.get(platformMeshApiRef);
  if (!api) return;
  try {
    const targets = await api.getTargets();
    if (!targets.some(t => t.name === value)) {
      validation.addError(
        `"${value}" is not a configured target (${targets
          .map(t => t.name)
          .join(', ')})`,
      );
    }
  } catch {
    // The form shows the load error; the action checks the target again.
  }
};
