import type { ConditionStatus } from '../types/status';

/**
 * The step the pipeline is stuck at: the first present condition that is current (neither stale
 * nor a leftover) and not healthy, or stale with no current condition after it (the operator has
 * not got that far for the current spec). A stale condition followed by current ones belongs to a
 * switched-off subroutine and does not block; leftover and not-reached steps never block. Returns
 * undefined when nothing blocks.
 *
 * @param pipeline - the result of `conditionPipeline`
 * @alpha
 */
export function firstBlockingStep(
  pipeline: ConditionStatus[],
): ConditionStatus | undefined {
  const counts = (c: ConditionStatus) =>
    c.status !== 'Missing' && !c.leftover && !c.notReached;
  return pipeline.find((c, i) => {
    if (!counts(c)) return false;
    if (!c.stale) return c.health !== 'healthy';
    return !pipeline.slice(i + 1).some(later => counts(later) && !later.stale);
  });
}
