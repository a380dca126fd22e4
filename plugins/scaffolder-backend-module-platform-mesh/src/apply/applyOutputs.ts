import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { ApplyAction } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { entityOf, instanceOutputs } from '../actions/outputs';
import type { TokenOutcome } from './applyCredentials';
import type { ApplyRun } from './applyRun';
import type { ObjectRef } from './objectRoles';

/**
 * One object written (or, in a dry run, that would be) and what happened.
 * A type, not an interface: checkpoint values must be JSON objects.
 */
export type ObjectOutcome = {
  role: ClusterRole;
  cluster: string;
  object: string;
  action: ApplyAction;
};

/** Where the apply phases set the action outputs: the action context. */
interface ApplyOutputTarget {
  output(name: string, value: unknown): void;
}

/**
 * An apply engine result as an outcome, with the role of its cluster.
 *
 * @param run - the apply
 * @param result - the object and what happened to it
 * @internal
 */
export function toOutcome(
  run: ApplyRun,
  result: ObjectRef & { action: ApplyAction },
): ObjectOutcome {
  return {
    role: run.roleOf(result)[0],
    cluster: result.cluster,
    object: result.object,
    action: result.action,
  };
}

function summarize(objects: ObjectOutcome[]) {
  const summary = { created: 0, configured: 0, unchanged: 0 };
  for (const o of objects) summary[o.action]++;
  return summary;
}

function byCluster(objects: ObjectOutcome[]) {
  const result: Record<
    string,
    Array<{ role: ClusterRole; object: string; action: ApplyAction }>
  > = {};
  for (const { cluster, role, object, action } of objects) {
    (result[cluster] ??= []).push({ role, object, action });
  }
  return result;
}

function setOutputs(
  run: ApplyRun,
  ctx: ApplyOutputTarget,
  objects: ObjectOutcome[],
  tokens?: TokenOutcome[],
) {
  const summary = summarize(objects);
  for (const [name, value] of Object.entries(
    instanceOutputs(run.plan.render, entityOf(run.input)),
  )) {
    ctx.output(name, value);
  }
  ctx.output('appliedObjects', byCluster(objects));
  ctx.output('summary', summary);
  ctx.output(
    'requiredSecrets',
    run.plan.render.requiredSecrets.map(s => ({
      cluster: s.cluster,
      namespace: s.namespace,
      name: s.name,
      key: s.key,
    })),
  );
  if (tokens && tokens.length > 0) ctx.output('tokens', tokens);
  return summary;
}

/**
 * Ends a dry-run task: sets the outputs from what the dry run would do and logs the summary.
 *
 * @param run - the apply
 * @param ctx - the action context
 * @param results - what each object would do
 * @param started - when the task started (ms since the epoch)
 * @internal
 */
export function reportDryRun(
  run: ApplyRun,
  ctx: ApplyOutputTarget,
  results: Array<ObjectRef & { action: ApplyAction }>,
  started: number,
): void {
  const summary = setOutputs(
    run,
    ctx,
    results.map(r => toOutcome(run, r)),
  );
  ctx.output('dryRun', true);
  run.logger.info(
    `Dry run finished in ${Date.now() - started} ms: would create ${
      summary.created
    }, configure ${summary.configured}, leave ${
      summary.unchanged
    } unchanged; nothing was written`,
  );
}

/**
 * Ends the writes: sets the outputs, logs the summary and warns of every Secret the setup needs
 * that was not written.
 *
 * @param run - the apply
 * @param ctx - the action context
 * @param written - the objects written and the tokens in the Secrets
 * @param started - when the task started (ms since the epoch)
 * @internal
 */
export function reportApply(
  run: ApplyRun,
  ctx: ApplyOutputTarget,
  written: { objects: ObjectOutcome[]; tokens?: TokenOutcome[] },
  started: number,
): void {
  const { objects, tokens } = written;
  const summary = setOutputs(run, ctx, objects, tokens);
  ctx.output('dryRun', false);
  run.logger.info(
    `Applied ${objects.length} objects in ${Date.now() - started} ms: ${
      summary.created
    } created, ${summary.configured} configured, ${
      summary.unchanged
    } unchanged`,
  );
  for (const secret of run.plan.render.requiredSecrets) {
    run.logger.warn(
      `Not written: Secret ${secret.namespace}/${secret.name} on cluster "${secret.cluster}" (key ${secret.key}): ${secret.purpose}. Create it out of band.`,
    );
  }
}
