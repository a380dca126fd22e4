export {
  useInstanceStatus,
  DEFAULT_REFRESH_INTERVAL_MS,
  type InstanceStatusState,
} from './useInstanceStatus';
export { useOperatorLogs, type OperatorLogsState } from './useOperatorLogs';
