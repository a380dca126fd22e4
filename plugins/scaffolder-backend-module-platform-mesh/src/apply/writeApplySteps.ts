import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { carriesTokens, mintTokens, planWithTokens } from './applyCredentials';
import type { TokenOutcome } from './applyCredentials';
import {
  STEP_TITLES,
  type ApplyPlanItem,
  type ApplyStepKey,
} from './applyPlan';
import { toOutcome, type ObjectOutcome } from './applyOutputs';
import type { ApplyRun } from './applyRun';
import { applyFailedError, dryRunFailedError } from './errors';

const STEPS: ApplyStepKey[] = ['prepare', 'credentials', 'profile', 'instance'];

// A type, not an interface: checkpoint values must be JSON objects.
type StepOutcome = {
  objects: ObjectOutcome[];
  tokens?: TokenOutcome[];
};

/** Where the writes keep their checkpoints: the action context. */
export type ApplyCheckpoints = Pick<ActionContext<any, any>, 'checkpoint'>;

/** Writes one step; the credentials step first mints the tokens its Secrets carry. */
async function writeStep(
  run: ApplyRun,
  step: ApplyStepKey,
  stepItems: ApplyPlanItem[],
): Promise<StepOutcome> {
  let items = stepItems;
  let tokens: TokenOutcome[] | undefined;
  if (step === 'credentials' && carriesTokens(run)) {
    const minted = await mintTokens(run);
    tokens = minted.outcomes;
    items = planWithTokens(run, minted.tokens).items.filter(
      i => i.step === 'credentials',
    );
  }
  const result = await run.clusters.applyEngine.apply(
    items.map(i => ({ cluster: i.cluster, object: i.object })),
    { force: run.options.force, signal: run.signal },
  );
  if (!result.ok) {
    if (!result.dryRun.ok) {
      throw dryRunFailedError(result.dryRun.failures, run.roleOf);
    }
    throw applyFailedError(
      STEP_TITLES[step],
      result.failure!,
      result.applied.map(run.describe),
      result.notApplied.map(run.describe),
      run.roleOf,
    );
  }
  return {
    objects: result.applied.map(o => toOutcome(run, o)),
    ...(tokens ? { tokens } : {}),
  };
}

/**
 * The write phase: the plan's steps in order, one checkpoint per step, so a retried task skips
 * the finished steps. Logs every object applied.
 *
 * @param run - the apply
 * @param ctx - the action context, for its checkpoints
 * @returns the objects written and the tokens in the Secrets
 * @throws when a step fails, naming what was and was not written
 * @internal
 */
export async function writeApplySteps(
  run: ApplyRun,
  ctx: ApplyCheckpoints,
): Promise<{ objects: ObjectOutcome[]; tokens?: TokenOutcome[] }> {
  const objects: ObjectOutcome[] = [];
  let tokens: TokenOutcome[] | undefined;
  for (const step of STEPS) {
    const stepItems = run.plan.items.filter(i => i.step === step);
    if (stepItems.length === 0) continue;
    const outcome = await ctx.checkpoint<StepOutcome>({
      key: `platform-mesh.apply.${run.annotation}.${step}`,
      fn: () => writeStep(run, step, stepItems),
    });
    for (const o of outcome.objects) {
      run.logger.info(`Applied ${run.describe(o)}: ${o.action}`);
    }
    objects.push(...outcome.objects);
    tokens = outcome.tokens ?? tokens;
  }
  return { objects, tokens };
}
