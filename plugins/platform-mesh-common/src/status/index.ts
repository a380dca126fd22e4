export {
  buildInstanceStatus,
  compareByHealthThenName,
} from './buildInstanceStatus';
export { secretStatuses } from './secretStatuses';
export { summarizeInstance } from './summarizeInstance';
