export * from './types';
export { deleteObject } from './deleteObject';
export {
  readDecommissionInventory,
  type ReadDecommissionInventoryOptions,
} from './readDecommissionInventory';
export {
  runDecommission,
  DEFAULT_DECOMMISSION_POLL_MS,
  type RunDecommissionOptions,
} from './runDecommission';
