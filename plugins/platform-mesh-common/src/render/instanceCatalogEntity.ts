import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '../constants';
import { PLATFORM_MESH_INSTANCE_ENTITY_TYPE } from '../catalog/annotations';
import { formatInstanceEntityName } from '../catalog/instanceEntityName';
import type { InstanceRef } from '../types/status';

/**
 * What {@link renderInstanceCatalogEntity} builds the instance's catalog entity from.
 *
 * @alpha
 */
export interface InstanceCatalogEntityOptions {
  ref: InstanceRef;
  /** The entity's `spec.owner`, a full entity ref (`group:default/platform-team`). */
  owner: string;
  /** `catalog.providers.platformMesh.namePattern`; the default pattern when absent. */
  namePattern?: string;
  /** An explicit entity name instead of the pattern's. */
  name?: string;
  /** The template that created the instance, written as `backstage.io/source-template`. */
  sourceTemplate?: string;
}

/**
 * A catalog entity in the `catalog-info.yaml` shape: what the render action writes and what the
 * catalog entity provider emits for an instance.
 *
 * @alpha
 */
export interface InstanceCatalogEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Resource';
  metadata: {
    name: string;
    namespace: 'default';
    title: string;
    description: string;
    annotations: Record<string, string>;
    tags: string[];
  };
  spec: { type: string; owner: string };
}

/**
 * The catalog entity of an instance, as the catalog entity provider emits it: kind `Resource` in
 * namespace `default`, named by {@link formatInstanceEntityName} with the configured pattern,
 * `spec.type: platform-mesh-instance`, and the `platform-mesh.io/instance` annotation that puts
 * the Platform Mesh card on its page. The GitOps flow writes it as the instance's
 * `catalog-info.yaml` and registers it from the repository (the PlatformMesh then carries
 * `platform-mesh.io/catalog-entity: repository`, so the provider does not emit it too).
 *
 * @param options - the instance, its owner, the name pattern, the source template
 * @alpha
 */
export function renderInstanceCatalogEntity(
  options: InstanceCatalogEntityOptions,
): InstanceCatalogEntity {
  const { ref } = options;
  const annotations: Record<string, string> = {
    [PLATFORM_MESH_INSTANCE_ANNOTATION]: `${ref.target}/${ref.namespace}/${ref.name}`,
  };
  if (options.sourceTemplate) {
    annotations['backstage.io/source-template'] = options.sourceTemplate;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: options.name ?? formatInstanceEntityName(ref, options.namePattern),
      namespace: 'default',
      title: `Platform Mesh ${ref.name} (${ref.target})`,
      description: `Platform Mesh instance ${ref.namespace}/${ref.name} on target ${ref.target}`,
      annotations,
      tags: ['platform-mesh'],
    },
    spec: { type: PLATFORM_MESH_INSTANCE_ENTITY_TYPE, owner: options.owner },
  };
}
