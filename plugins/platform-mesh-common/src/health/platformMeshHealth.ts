import type { PlatformMesh } from '../types/platformMesh';
import type { ConditionStatus, Health } from '../types/status';
import { conditionPipeline } from './conditionPipeline';

/**
 * Health of a PlatformMesh from its condition pipeline. Only conditions evaluated for the current
 * generation count; stale ones are left over from an earlier reconcile.
 *
 * - being deleted, no conditions, or only stale ones (the operator has not reconciled the current
 *   spec yet) → `progressing`, never `failed`;
 * - any current condition with reason `Error` → `failed`;
 * - every current condition `True` (and `Ready`, when present, current) → `healthy`;
 * - otherwise (`Stopped`, `Pending`, `Unknown`, the older `Processing`) → `progressing`.
 *
 * @param pm - the PlatformMesh
 * @public
 */
export function platformMeshHealth(pm: PlatformMesh): Health {
  if (pm.metadata.deletionTimestamp) return 'progressing';
  const pipeline = conditionPipeline(pm);
  const present = pipeline.filter(c => c.status !== 'Missing');
  const current = present.filter(c => !c.stale);
  if (current.length === 0) return 'progressing';
  if (current.some(c => c.health === 'failed')) return 'failed';
  const ready = present.find(c => c.step === 'Ready');
  if (current.every(c => c.status === 'True') && !ready?.stale) {
    return 'healthy';
  }
  return 'progressing';
}

/**
 * The step the pipeline is stuck at: the first present condition that is current and not healthy,
 * or stale with no current condition after it (the operator has not got that far for the current
 * spec). A stale condition followed by current ones belongs to a switched-off subroutine and does
 * not block. Returns undefined when nothing blocks.
 *
 * @param pipeline - the result of {@link conditionPipeline}
 * @public
 */
export function firstBlockingStep(
  pipeline: ConditionStatus[],
): ConditionStatus | undefined {
  return pipeline.find((c, i) => {
    if (c.status === 'Missing') return false;
    if (!c.stale) return c.health !== 'healthy';
    return !pipeline
      .slice(i + 1)
      .some(later => later.status !== 'Missing' && !later.stale);
  });
}
