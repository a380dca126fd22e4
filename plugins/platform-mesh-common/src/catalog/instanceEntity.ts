import { formatInstanceRef } from '../annotation';
import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '../constants';
import { namespaceAllowed } from '../targets';
import type { KubernetesObject } from '../types/kubernetes';
import type { PlatformMeshSpec } from '../types/platformMesh';
import type { InstanceRef, TargetSummary } from '../types/status';
import {
  PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION,
  PLATFORM_MESH_INSTANCE_ENTITY_TYPE,
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from './annotations';
import {
  MANAGED_BY_LOCATION_ANNOTATION,
  MANAGED_BY_ORIGIN_LOCATION_ANNOTATION,
  PLATFORM_MESH_ENTITY_NAMESPACE,
  SOURCE_TEMPLATE_ANNOTATION,
  type CatalogEntityLink,
  type PlatformMeshResourceEntity,
} from './catalogEntity';
import { clusterEntityRef, targetClusters } from './clusterEntity';
import { entityRefProblem } from './entityRef';
import { formatInstanceEntityName } from './instanceEntityName';
import { instancePortalUrl } from './portalUrl';

/**
 * A target as the entity builder needs it: its clusters and the namespaces its instances may live
 * in (`namespaces`, default `[namespace]`).
 *
 * @alpha
 */
export type CatalogTarget = TargetSummary & { namespaces?: readonly string[] };

/**
 * Options of {@link buildInstanceEntity}.
 *
 * @alpha
 */
export interface InstanceEntityOptions {
  /** `spec.owner` when the PlatformMesh names no (valid) owner. Must be an entity ref. */
  defaultOwner: string;
  /** Pattern of the entity name (see `formatInstanceEntityName`). */
  namePattern?: string;
  /** The provider's location, e.g. `platform-mesh:dev` (both managed-by annotations). */
  location: string;
}

/**
 * Why {@link buildInstanceEntity} emits no entity for an object:
 * - `repository`: annotated `platform-mesh.io/catalog-entity: repository` (GitOps: its
 *   `catalog-info.yaml` is registered from the repository);
 * - `namespace`: it lives in a namespace the target does not allow;
 * - `not-a-platform-mesh`: not a `core.platform-mesh.io` PlatformMesh, or without a name.
 *
 * @alpha
 */
export type InstanceEntitySkipReason =
  | 'repository'
  | 'namespace'
  | 'not-a-platform-mesh';

/**
 * What {@link buildInstanceEntity} made of one object: an entity (with warnings about annotations
 * it could not use) or the reason it emits none.
 *
 * @alpha
 */
export type InstanceEntityResult =
  | {
      type: 'entity';
      ref: InstanceRef;
      entity: PlatformMeshResourceEntity;
      warnings: string[];
    }
  | { type: 'skipped'; ref?: InstanceRef; reason: InstanceEntitySkipReason };

function describeClusters(target: TargetSummary): string {
  if (
    target.operatorIsInfra ||
    target.operatorCluster === target.infraCluster
  ) {
    return `operator and infra cluster ${target.operatorCluster}, runtime cluster ${target.runtimeCluster}`;
  }
  return `operator cluster ${target.operatorCluster}, runtime cluster ${target.runtimeCluster}, infra cluster ${target.infraCluster}`;
}

/**
 * The catalog entity of one PlatformMesh of a target: kind `Resource`, type
 * `platform-mesh-instance`, named by `formatInstanceEntityName`, with the `platform-mesh.io/instance`
 * annotation, the owner the apply action recorded (`platform-mesh.io/owner`, else the default),
 * the template it came from (`backstage.io/source-template`), `dependsOn` the cluster entities,
 * and the portal link when `spec.exposure.baseDomain` is set. Pure: the same object gives the
 * same entity (status changes do not change it).
 *
 * @param object - a PlatformMesh read from the target's runtime cluster
 * @param target - the target it was read for
 * @param options - owner default, name pattern and location
 * @alpha
 */
export function buildInstanceEntity(
  object: KubernetesObject,
  target: CatalogTarget,
  options: InstanceEntityOptions,
): InstanceEntityResult {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name;
  if (
    object.kind !== 'PlatformMesh' ||
    !String(object.apiVersion).startsWith('core.platform-mesh.io/') ||
    !namespace ||
    !name
  ) {
    return { type: 'skipped', reason: 'not-a-platform-mesh' };
  }
  const ref: InstanceRef = { target: target.name, namespace, name };
  const allowed = target.namespaces?.length
    ? target.namespaces
    : [target.namespace];
  if (!namespaceAllowed(allowed, namespace)) {
    return { type: 'skipped', ref, reason: 'namespace' };
  }
  const annotations = object.metadata.annotations ?? {};
  if (
    annotations[PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION]?.trim() ===
    'repository'
  ) {
    return { type: 'skipped', ref, reason: 'repository' };
  }

  const instance = formatInstanceRef(ref);
  const warnings: string[] = [];
  let owner = options.defaultOwner;
  const recordedOwner = annotations[PLATFORM_MESH_OWNER_ANNOTATION]?.trim();
  if (recordedOwner) {
    const problem = entityRefProblem(recordedOwner);
    if (problem) {
      warnings.push(
        `PlatformMesh ${instance}: annotation ${PLATFORM_MESH_OWNER_ANNOTATION} "${recordedOwner}" ${problem}; the entity is owned by ${options.defaultOwner}`,
      );
    } else {
      owner = recordedOwner;
    }
  }
  const entityAnnotations: Record<string, string> = {
    [PLATFORM_MESH_INSTANCE_ANNOTATION]: instance,
    [MANAGED_BY_LOCATION_ANNOTATION]: options.location,
    [MANAGED_BY_ORIGIN_LOCATION_ANNOTATION]: options.location,
  };
  const template =
    annotations[PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION]?.trim();
  if (template) {
    const problem = entityRefProblem(template, ['template']);
    if (problem) {
      warnings.push(
        `PlatformMesh ${instance}: annotation ${PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION} "${template}" ${problem}; it is not copied`,
      );
    } else {
      entityAnnotations[SOURCE_TEMPLATE_ANNOTATION] = template;
    }
  }

  const spec = (object.spec ?? {}) as PlatformMeshSpec;
  const links: CatalogEntityLink[] = [];
  const portal = instancePortalUrl(spec.exposure);
  if (portal) links.push({ url: portal, title: 'Portal', icon: 'dashboard' });

  const entity: PlatformMeshResourceEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: formatInstanceEntityName(ref, options.namePattern),
      namespace: PLATFORM_MESH_ENTITY_NAMESPACE,
      title: `${name} (${target.name}/${namespace})`,
      description: `Platform Mesh instance ${name} in namespace ${namespace} of target ${
        target.name
      } (${target.deploymentTechnology}): ${describeClusters(target)}.`,
      annotations: entityAnnotations,
      tags: ['platform-mesh', target.deploymentTechnology],
      ...(links.length ? { links } : {}),
    },
    spec: {
      type: PLATFORM_MESH_INSTANCE_ENTITY_TYPE,
      owner,
      dependsOn: targetClusters(target).map(clusterEntityRef),
    },
  };
  return { type: 'entity', ref, entity, warnings };
}
