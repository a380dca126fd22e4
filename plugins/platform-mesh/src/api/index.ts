export { platformMeshApiRef } from './PlatformMeshApi';
export type { PlatformMeshApi, OperatorLogs } from './PlatformMeshApi';
export { PlatformMeshClient } from './PlatformMeshClient';
export {
  isRequestableObject,
  type InstanceObject,
  type InstanceObjectRef,
} from './instanceObject';
