import type { TargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { ApplyEngine } from '../apply/types';
import type { ClusterClient } from '../client/types';
import type { PlatformMeshConfig, PlatformMeshTarget } from '../config/types';
import type { PlatformMeshCredentialsExtensionPoint } from '../extensions';

/**
 * The clusters and targets of Platform Mesh for Backstage: one instance per plugin, shared by
 * everything in that plugin (the backend plugin's cache, the scaffolder module's actions).
 *
 * @public
 */
export interface PlatformMeshClustersService
  extends PlatformMeshCredentialsExtensionPoint {
  /** The validated configuration (holds credentials: never log or return it). */
  readonly config: PlatformMeshConfig;
  /** Configured cluster names, in config order. */
  listClusterNames(): string[];
  /** Configured targets, in config order. */
  listTargets(): PlatformMeshTarget[];
  /** A target by name; throws `NotFoundError` when it is not configured. */
  getTarget(name: string): PlatformMeshTarget;
  /** The client of a configured cluster; throws `NotFoundError` for an unknown name. */
  getClient(cluster: string): ClusterClient;
  /** The apply engine over these clusters. */
  readonly applyEngine: ApplyEngine;
  /** Closes idle connections of every client (idempotent; also done at backend shutdown). */
  close(): void;
}

/**
 * Strips a target down to what may leave the backend: names only, no URLs or credentials.
 *
 * @public
 */
export function toTargetSummary(target: PlatformMeshTarget): TargetSummary {
  return {
    name: target.name,
    operatorCluster: target.operatorCluster,
    runtimeCluster: target.runtimeCluster,
    infraCluster: target.infraCluster,
    operatorIsInfra: target.operatorIsInfra,
    deploymentTechnology: target.deploymentTechnology,
    namespace: target.namespace,
  };
}
