// A backend of a fresh app, as the READMEs wire it, type-checked against the published
// declarations (their `.d.ts`) with `skipLibCheck: false`, as the app's own `tsc:full` does.
// In the repo, types resolve to `src`, which hides errors that only the bundled declarations
// have (e.g. action input types that do not satisfy `JsonObject`).
import type {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import platformMeshBackend from '@platform-mesh-backstage/plugin-platform-mesh-backend';
import catalogModulePlatformMesh from '@platform-mesh-backstage/plugin-catalog-backend-module-platform-mesh';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import scaffolderModulePlatformMesh, {
  createPlatformMeshApplyAction,
  createPlatformMeshDeleteAction,
  createPlatformMeshRenderAction,
} from '@platform-mesh-backstage/plugin-scaffolder-backend-module-platform-mesh';

declare const clusters: PlatformMeshClustersService;
declare const permissions: PermissionsService;
declare const auditor: AuditorService;

/** The features a backend adds. */
export const features = [
  platformMeshBackend,
  catalogModulePlatformMesh,
  scaffolderModulePlatformMesh,
];

/** The actions, as an adopter registering them by hand passes them to the scaffolder. */
export const actions: TemplateAction<any, any, any>[] = [
  createPlatformMeshRenderAction({ clusters }),
  createPlatformMeshApplyAction({ clusters, permissions }),
  createPlatformMeshDeleteAction({ clusters, permissions, auditor }),
];
