import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { platformMeshDeletePermission } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Checks that the task's initiator may decommission Platform Mesh instances
 * (`platform-mesh.delete`). Runs first, so that nothing about the clusters is revealed to a
 * denied user.
 *
 * @param permissions - the permissions service
 * @param credentials - the credentials of the task's initiator
 * @throws NotAllowedError when the permission is not granted
 * @internal
 */
export async function authorizeDelete(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: platformMeshDeletePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to decommission Platform Mesh instances (permission ${platformMeshDeletePermission.name})`,
    );
  }
}
