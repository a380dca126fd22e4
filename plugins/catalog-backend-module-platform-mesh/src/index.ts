/**
 * A catalog module that emits one `Resource` entity (type `platform-mesh-instance`) per
 * PlatformMesh of the configured targets, and one `kubernetes-cluster` Resource per cluster they
 * use, from the same clusters service and watches as the rest of Platform Mesh for Backstage.
 *
 * @packageDocumentation
 */
export { catalogModulePlatformMesh as default } from './module';
export { platformMeshCatalogCredentialsExtensionPoint } from './extensions';
export {
  PlatformMeshInstanceEntityProvider,
  type PlatformMeshInstanceEntityProviderOptions,
} from './providers/PlatformMeshInstanceEntityProvider';
export {
  PlatformMeshClusterEntityProvider,
  type PlatformMeshClusterEntityProviderOptions,
} from './providers/PlatformMeshClusterEntityProvider';
export {
  DEFAULT_PLATFORM_MESH_PROVIDER_SCHEDULE,
  readProviderSettings,
  type PlatformMeshProviderSettings,
} from './config/readProviderSettings';
