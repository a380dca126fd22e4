import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';

/** The path of the Platform Mesh tab below the entity page. */
const PLATFORM_MESH_TAB_PATH = 'platform-mesh';

/** `useRouteRef` that yields undefined instead of throwing when the catalog's route is not mounted. */
function useEntityRoute(): ReturnType<typeof useRouteRef<any>> | undefined {
  try {
    // every hook inside runs before it throws, so the hook order stays the same
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The link to the current entity's Platform Mesh tab (`<entity page>/platform-mesh`); undefined
 * when the app mounts no catalog entity page.
 */
export function useTabLink(): string | undefined {
  const { entity } = useEntity();
  const entityRoute = useEntityRoute();
  return entityRoute
    ? `${entityRoute(entityRouteParams(entity))}/${PLATFORM_MESH_TAB_PATH}`
    : undefined;
}
