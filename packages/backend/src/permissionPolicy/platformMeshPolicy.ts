/*
 * An example permission policy for the Platform Mesh permissions, as the backend plugin's README
 * shows it (this example backend itself runs the allow-all policy, so that the demo works for the
 * guest user). Instance owners read their instances' status and reconcile them; the platform team
 * also reads the operator logs and creates and decommissions instances; everything else is allowed.
 */
import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  platformMeshApplyPermission,
  platformMeshDeletePermission,
  platformMeshLogsReadPermission,
  platformMeshReconcilePermission,
  platformMeshStatusReadPermission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** The group that runs Platform Mesh (change it to yours). */
export const PLATFORM_TEAM = 'group:default/platform-engineering';

/** Owners see and reconcile their instances; the platform team does the rest. */
export class PlatformMeshPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    // resource permissions on the instance's catalog entity: its owners
    if (
      isPermission(permission, platformMeshStatusReadPermission) ||
      isPermission(permission, platformMeshReconcilePermission)
    ) {
      if (claims.includes(PLATFORM_TEAM))
        return { result: AuthorizeResult.ALLOW };
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    // basic permissions: operator logs (they name every instance of a target), apply, decommission
    if (
      isPermission(permission, platformMeshLogsReadPermission) ||
      isPermission(permission, platformMeshApplyPermission) ||
      isPermission(permission, platformMeshDeletePermission)
    ) {
      return {
        result: claims.includes(PLATFORM_TEAM)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** The policy as a backend module: `backend.add(platformMeshPolicyModule)` instead of allow-all. */
export const platformMeshPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'platform-mesh-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new PlatformMeshPolicy(userInfo));
      },
    });
  },
});
