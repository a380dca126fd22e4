import type { Entity } from '@backstage/catalog-model';
import { getInstanceRefFromEntity } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * True when the entity carries a well-formed `platform-mesh.io/instance` annotation.
 * For `EntitySwitch.Case if={isPlatformMeshAvailable}` in the legacy frontend system.
 *
 * @public
 */
export function isPlatformMeshAvailable(entity: Entity): boolean {
  return getInstanceRefFromEntity(entity) !== undefined;
}
