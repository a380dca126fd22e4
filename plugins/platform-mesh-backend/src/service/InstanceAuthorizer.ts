import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  formatInstanceRef,
  PLATFORM_MESH_INSTANCE_ANNOTATION,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Checks the Platform Mesh permissions for one instance. An ALLOW or DENY policy decision is final;
 * a conditional decision is evaluated against the catalog entity that carries the instance's
 * `platform-mesh.io/instance` annotation (so policies can use catalog rules such as
 * `isEntityOwner`). Without such an entity a conditional decision denies.
 */
export class InstanceAuthorizer {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  /** Throws `NotAllowedError` unless the caller may use `permission` on the instance. */
  async authorize(
    permission: ResourcePermission<'catalog-entity'>,
    ref: InstanceRef,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.isAllowed(permission, ref, credentials))) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on ${formatInstanceRef(ref)}`,
      );
    }
  }

  /** Whether the caller may use `permission` on the instance. */
  async isAllowed(
    permission: ResourcePermission<'catalog-entity'>,
    ref: InstanceRef,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return (
      (await this.filterAllowed(permission, [ref], credentials)).length === 1
    );
  }

  /** The refs the caller may use `permission` on; one policy decision for all of them. */
  async filterAllowed<T extends InstanceRef>(
    permission: ResourcePermission<'catalog-entity'>,
    refs: T[],
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    if (refs.length === 0) return [];
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW ? refs : [];
    }
    const allowed: T[] = [];
    for (const ref of refs) {
      if (await this.entityAllows(permission, ref, credentials))
        allowed.push(ref);
    }
    return allowed;
  }

  private async entityAllows(
    permission: ResourcePermission<'catalog-entity'>,
    ref: InstanceRef,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${PLATFORM_MESH_INSTANCE_ANNOTATION}`]:
            formatInstanceRef(ref),
        },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    for (const entity of items) {
      const [result] = await this.options.permissions.authorize(
        [{ permission, resourceRef: stringifyEntityRef(entity) }],
        { credentials },
      );
      if (result.result === AuthorizeResult.ALLOW) return true;
    }
    return false;
  }
}
