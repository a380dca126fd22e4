export {
  buildInstanceStatus,
  compareByHealthThenName,
} from './buildInstanceStatus';
export { secretStatuses } from './secretStatuses';
export { summarizeInstance, summarizeStatus } from './summarizeInstance';
