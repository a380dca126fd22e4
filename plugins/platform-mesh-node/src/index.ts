/**
 * Node library of Platform Mesh for Backstage: the cluster registry read from config, the one
 * Kubernetes client factory, discovery, and the apply engine, shared by the Platform Mesh backend
 * plugin and scaffolder module through `platformMeshClustersServiceRef`.
 *
 * @packageDocumentation
 */

// Service and extension point: how plugins and adopters use this package.
export { platformMeshClustersServiceRef } from './service/platformMeshClustersServiceRef';
export type { PlatformMeshClustersService } from './service/types';
export { toTargetSummary } from './service/types';
export {
  DefaultPlatformMeshClustersService,
  type DefaultPlatformMeshClustersServiceOptions,
} from './service/DefaultPlatformMeshClustersService';
export {
  platformMeshCredentialsExtensionPoint,
  platformMeshScaffolderCredentialsExtensionPoint,
  type PlatformMeshCredentialsExtensionPoint,
} from './extensions';

// Configuration: reading and validating `platformMesh`.
export type {
  PlatformMeshClusterDetails,
  PlatformMeshConfig,
  PlatformMeshTarget,
  SecretKeyRef,
  TargetSecretNames,
} from './config/types';
export type { ClusterRegistry } from './config/ClusterRegistry';
export { readClusterRegistry } from './config/readClusterRegistry';
export { readTargets } from './config/readTargets';
export { readPlatformMeshConfig } from './config/readPlatformMeshConfig';
export { PlatformMeshConfigError } from './config/PlatformMeshConfigError';

// Credentials.
export type {
  KubernetesCredential,
  PlatformMeshCredentialProvider,
} from './credentials/types';
export { ServiceAccountCredentialProvider } from './credentials/ServiceAccountCredentialProvider';
export { DispatchCredentialProvider } from './credentials/DispatchCredentialProvider';
export { MissingCredentialProviderError } from './credentials/MissingCredentialProviderError';
export { createCredentialsCollector } from './credentials/createCredentialsCollector';

// Retry timing of lists and watches.
export {
  jittered,
  jitteredBackoffMs,
  type BackoffBounds,
} from './retry/backoff';

// Cluster client and its typed errors.
export type {
  AccessReviewResult,
  ClusterClient,
  ClusterRequest,
  ClusterStreamResponse,
  CreatableObject,
  CreateOptions,
  KubernetesList,
  KubernetesStatus,
  ListOptions,
  ObjectRef,
  PodLogOptions,
  ResourceAccessAttributes,
  ResourceTypeRef,
  ServerSideApplyOptions,
} from './client/types';
export {
  ClusterRequestError,
  isClusterRequestError,
  toClusterError,
} from './client/ClusterRequestError';

export {
  listPages,
  DEFAULT_PAGE_LIMIT,
  DEFAULT_MAX_LIST_RESTARTS,
  type ListPagesOptions,
  type ListPagesResult,
} from './client/listPages';

export {
  parseApiVersion,
  resourceName,
  resourcePath,
  type PathResource,
} from './client/resourcePath';

// Discovery.
export type {
  ResolvedResource,
  ResolveOptions,
  ResourceDiscovery,
} from './discovery/types';

// Apply engine.
export type {
  ApplyAction,
  ApplyConflict,
  ApplyEngine,
  ApplyFailure,
  ApplyInvalid,
  ApplyItem,
  ApplyObjectError,
  ApplyObjectResult,
  ApplyOptions,
  ApplyResult,
  ApplyWriteOptions,
  DeferredObject,
  DryRunObjectResult,
  DryRunOptions,
  DryRunResult,
  FieldConflict,
  PlanResult,
  PlanStep,
} from './apply/types';
export {
  DefaultApplyEngine,
  type DefaultApplyEngineOptions,
} from './apply/DefaultApplyEngine';
export { describeObject } from './apply/describeObject';
export { diffObjects, formatDiff, type DiffEntry } from './apply/diffObjects';

// Decommission: take stock of an instance, then delete in order (platform-mesh:delete).
export * from './delete';
