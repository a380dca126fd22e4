/**
 * Scaffolder actions that render, dry-run and apply a remote Platform Mesh across its operator,
 * runtime and infra clusters: `platform-mesh:render` and `platform-mesh:apply`.
 *
 * @packageDocumentation
 */
export { scaffolderModulePlatformMesh as default } from './module';
export {
  createPlatformMeshApplyAction,
  createPlatformMeshRenderAction,
  type PlatformMeshApplyActionOptions,
  type PlatformMeshRenderActionOptions,
} from './actions';
export {
  GITOPS_RUNTIME_ROLE,
  OPERATOR_INFRA_ROLE,
  OPERATOR_RUNTIME_ROLE,
} from './credentials/serviceAccountRbac';
export {
  createPlatformMeshDeleteAction,
  type PlatformMeshDeleteActionOptions,
} from './actions';
