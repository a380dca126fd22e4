import {
  PLATFORM_MESH_INSTANCE_ANNOTATION,
  type RenderPlan,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { SetupInput } from '../input/readSetupInput';

/** The catalog Resource that represents an instance. */
export interface InstanceEntity {
  name: string;
  owner: string;
}

/** The catalog entity of the input. */
export function entityOf(input: SetupInput): InstanceEntity {
  return input.entity;
}

/** The outputs both actions give: instance, annotation and the entity link. */
export function instanceOutputs(plan: RenderPlan, entity: InstanceEntity) {
  return {
    instanceRef: { ...plan.instanceRef },
    annotation: plan.annotation,
    entityRef: `resource:default/${entity.name}`,
    entityUrl: `/catalog/default/resource/${entity.name}`,
  };
}

/**
 * The catalog entity for an instance: a Resource of type `platform-mesh-instance` carrying the
 * `platform-mesh.io/instance` annotation, so the Platform Mesh card shows on its page.
 */
export function catalogInfo(plan: RenderPlan, entity: InstanceEntity) {
  const { target, namespace, name } = plan.instanceRef;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entity.name,
      title: `Platform Mesh ${name} (${target})`,
      description: `Platform Mesh instance ${namespace}/${name} on target ${target}`,
      annotations: { [PLATFORM_MESH_INSTANCE_ANNOTATION]: plan.annotation },
      tags: ['platform-mesh'],
    },
    spec: {
      type: 'platform-mesh-instance',
      owner: entity.owner,
    },
  };
}
