import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { describeObject } from '@platform-mesh-backstage/plugin-platform-mesh-node';
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

const STEPS: ApplyStepKey[] = [
  'namespaces',
  'prepare',
  'credentials',
  'profile',
  'instance',
];

// A type, not an interface: checkpoint values must be JSON objects.
type StepOutcome = {
  objects: ObjectOutcome[];
  tokens?: TokenOutcome[];
};

/** Where the writes keep their checkpoints: the action context. */
type ApplyCheckpoints = Pick<ActionContext<any, any>, 'checkpoint'>;

/** Writes one step, reusing the run's dry run; the credentials step first mints its tokens. */
async function writeStep(
  run: ApplyRun,
  step: ApplyStepKey,
  stepItems: ApplyPlanItem[],
  writtenBefore: ObjectOutcome[],
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
    { force: run.options.force, signal: run.signal, verified: run.verified },
  );
  if (!result.ok) {
    const written = [
      ...writtenBefore,
      ...result.applied.map(o => toOutcome(run, o)),
    ];
    if (!result.dryRun.ok) {
      throw dryRunFailedError(result.dryRun.failures, run.roleOf, written);
    }
    throw applyFailedError(
      STEP_TITLES[step],
      result.failure!,
      written.map(run.describe),
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
 * After the Namespaces of a first install: dry-runs the objects that waited for them, on every
 * cluster, before any other write. Keeps the outcome on the run for the later steps.
 *
 * @throws naming every failure and exactly what was written (the Namespaces)
 */
async function checkDeferred(
  run: ApplyRun,
  written: ObjectOutcome[],
): Promise<void> {
  const verified = run.verified;
  if (!verified || verified.deferred.length === 0) return;
  const waiting = run.plan.items.filter(i =>
    verified.deferred.some(
      d => d.cluster === i.cluster && d.object === describeObject(i.object),
    ),
  );
  const dryRun = await run.clusters.applyEngine.dryRun(
    waiting.map(i => ({ cluster: i.cluster, object: i.object })),
    { force: run.options.force, signal: run.signal, diff: false },
  );
  if (!dryRun.ok) {
    throw dryRunFailedError(dryRun.failures, run.roleOf, written);
  }
  const checked = new Map(
    dryRun.results.map(r => [`${r.cluster}|${r.object}`, r]),
  );
  run.verified = {
    ok: true,
    results: verified.results.map(
      r => checked.get(`${r.cluster}|${r.object}`) ?? r,
    ),
    failures: [],
    deferred: dryRun.deferred,
  };
  run.logger.info(
    `Dry run of the ${waiting.length} object(s) in the new namespace(s) passed on every cluster`,
  );
}

/**
 * The write phase: the plan's steps in order, one checkpoint per step, so a retried task skips
 * the finished steps. The Namespaces come first; on a first install the objects in them are
 * dry-run right after, before anything else is written. Logs every object applied.
 *
 * @param run - the apply, with its dry run
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
    if (stepItems.length > 0) {
      const outcome = await ctx.checkpoint<StepOutcome>({
        key: `platform-mesh.apply.${run.annotation}.${step}`,
        fn: () => writeStep(run, step, stepItems, objects),
      });
      for (const o of outcome.objects) {
        run.logger.info(
          step === 'namespaces' && o.action === 'created'
            ? `Created namespace ${o.object.replace(/^Namespace /, '')} on ${
                o.role
              } cluster "${o.cluster}"`
            : `Applied ${run.describe(o)}: ${o.action}`,
        );
      }
      objects.push(...outcome.objects);
      tokens = outcome.tokens ?? tokens;
    }
    if (step === 'namespaces') await checkDeferred(run, objects);
  }
  return { objects, tokens };
}
