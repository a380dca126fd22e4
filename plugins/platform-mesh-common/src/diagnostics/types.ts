import type { InstanceSnapshot } from '../snapshot';
import type { Diagnostic, DiagnosticId } from '../types/status';

/**
 * Tuning of the diagnostics.
 *
 * @alpha
 */
export interface DiagnosticOptions {
  /**
   * How long the operator gets before an unreconciled PlatformMesh (`not-reconciled`) or a release
   * whose source does not exist yet (`source-missing`) is reported, in seconds. Default 120.
   */
  gracePeriodSeconds?: number;
  /**
   * How long a pipeline step may stay stopped (`False/Stopped`) before `pipeline-stopped` reports
   * it, in seconds. Default 900: the operator's HelmReleases have `timeout: 15m`, and its Wait
   * step may legitimately wait for them that long.
   */
  stoppedStepGraceSeconds?: number;
}

/**
 * The default grace period of the diagnostics, in seconds.
 *
 * @alpha
 */
export const DEFAULT_DIAGNOSTIC_GRACE_SECONDS = 120;

/**
 * The default time a pipeline step may stay stopped before it is reported, in seconds.
 */
export const DEFAULT_STOPPED_STEP_GRACE_SECONDS = 900;

/**
 * One diagnostic rule: a pure function from a snapshot to findings. A rule whose cluster (or
 * resource) could not be read returns nothing; the cluster error is shown instead.
 */
export interface DiagnosticRule {
  id: DiagnosticId;
  /**
   * Evaluates the rule.
   *
   * @param snapshot - what was read from the three clusters
   * @param options - tuning; defaults apply when omitted
   */
  evaluate(
    snapshot: InstanceSnapshot,
    options?: DiagnosticOptions,
  ): Diagnostic[];
}
