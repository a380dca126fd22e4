export {
  createPlatformMeshApplyAction,
  type PlatformMeshApplyActionOptions,
} from './apply';
export {
  createPlatformMeshDescribeAction,
  type PlatformMeshDescribeActionOptions,
} from './describe';
export {
  createPlatformMeshRenderAction,
  type PlatformMeshRenderActionOptions,
} from './render';
export {
  createPlatformMeshDeleteAction,
  type PlatformMeshDeleteActionOptions,
} from './delete';
