/**
 * Annotation the apply action writes on a PlatformMesh: the catalog entity ref of the instance's
 * owner (for example `group:default/platform-team`), chosen in the template. The catalog entity
 * provider makes it the emitted entity's `spec.owner`.
 *
 * @alpha
 */
export const PLATFORM_MESH_OWNER_ANNOTATION = 'platform-mesh.io/owner';

/**
 * Annotation the apply action writes on a PlatformMesh: the entity ref of the software template
 * that created it (`template:default/platform-mesh-remote`). The provider copies it to the
 * emitted entity as Backstage's `backstage.io/source-template`.
 *
 * @alpha
 */
export const PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION =
  'platform-mesh.io/source-template';

/**
 * `spec.type` of the catalog Resource entities the provider emits for PlatformMesh instances.
 *
 * @alpha
 */
export const PLATFORM_MESH_INSTANCE_ENTITY_TYPE = 'platform-mesh-instance';

/**
 * `spec.type` of the catalog Resource entities the provider emits for the clusters instances use.
 */
export const KUBERNETES_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/**
 * Annotation on a PlatformMesh saying where its catalog entity comes from. The GitOps template
 * renders `platform-mesh.io/catalog-entity: repository` (the instance's `catalog-info.yaml` is
 * registered from the repository), and the catalog entity provider then emits no entity for it,
 * so the two never claim the same entity. Absent or any other value: the provider emits it.
 *
 * @alpha
 */
export const PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION =
  'platform-mesh.io/catalog-entity';

/**
 * Where the apply action, the render action and the catalog entity provider read their shared
 * catalog settings: `catalog.providers.platformMesh` (`namePattern`, `defaultOwner`, `targets`).
 *
 * @alpha
 */
export const PLATFORM_MESH_CATALOG_CONFIG_KEY =
  'catalog.providers.platformMesh';
