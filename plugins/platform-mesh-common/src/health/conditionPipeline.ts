import type { Condition } from '../types/kubernetes';
import { getConditions } from './conditions';
import type { PlatformMesh } from '../types/platformMesh';
import type { ConditionStatus, Health, PipelineStep } from '../types/status';
import { firstBlockingStep } from './firstBlockingStep';
import {
  isAwaitingFirstReconcile,
  leftoverConditions,
} from './leftoverConditions';

/**
 * The PlatformMesh controller's steps in the order its subroutines run, followed by the aggregate
 * `Ready` condition.
 */
const PIPELINE_STEPS: readonly PipelineStep[] = [
  'DeploymentSubroutine',
  'KcpsetupSubroutine',
  'ProvidersecretSubroutine',
  'FeatureToggleSubroutine',
  'WaitSubroutine',
  'Ready',
];

/**
 * Suffix of the condition types written by operators older than April 2026 (golang-commons
 * lifecycle): `KcpsetupSubroutine_Ready` with reasons `Complete`, `Processing` or `Error`.
 */
const LEGACY_CONDITION_SUFFIX = '_Ready';

function matchesStep(type: string, step: PipelineStep): boolean {
  return (
    type === step ||
    (step !== 'Ready' && type === `${step}${LEGACY_CONDITION_SUFFIX}`)
  );
}

/**
 * When both forms are present (an operator upgraded across the rename leaves the old condition
 * behind), the one evaluated for the newer generation wins, then the newer transition, then the
 * current form.
 */
function newer(a: Condition, b: Condition): Condition {
  const genA = a.observedGeneration ?? -1;
  const genB = b.observedGeneration ?? -1;
  if (genA !== genB) return genA > genB ? a : b;
  const timeA = a.lastTransitionTime ?? '';
  const timeB = b.lastTransitionTime ?? '';
  if (timeA !== timeB) return timeA > timeB ? a : b;
  return a.type.endsWith(LEGACY_CONDITION_SUFFIX) ? b : a;
}

/**
 * Health of one PlatformMesh condition (both condition-name generations):
 * `True` (reasons `Complete`, `Skipped`) → `healthy`; reason `Error` → `failed`; every other
 * state (`False`/`Stopped`, `Unknown`/`Pending`, `Unknown`/`Unknown`, the older `Processing`) →
 * `progressing`; no condition → `unknown` (the subroutine may be switched off). This is the
 * condition on its own: {@link conditionPipeline} sets `unknown` for leftover and not-reached steps.
 *
 * @param condition - the condition, or undefined when the object has none for the step
 */
export function conditionStepHealth(condition: Condition | undefined): Health {
  if (!condition) return 'unknown';
  if (condition.status === 'True') return 'healthy';
  if (condition.reason === 'Error') return 'failed';
  return 'progressing';
}

function entryFor(
  step: PipelineStep,
  conditions: Condition[],
  generation: number | undefined,
): ConditionStatus {
  const condition = conditions
    .filter(c => matchesStep(c.type, step))
    .reduce<Condition | undefined>((a, b) => (a ? newer(a, b) : b), undefined);
  if (!condition) {
    return {
      step,
      type: step,
      status: 'Missing',
      stale: false,
      leftover: false,
      health: 'unknown',
    };
  }
  return {
    step,
    type: condition.type,
    status: condition.status,
    reason: condition.reason,
    message: condition.message || undefined,
    lastTransitionTime: condition.lastTransitionTime,
    observedGeneration: condition.observedGeneration,
    stale:
      typeof generation === 'number' &&
      typeof condition.observedGeneration === 'number' &&
      condition.observedGeneration < generation,
    leftover: false,
    health: conditionStepHealth(condition),
  };
}

/**
 * The PlatformMesh's conditions in pipeline order (`PIPELINE_STEPS`), one entry per step.
 * Both the current condition types (`KcpsetupSubroutine`) and the older `<Name>_Ready` types map
 * onto the same step. A step without a condition appears with status `Missing`.
 *
 * Each entry says whether the condition describes the current run:
 *
 * - `stale`: its `observedGeneration` is behind `metadata.generation`: the chain stopped before
 *   that step for the current spec, so the condition is from an earlier reconcile;
 * - `leftover`: left over from an earlier run with the same generation, decided from the current
 *   `Ready` condition (see `leftoverConditions`: under `Ready=True` every subroutine condition
 *   that is not `True`; under `Ready=False/Stopped` every `Error` and the older `Stopped` ones;
 *   under `Ready=False/Error` the older `Error` and `Stopped` ones; `Unknown`/`Unknown` ones
 *   before the live step). Health `unknown`;
 * - `notReached`: an `Unknown`/`Unknown` ("awaiting first reconciliation") subroutine condition
 *   after the blocking step ({@link firstBlockingStep}): the current run has not got there yet.
 *   Health `unknown`, not `progressing`.
 *
 * @param pm - the PlatformMesh
 * @alpha
 */
export function conditionPipeline(pm: PlatformMesh): ConditionStatus[] {
  const conditions = getConditions(pm);
  const generation = pm.metadata.generation;
  const entries = PIPELINE_STEPS.map(step =>
    entryFor(step, conditions, generation),
  );
  const leftovers = leftoverConditions(entries);
  const pipeline = entries.map(c =>
    leftovers.has(c) ? { ...c, leftover: true, health: 'unknown' as const } : c,
  );
  const blocking = firstBlockingStep(pipeline);
  const blockingIndex = blocking ? pipeline.indexOf(blocking) : -1;
  return pipeline.map((c, i) =>
    blockingIndex >= 0 &&
    i > blockingIndex &&
    c.step !== 'Ready' &&
    !c.leftover &&
    isAwaitingFirstReconcile(c)
      ? { ...c, notReached: true, health: 'unknown' as const }
      : c,
  );
}
