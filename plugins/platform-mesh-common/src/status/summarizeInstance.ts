import { formatInstanceRef } from '../annotation';
import type { DiagnosticOptions } from '../diagnostics';
import type { InstanceSnapshot } from '../snapshot';
import type { InstanceStatus, InstanceSummary } from '../types/status';
import { buildInstanceStatus } from './buildInstanceStatus';

/**
 * The one-line summary of an instance for instance lists: its ref, overall health (the same as
 * {@link buildInstanceStatus} computes), the status of its Ready condition (`Missing` when it has
 * none or was not found) and its annotation value.
 *
 * @param snapshot - what was read from the three clusters
 * @param options - tuning of the diagnostics
 */
export function summarizeInstance(
  snapshot: InstanceSnapshot,
  options?: DiagnosticOptions,
): InstanceSummary {
  return summarizeStatus(buildInstanceStatus(snapshot, options));
}

/**
 * The one-line summary of an instance from its already built status (see
 * `summarizeInstance`).
 *
 * @param status - the instance's status
 * @alpha
 */
export function summarizeStatus(status: InstanceStatus): InstanceSummary {
  const { target, namespace, name } = status.instance;
  const ready = status.conditions.find(c => c.step === 'Ready');
  return {
    target,
    namespace,
    name,
    overall: status.instance.overall,
    ready: ready?.status ?? 'Missing',
    annotation: formatInstanceRef({ target, namespace, name }),
  };
}
