/**
 * The answer of the operator logs route (`GET /instances/:target/:namespace/:name/operator-logs`).
 * Part of the HTTP API contract (`design.md`).
 */
import type { ClusterError } from './status';

/**
 * Where the operator pods were looked for: the target's operator cluster, the operator's
 * namespace and the label selector (from `platformMesh.operatorLogs.labelSelector`).
 *
 * @public
 */
export interface OperatorLogsSource {
  /** The configured name of the operator cluster. */
  cluster: string;
  namespace: string;
  labelSelector: string;
}

/**
 * The recent log lines of one operator pod, or why they could not be read. A pod whose logs fail
 * carries a typed `error` next to the pods that worked.
 *
 * @public
 */
export interface OperatorPodLogs {
  name: string;
  /** The container whose log this is (absent when the pod lists no containers). */
  container?: string;
  lines: string[];
  /** The log was longer than the byte limit: only its end is shown. */
  truncated: boolean;
  /** Why this pod's log could not be read (never contains a credential). */
  error?: ClusterError;
}

/**
 * Recent log lines of the operator pods of a target. `pods` is empty when no pod matched
 * `source.labelSelector` in `source.namespace`.
 *
 * @public
 */
export interface OperatorLogs {
  source: OperatorLogsSource;
  pods: OperatorPodLogs[];
}
