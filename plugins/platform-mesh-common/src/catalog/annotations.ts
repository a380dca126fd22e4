/**
 * Annotation the apply action writes on a PlatformMesh: the catalog entity ref of the instance's
 * owner (for example `group:default/platform-team`), chosen in the template. The catalog entity
 * provider makes it the emitted entity's `spec.owner`.
 *
 * @public
 */
export const PLATFORM_MESH_OWNER_ANNOTATION = 'platform-mesh.io/owner';

/**
 * Annotation the apply action writes on a PlatformMesh: the entity ref of the software template
 * that created it (`template:default/platform-mesh-remote`). The provider copies it to the
 * emitted entity as Backstage's `backstage.io/source-template`.
 *
 * @public
 */
export const PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION =
  'platform-mesh.io/source-template';

/**
 * `spec.type` of the catalog Resource entities the provider emits for PlatformMesh instances.
 *
 * @public
 */
export const PLATFORM_MESH_INSTANCE_ENTITY_TYPE = 'platform-mesh-instance';

/**
 * `spec.type` of the catalog Resource entities the provider emits for the clusters instances use.
 *
 * @public
 */
export const KUBERNETES_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';
