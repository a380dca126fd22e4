import {
  renderInstanceCatalogEntity,
  type InstanceCatalogEntity,
  type RenderPlan,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { InstanceCatalogInput } from '../input/readCatalogInput';
import type { SetupInput } from '../input/readSetupInput';

/** The catalog Resource that represents an instance. */
export type InstanceEntity = Pick<
  InstanceCatalogInput,
  'name' | 'owner' | 'sourceTemplate'
>;

/** The catalog entity of the input. */
export function entityOf(input: SetupInput): InstanceEntity {
  return input.entity;
}

/**
 * The outputs both actions give: instance, annotation and the entity link. The entity is
 * `resource:default/<name>` with the name the catalog entity provider gives the instance
 * (`catalog.providers.platformMesh.namePattern`), so the link leads to the page with the card.
 */
export function instanceOutputs(plan: RenderPlan, entity: InstanceEntity) {
  return {
    instanceRef: { ...plan.instanceRef },
    annotation: plan.annotation,
    entityRef: `resource:default/${entity.name}`,
    entityUrl: `/catalog/default/resource/${entity.name}`,
  };
}

/**
 * The catalog entity for an instance (the instance's `catalog-info.yaml`): the same Resource the
 * catalog entity provider emits, built by `renderInstanceCatalogEntity`.
 */
export function catalogInfo(
  plan: RenderPlan,
  entity: InstanceEntity,
): InstanceCatalogEntity {
  return renderInstanceCatalogEntity({
    ref: plan.instanceRef,
    owner: entity.owner,
    name: entity.name,
    sourceTemplate: entity.sourceTemplate,
  });
}
