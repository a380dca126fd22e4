import { type InstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  formatInstanceEntityName,
  PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION,
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/** Where the instance's catalog entity comes from (`catalogEntity` of the render action). */
export type CatalogEntitySource = 'provider' | 'repository';

/** The catalog entity of an instance and what the PlatformMesh records for it. */
export interface InstanceCatalogInput {
  /** The entity name: `entityName`, else the provider's name pattern applied to the instance. */
  name: string;
  /** `spec.owner`: `owner`, else the configured default owner, else the initiator. */
  owner: string;
  /** The template that created the instance (`sourceTemplate`, else the running template). */
  sourceTemplate?: string;
  /** Annotations for the PlatformMesh: the owner and source template the template recorded. */
  annotations: Record<string, string>;
}

/**
 * The catalog-related inputs, checked (`owner` and `sourceTemplate` as full entity refs); the rest
 * is completed once the instance is known.
 */
interface CatalogFields {
  entityName?: string;
  owner?: string;
  sourceTemplate?: string;
}

/**
 * The instance's catalog entity: its name (the provider's pattern unless `entityName` is given),
 * owner and source template, and the annotations the PlatformMesh carries for the provider.
 *
 * @param ref - the instance
 * @param fields - the checked catalog fields
 * @param options - the name pattern and default owner from config, the initiator, the entity source
 */
export function instanceCatalogInput(
  ref: InstanceRef,
  fields: CatalogFields,
  options: {
    namePattern?: string;
    defaultOwner?: string;
    initiator?: string;
    catalogEntity?: CatalogEntitySource;
  },
): InstanceCatalogInput {
  const annotations: Record<string, string> = {};
  if (fields.owner) annotations[PLATFORM_MESH_OWNER_ANNOTATION] = fields.owner;
  if (fields.sourceTemplate) {
    annotations[PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION] =
      fields.sourceTemplate;
  }
  if (options.catalogEntity === 'repository') {
    annotations[PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION] = 'repository';
  }
  return {
    name:
      fields.entityName ?? formatInstanceEntityName(ref, options.namePattern),
    owner:
      fields.owner ?? options.defaultOwner ?? options.initiator ?? 'unknown',
    ...(fields.sourceTemplate ? { sourceTemplate: fields.sourceTemplate } : {}),
    annotations,
  };
}
