export {
  createPlatformMeshApplyAction,
  type PlatformMeshApplyActionOptions,
} from './apply';
export {
  createPlatformMeshRenderAction,
  type PlatformMeshRenderActionOptions,
} from './render';
