import type { InstanceSnapshot } from '../snapshot';
import type { Diagnostic, DiagnosticId } from '../types/status';

/**
 * Tuning of the diagnostics.
 *
 * @public
 */
export interface DiagnosticOptions {
  /**
   * How long the operator gets before an unreconciled PlatformMesh (`not-reconciled`) or a release
   * whose source does not exist yet (`source-missing`) is reported, in seconds. Default 120.
   */
  gracePeriodSeconds?: number;
}

/**
 * The default grace period of the diagnostics, in seconds.
 *
 * @public
 */
export const DEFAULT_DIAGNOSTIC_GRACE_SECONDS = 120;

/**
 * One diagnostic rule: a pure function from a snapshot to findings. A rule whose cluster (or
 * resource) could not be read returns nothing; the cluster error is shown instead.
 *
 * @public
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
