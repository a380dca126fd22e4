import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  InstanceRef,
  InstanceStatus,
  InstanceList,
  OperatorLogs,
  TargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

export type { OperatorLogs };

/**
 * Client for the Platform Mesh backend (`/api/platform-mesh`).
 *
 * @public
 */
export interface PlatformMeshApi {
  /** The configured targets (names of their clusters, never URLs). */
  getTargets(): Promise<TargetSummary[]>;
  /** The PlatformMesh instances found on a target's runtime cluster, with that cluster's state. */
  getInstances(target: string): Promise<InstanceList>;
  /** The aggregated status of one instance. */
  getInstanceStatus(ref: InstanceRef): Promise<InstanceStatus>;
  /**
   * Recent operator log lines of the instance's target, per pod with per-pod errors (needs
   * `platform-mesh.status.read` on the instance and the basic `platform-mesh.logs.read`).
   */
  getOperatorLogs(ref: InstanceRef, tailLines?: number): Promise<OperatorLogs>;
}

/**
 * API reference for {@link PlatformMeshApi}; serves the legacy and the new frontend system.
 *
 * @public
 */
export const platformMeshApiRef = createApiRef<PlatformMeshApi>().with({
  id: 'plugin.platform-mesh.client',
  pluginId: 'platform-mesh',
});
