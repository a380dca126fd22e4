import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod/v4';
import { HAS_INSTANCE_ANNOTATION } from './entityCards';

/**
 * The "Platform Mesh" entity tab at `/platform-mesh`. Config: the blueprint's `path` and `title`
 * (the tab's), and `refreshIntervalMs`, `logTailLines`.
 */
export const platformMeshEntityContent = EntityContentBlueprint.makeWithOverrides({
  name: 'platform-mesh',
  configSchema: {
    refreshIntervalMs: z.number().int().min(0).optional(),
    logTailLines: z.number().int().min(1).max(1000).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/platform-mesh',
      title: 'Platform Mesh',
      filter: HAS_INSTANCE_ANNOTATION,
      loader: () =>
        import('../components/content/PlatformMeshContent').then(m => (
          <m.PlatformMeshContent
            title={config.title}
            refreshIntervalMs={config.refreshIntervalMs}
            logTailLines={config.logTailLines}
          />
        )),
    });
  },
});
