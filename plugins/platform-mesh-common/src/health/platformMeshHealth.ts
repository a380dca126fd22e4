import type { PlatformMesh } from '../types/platformMesh';
import type { Health } from '../types/status';
import { conditionPipeline } from './conditionPipeline';

/**
 * Health of a PlatformMesh from its condition pipeline. Only conditions evaluated for the current
 * generation and the current run count: stale ones are from an earlier generation, leftover ones
 * from an earlier run of the chain (see `conditionPipeline`).
 *
 * - being deleted → `progressing` (the status answer shows the finalizers it waits for);
 * - no conditions, or only stale ones (the operator has not reconciled the current spec yet) →
 *   `progressing`, never `failed`;
 * - `Ready=True` for the current generation → `healthy`: the last run completed every subroutine
 *   (a point in time: the operator stops requeueing once Ready, so `overallHealth` still lets a
 *   release that breaks afterwards degrade the instance);
 * - any current, non-leftover condition with reason `Error` → `failed`;
 * - every current condition `True` (and `Ready`, when present, current) → `healthy`;
 * - otherwise (`Stopped`, `Pending`, `Unknown`, the older `Processing`) → `progressing`.
 *
 * @param pm - the PlatformMesh
 * @alpha
 */
export function platformMeshHealth(pm: PlatformMesh): Health {
  if (pm.metadata.deletionTimestamp) return 'progressing';
  const pipeline = conditionPipeline(pm);
  const present = pipeline.filter(c => c.status !== 'Missing');
  const ready = present.find(c => c.step === 'Ready');
  if (ready && !ready.stale && ready.status === 'True') return 'healthy';
  const current = present.filter(c => !c.stale && !c.leftover);
  if (current.length === 0) return 'progressing';
  if (current.some(c => c.health === 'failed')) return 'failed';
  if (current.every(c => c.status === 'True') && !ready?.stale) {
    return 'healthy';
  }
  return 'progressing';
}
