import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  InstanceRef,
  InstanceStatus,
  InstanceList,
  TargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Recent log lines of the Platform Mesh operator.
 *
 * @public
 */
export interface OperatorLogs {
  pods: Array<{ name: string; lines: string[]; truncated: boolean }>;
}

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
  /** Recent operator log lines (needs the `platform-mesh.logs.read` permission). */
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
