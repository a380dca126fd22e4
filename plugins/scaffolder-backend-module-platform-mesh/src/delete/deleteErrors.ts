import {
  ConflictError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  DecommissionFailure,
  DecommissionReadError,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The error a failed decommission ends the task with: `NotAllowedError` when every refusal is
 * `forbidden` (the applier lacks a `delete` verb: examples/rbac/applier.yaml),
 * `ServiceUnavailableError` for clusters that could not be reached, `ConflictError` otherwise
 * (a finalizer or an uninstall that did not finish, a refused deletion).
 *
 * @param failure - what stopped the run
 * @internal
 */
export function decommissionError(failure: DecommissionFailure): Error {
  const types = failure.objects.map(o => o.error?.type).filter(Boolean);
  if (types.length > 0 && types.every(t => t === 'forbidden')) {
    return new NotAllowedError(failure.message);
  }
  if (
    types.length > 0 &&
    types.every(t => t === 'unreachable' || t === 'timeout')
  ) {
    return new ServiceUnavailableError(failure.message);
  }
  return new ConflictError(failure.message);
}

/**
 * The error when the clusters could not all be read: nothing is deleted from an incomplete
 * picture (a kubeconfig Secret could be removed while a release still needs it).
 *
 * @param errors - the failed reads, per cluster
 * @internal
 */
export function inventoryError(errors: DecommissionReadError[]): Error {
  const listed = errors
    .map(
      e =>
        `${e.role} cluster "${e.cluster}": ${e.what}: ${e.error.type}: ${e.error.message}`,
    )
    .join('; ');
  const message = `Could not take stock of the instance on every cluster, so nothing was deleted: ${listed}`;
  return errors.every(e => e.error.type === 'forbidden')
    ? new NotAllowedError(message)
    : new ServiceUnavailableError(message);
}
