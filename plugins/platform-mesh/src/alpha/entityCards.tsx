import type { FilterPredicate } from '@backstage/filter-predicates';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { z } from 'zod/v4';

/** Shows the extensions only for entities that carry the `platform-mesh.io/instance` annotation. */
export const HAS_INSTANCE_ANNOTATION: FilterPredicate = {
  [`metadata.annotations.${PLATFORM_MESH_INSTANCE_ANNOTATION}`]: {
    $exists: true,
  },
};

/**
 * The compact Platform Mesh card on the entity overview (a malformed annotation shows the card's
 * explanation). Config: `title`, `refreshIntervalMs`.
 */
export const platformMeshOverviewCard = EntityCardBlueprint.makeWithOverrides({
  name: 'overview',
  configSchema: {
    title: z.string().optional(),
    refreshIntervalMs: z.number().int().min(0).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: HAS_INSTANCE_ANNOTATION,
      loader: () =>
        import('../components/overview/PlatformMeshOverviewCard').then(m => (
          <m.PlatformMeshOverviewCard
            title={config.title}
            refreshIntervalMs={config.refreshIntervalMs}
          />
        )),
    });
  },
});

/**
 * The full Platform Mesh status card (everything on one card). Disabled by default since the
 * overview card and the Platform Mesh tab replace it; enable it with
 * `app.extensions: [entity-card:platform-mesh/status]`. Config: `title`, `refreshIntervalMs`,
 * `logTailLines`.
 */
export const platformMeshEntityCard = EntityCardBlueprint.makeWithOverrides({
  name: 'status',
  disabled: true,
  configSchema: {
    title: z.string().optional(),
    refreshIntervalMs: z.number().int().min(0).optional(),
    logTailLines: z.number().int().min(1).max(1000).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: HAS_INSTANCE_ANNOTATION,
      loader: () =>
        import('../components/PlatformMeshCard').then(m => (
          <m.PlatformMeshCard
            title={config.title}
            refreshIntervalMs={config.refreshIntervalMs}
            logTailLines={config.logTailLines}
          />
        )),
    });
  },
});
