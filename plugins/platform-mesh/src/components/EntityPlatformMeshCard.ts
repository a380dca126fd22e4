import { createComponentExtension } from '@backstage/core-plugin-api';
import { platformMeshPlugin } from '../plugin';
import type { PlatformMeshCardProps } from './PlatformMeshCard';

/**
 * The Platform Mesh entity card for the legacy frontend system; use it inside
 * `<EntitySwitch.Case if={isPlatformMeshAvailable}>` on an entity page.
 *
 * @public
 */
export const EntityPlatformMeshCard: (
  props: PlatformMeshCardProps,
) => JSX.Element = platformMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformMeshCard',
    component: {
      lazy: () => import('./PlatformMeshCard').then(m => m.PlatformMeshCard),
    },
  }),
);
