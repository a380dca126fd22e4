import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  InstanceRef,
  InstanceStatus,
  InstanceList,
  OperatorLogs,
  ReconcileRequest,
  ReconcileResult,
  TargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { InstanceObject, InstanceObjectRef } from './instanceObject';

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
  /**
   * Asks the controllers to reconcile the instance or one of its objects now
   * (`POST .../reconcile`; needs `platform-mesh.reconcile` on the instance's entity and a
   * configured reconcile credential for the target, else the backend answers 403 and says why).
   */
  reconcile(ref: InstanceRef, request: ReconcileRequest): Promise<ReconcileResult>;
  /**
   * One object of the instance as the backend's cache holds it (`GET .../objects/...`, without
   * `metadata.managedFields`). Secrets are never served.
   */
  getObject(ref: InstanceRef, object: InstanceObjectRef): Promise<InstanceObject>;
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
