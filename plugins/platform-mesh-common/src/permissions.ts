import {
  createPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Read the aggregated status of a Platform Mesh instance. A resource permission on the catalog
 * entity that carries the `platform-mesh.io/instance` annotation, so policies can condition it
 * (for example with the catalog's `isEntityOwner` rule).
 *
 * @public
 */
export const platformMeshStatusReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'platform-mesh.status.read',
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  });

/**
 * Read the operator's logs for an instance (more sensitive than status).
 *
 * @public
 */
export const platformMeshLogsReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'platform-mesh.logs.read',
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  });

/**
 * Apply a Platform Mesh setup to clusters (the `platform-mesh:apply` scaffolder action).
 *
 * @public
 */
export const platformMeshApplyPermission = createPermission({
  name: 'platform-mesh.apply',
  attributes: { action: 'update' },
});

/**
 * Every permission of the Platform Mesh plugins, for `permissionsRegistry.addPermissions`.
 *
 * @public
 */
export const platformMeshPermissions = [
  platformMeshStatusReadPermission,
  platformMeshLogsReadPermission,
  platformMeshApplyPermission,
];
