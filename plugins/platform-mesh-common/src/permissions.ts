import {
  createPermission,
  type BasicPermission,
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
 * Read the logs of a target's Platform Mesh operator (more sensitive than status). A basic
 * permission, not one on a catalog entity: the operator of a target serves every instance of the
 * target, so its logs show them all and owning one instance's entity must not grant them. The logs
 * route checks it in addition to {@link platformMeshStatusReadPermission} on the instance it is
 * opened from.
 *
 * @public
 */
export const platformMeshLogsReadPermission: BasicPermission = createPermission(
  {
    name: 'platform-mesh.logs.read',
    attributes: { action: 'read' },
  },
);

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
 * Ask the controllers to reconcile an instance or one of its objects now (the Reconcile buttons:
 * Flux's `reconcile.fluxcd.io/requestedAt`, an Argo CD refresh, a touch of the PlatformMesh). A
 * resource permission on the instance's catalog entity.
 *
 * @public
 */
export const platformMeshReconcilePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'platform-mesh.reconcile',
    attributes: { action: 'update' },
    resourceType: 'catalog-entity',
  });

/**
 * Decommission a Platform Mesh instance (the `platform-mesh:delete` scaffolder action).
 *
 * @public
 */
export const platformMeshDeletePermission = createPermission({
  name: 'platform-mesh.delete',
  attributes: { action: 'delete' },
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
  platformMeshReconcilePermission,
  platformMeshDeletePermission,
];
