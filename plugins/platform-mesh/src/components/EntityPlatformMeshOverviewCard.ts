import { createComponentExtension } from '@backstage/core-plugin-api';
import { platformMeshPlugin } from '../plugin';
import type { PlatformMeshContentProps } from './content/PlatformMeshContent';
import type { PlatformMeshOverviewCardProps } from './overview/PlatformMeshOverviewCard';

/**
 * The compact Platform Mesh card for the entity overview (legacy frontend system); use it inside
 * `<EntitySwitch.Case if={isPlatformMeshAvailable}>`, next to {@link EntityPlatformMeshContent}
 * on a "Platform Mesh" tab.
 *
 * @public
 */
export const EntityPlatformMeshOverviewCard: (
  props: PlatformMeshOverviewCardProps,
) => JSX.Element = platformMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformMeshOverviewCard',
    component: {
      lazy: () =>
        import('./overview/PlatformMeshOverviewCard').then(
          m => m.PlatformMeshOverviewCard,
        ),
    },
  }),
);

/**
 * The Platform Mesh entity tab (legacy frontend system): mount it as
 * `<EntityLayout.Route path="/platform-mesh" title="Platform Mesh" if={isPlatformMeshAvailable}>`.
 *
 * @public
 */
export const EntityPlatformMeshContent: (
  props: PlatformMeshContentProps,
) => JSX.Element = platformMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformMeshContent',
    component: {
      lazy: () =>
        import('./content/PlatformMeshContent').then(m => m.PlatformMeshContent),
    },
  }),
);
