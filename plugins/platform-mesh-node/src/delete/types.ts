import type {
  ClusterError,
  ClusterRole,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  DecommissionInventory,
  DecommissionObjectRef,
  DecommissionStepId,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/**
 * A named object the apply writes and a decommission may remove: read by name (the applier may
 * not list Secrets), kept unless it carries this product's label and field manager.
 *
 * @public
 */
export interface DecommissionCandidate {
  /** The role of the cluster it lives on (the target says which cluster that is). */
  role: ClusterRole;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * A read that failed while taking stock of an instance: data, next to what the other clusters
 * returned.
 *
 * @public
 */
export interface DecommissionReadError {
  role: ClusterRole;
  cluster: string;
  /** What was read, e.g. `helmreleases.helm.toolkit.fluxcd.io` or `Secret ns/name`. */
  what: string;
  error: ClusterError;
}

/**
 * What {@link readDecommissionInventory} found.
 *
 * @public
 */
export interface DecommissionInventoryResult {
  inventory: DecommissionInventory;
  /** Reads that failed; a plan made despite them may be incomplete. */
  errors: DecommissionReadError[];
}

/**
 * Why a decommission run stopped before the end.
 *
 * - `dry-run-failed`: a `dryRun=All` DELETE was refused; nothing was written;
 * - `delete-failed`: a DELETE was refused; the steps before it are done;
 * - `finalizer`: the PlatformMesh is still there after the wait, held by the operator's finalizer;
 * - `timeout`: objects of a step are still there after the wait (e.g. helm-controller is still
 *   uninstalling); the later steps, and the kubeconfig Secrets Flux needs, were left in place.
 *
 * @public
 */
export type DecommissionFailureReason =
  | 'dry-run-failed'
  | 'delete-failed'
  | 'finalizer'
  | 'timeout';

/**
 * An object a decommission could not remove, and the typed error or what is left.
 *
 * @public
 */
export interface DecommissionObjectFailure extends DecommissionObjectRef {
  message: string;
  error?: ClusterError;
}

/**
 * The failure of a decommission run.
 *
 * @public
 */
export interface DecommissionFailure {
  reason: DecommissionFailureReason;
  step: DecommissionStepId;
  /** One sentence for the user: what is left and what to do. */
  message: string;
  objects: DecommissionObjectFailure[];
}

/**
 * The outcome of {@link runDecommission}.
 *
 * @public
 */
export interface DecommissionRunResult {
  /** Deleted (in a dry run: would be deleted), in order. */
  removed: DecommissionObjectRef[];
  /** Planned but already gone when deleted (NotFound is success). */
  alreadyGone: DecommissionObjectRef[];
  /** The PlatformMesh's finalizer was removed by request (`removeFinalizer`). */
  finalizerRemoved?: boolean;
  failure?: DecommissionFailure;
}
