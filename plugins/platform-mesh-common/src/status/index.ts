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
