export {
  buildInstanceStatus,
  compareByHealthThenName,
} from './buildInstanceStatus';
export { secretStatuses } from './secretStatuses';
export { summarizeInstance, summarizeStatus } from './summarizeInstance';
export {
  instanceDeletion,
  countFinalizers,
  formatFinalizers,
} from './instanceDeletion';
export { kcpWorkspaceStatuses } from './kcpWorkspaces';
export { ocmResourceStatuses } from './ocmResourceStatuses';
export { ocmResourceHealth, describeOcmResource } from '../health/ocmResource';
export {
  instanceObjectRefs,
  findInstanceObject,
  type InstanceObjectRef,
} from './instanceObjects';
export {
  reconcileAnnotations,
  RECONCILE_KINDS,
  FLUX_RECONCILE_REQUESTED_AT,
  FLUX_FORCE_AT,
  FLUX_RESET_AT,
  ARGOCD_REFRESH,
  PLATFORM_MESH_RECONCILE_REQUESTED_AT,
} from './reconcileAnnotations';
