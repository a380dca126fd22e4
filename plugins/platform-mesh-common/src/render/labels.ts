import { FIELD_MANAGER } from '../constants';

/**
 * Labels put on every Secret, ConfigMap and PlatformMesh this project renders.
 *
 * @alpha
 */
export const RENDERED_OBJECT_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/managed-by': FIELD_MANAGER,
};
