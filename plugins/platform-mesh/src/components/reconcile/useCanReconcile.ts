import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { platformMeshReconcilePermission } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Whether the signed-in user holds `platform-mesh.reconcile` on the current entity (checked
 * once per entity; the buttons are hidden while it loads and when it is denied).
 */
export function useCanReconcile(): { allowed: boolean; loading: boolean } {
  const { entity } = useEntity();
  const { allowed, loading } = usePermission({
    permission: platformMeshReconcilePermission,
    resourceRef: stringifyEntityRef(entity),
  });
  return { allowed, loading };
}
