import type { ConditionStatus } from '../types/status';

/** `Unknown`/`Unknown`: the conditions manager's "awaiting first reconciliation for X". */
export function isAwaitingFirstReconcile(c: ConditionStatus): boolean {
  return c.status === 'Unknown' && c.reason === 'Unknown';
}

function time(c: ConditionStatus): number {
  const t = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * The subroutine condition the current run wrote for `reason` (`Stopped` or `Error`): among the
 * current ones with that reason, the one with the newest lastTransitionTime; on a tie the first in
 * pipeline order (the chain stops at the first stop or error it meets).
 */
function liveCondition(
  subroutines: ConditionStatus[],
  reason: string,
): ConditionStatus | undefined {
  return subroutines
    .filter(c => !c.stale && c.reason === reason)
    .reduce<ConditionStatus | undefined>(
      (best, c) => (!best || time(c) > time(best) ? c : best),
      undefined,
    );
}

/**
 * Which subroutine conditions of a pipeline (in `PIPELINE_STEPS` order) are left over from
 * an earlier run although they may carry the current observedGeneration. The subroutines lifecycle
 * sets only the conditions of the subroutines a run reaches and then the aggregate `Ready`, so the
 * current `Ready` condition (not stale) tells what the last run did:
 *
 * - `Ready=True` ("all subroutines completed successfully"): every subroutine condition that is
 *   not `True` is a leftover (e.g. a switched-off KcpsetupSubroutine's old `False/Error`);
 * - `Ready=False/Stopped` (the run had no error): every `Error` condition is a leftover; the
 *   `Stopped` condition with the newest lastTransitionTime is the live one, older `Stopped` ones
 *   are leftovers;
 * - `Ready=False/Error`: the newest `Error` condition is the live one, older `Error` ones and
 *   `Stopped` ones older than it are leftovers;
 * - with a live condition, `Unknown`/`Unknown` ("awaiting first reconciliation") conditions
 *   before it in pipeline order are leftovers too: the run went past them, so their subroutines
 *   are switched off.
 *
 * Without a current `Ready` condition nothing is marked. Generation-stale conditions may be marked
 * as well; `stale` says that independently.
 *
 * @param pipeline - the pipeline entries, `Ready` last
 * @returns the entries that are leftovers
 */
export function leftoverConditions(
  pipeline: ConditionStatus[],
): Set<ConditionStatus> {
  const ready = pipeline.find(c => c.step === 'Ready');
  const subroutines = pipeline.filter(
    c => c.step !== 'Ready' && c.status !== 'Missing',
  );
  if (!ready || ready.status === 'Missing' || ready.stale) return new Set();
  if (ready.status === 'True') {
    return new Set(subroutines.filter(c => c.status !== 'True'));
  }
  if (
    ready.status !== 'False' ||
    (ready.reason !== 'Stopped' && ready.reason !== 'Error')
  ) {
    return new Set();
  }
  const runReason = ready.reason;
  const live = liveCondition(subroutines, runReason);
  const liveIndex = live ? pipeline.indexOf(live) : -1;
  return new Set(
    subroutines.filter(c => {
      if (c === live) return false;
      if (runReason === 'Stopped' && c.reason === 'Error') return true;
      if (!live) return false;
      if (c.reason === runReason) return true;
      if (c.reason === 'Stopped') return time(c) < time(live);
      return isAwaitingFirstReconcile(c) && pipeline.indexOf(c) < liveIndex;
    }),
  );
}
