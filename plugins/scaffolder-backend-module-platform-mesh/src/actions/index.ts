export {
  createPlatformMeshApplyAction,
  type PlatformMeshApplyActionOptions,
} from './apply';
export { createPlatformMeshDescribeAction } from './describe';
export {
  createPlatformMeshRenderAction,
  type PlatformMeshRenderActionOptions,
} from './render';
export {
  createPlatformMeshDeleteAction,
  type PlatformMeshDeleteActionOptions,
} from './delete';
