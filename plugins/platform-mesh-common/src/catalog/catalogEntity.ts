/**
 * A link of a catalog entity (`metadata.links`).
 *
 * @alpha
 */
export type CatalogEntityLink = {
  url: string;
  title: string;
  icon?: string;
  type?: string;
};

/**
 * A catalog `Resource` entity as the Platform Mesh entity provider emits it: the shape of
 * `@backstage/catalog-model`'s `Entity` (so it is passed to the catalog as is), kept structural so
 * that `-common` needs no catalog dependency.
 *
 * @alpha
 */
export type PlatformMeshResourceEntity = {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Resource';
  metadata: {
    name: string;
    namespace: string;
    title: string;
    description: string;
    annotations: Record<string, string>;
    tags: string[];
    links?: CatalogEntityLink[];
  };
  spec: {
    type: string;
    owner: string;
    dependsOn?: string[];
  };
};

/**
 * The catalog namespace of every entity the provider emits.
 */
export const PLATFORM_MESH_ENTITY_NAMESPACE = 'default';

/**
 * Backstage's annotations naming where an entity comes from (both set by every provider).
 */
export const MANAGED_BY_LOCATION_ANNOTATION =
  'backstage.io/managed-by-location';

/**
 * See {@link MANAGED_BY_LOCATION_ANNOTATION}.
 */
export const MANAGED_BY_ORIGIN_LOCATION_ANNOTATION =
  'backstage.io/managed-by-origin-location';

/**
 * Backstage's annotation naming the software template an entity was created with.
 */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';

/**
 * The default `spec.owner` of emitted entities when neither the PlatformMesh's
 * `platform-mesh.io/owner` annotation nor `catalog.providers.platformMesh.defaultOwner` says
 * otherwise.
 *
 * @alpha
 */
export const DEFAULT_PLATFORM_MESH_ENTITY_OWNER = 'group:default/platform-team';
