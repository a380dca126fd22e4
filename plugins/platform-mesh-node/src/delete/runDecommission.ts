import { setTimeout as delay } from 'node:timers/promises';
import {
  PLATFORM_MESH_FINALIZER,
  type DecommissionObjectRef,
  type DecommissionPlan,
  type DecommissionStep,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { toClusterError } from '../client/ClusterRequestError';
import { resourceName, resourcePath } from '../client/resourcePath';
import type { ClusterClient } from '../client/types';
import { deleteObject } from './deleteObject';
import type {
  DecommissionFailure,
  DecommissionObjectFailure,
  DecommissionRunResult,
} from './types';

/** Default of {@link RunDecommissionOptions.pollIntervalMs}. @public */
export const DEFAULT_DECOMMISSION_POLL_MS = 2000;

/**
 * Options of {@link runDecommission}.
 *
 * @public
 */
export interface RunDecommissionOptions {
  /** The client of a configured cluster. */
  getClient(cluster: string): ClusterClient;
  plan: DecommissionPlan;
  /** Only the dry run: nothing is written; `removed` lists what would be. */
  dryRun?: boolean;
  /** How long each step waits for its objects to be gone (finalizers). */
  waitTimeoutMs: number;
  /** How often a step checks whether its objects are gone. */
  pollIntervalMs?: number;
  /**
   * When the operator has not removed its finalizer from the PlatformMesh within the wait,
   * remove it (and only it). Off by default: the run stops and says so.
   */
  removeFinalizer?: boolean;
  /** Progress lines for the task log (names only). */
  log?: (message: string) => void;
  signal?: AbortSignal;
}

const describe = (o: DecommissionObjectRef) =>
  `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} on cluster "${
    o.cluster
  }"`;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}

/**
 * Runs a decommission plan: first a `dryRun=All` DELETE of every planned object on every cluster
 * (any refusal stops the run before the first write and names each refused object and cluster),
 * then step by step: delete the step's objects, wait until they are gone (finalizers: the
 * operator's on the PlatformMesh, helm-controller's uninstall on HelmReleases) and only then go
 * on, so the kubeconfig Secrets Flux needs to uninstall from the runtime cluster are removed last.
 * NotFound counts as removed (`alreadyGone`): a second run finds nothing and succeeds. Failures
 * are returned as data in `failure`, with the typed cluster errors.
 *
 * @param options - the clients, the plan, dry run, waits and finalizer handling
 * @public
 */
export async function runDecommission(
  options: RunDecommissionOptions,
): Promise<DecommissionRunResult> {
  const { plan, signal } = options;
  const log = options.log ?? (() => {});
  const result: DecommissionRunResult = { removed: [], alreadyGone: [] };
  const planned = plan.steps.flatMap(s => s.objects.map(o => ({ step: s, o })));

  const dryRunFailures: Array<{
    step: DecommissionStep;
    f: DecommissionObjectFailure;
  }> = [];
  const dryRunResults = await Promise.all(
    planned.map(async ({ step, o }) => {
      try {
        return await deleteObject(options.getClient(o.cluster), o, {
          dryRun: true,
          signal,
        });
      } catch (error) {
        const clusterError = toClusterError(error);
        dryRunFailures.push({
          step,
          f: {
            ...o,
            message: `${describe(o)}: ${clusterError.message}`,
            error: clusterError,
          },
        });
        return undefined;
      }
    }),
  );
  if (dryRunFailures.length > 0) {
    result.failure = {
      reason: 'dry-run-failed',
      step: dryRunFailures[0].step.id,
      message: `The dry run refused ${
        dryRunFailures.length
      } deletion(s), so nothing was deleted: ${dryRunFailures
        .map(d => d.f.message)
        .join('; ')}`,
      objects: dryRunFailures.map(d => d.f),
    };
    return result;
  }
  if (options.dryRun) {
    planned.forEach(({ o }, i) =>
      (dryRunResults[i] === 'not-found'
        ? result.alreadyGone
        : result.removed
      ).push(o),
    );
    return result;
  }

  for (const step of plan.steps) {
    if (step.objects.length === 0) continue;
    log(`Removing ${step.title}: ${step.objects.map(describe).join(', ')}`);
    const failures: DecommissionObjectFailure[] = [];
    const deleted: DecommissionObjectRef[] = [];
    for (const o of step.objects) {
      try {
        const outcome = await deleteObject(options.getClient(o.cluster), o, {
          signal,
        });
        (outcome === 'deleted' ? deleted : result.alreadyGone).push(o);
      } catch (error) {
        const clusterError = toClusterError(error);
        failures.push({
          ...o,
          message: `${describe(o)}: ${clusterError.message}`,
          error: clusterError,
        });
      }
    }
    if (failures.length > 0) {
      result.removed.push(...deleted);
      result.failure = {
        reason: 'delete-failed',
        step: step.id,
        message: `Could not delete ${failures
          .map(f => f.message)
          .join(
            '; ',
          )}. The later steps were not run; run the decommission again once this is fixed.`,
        objects: failures,
      };
      return result;
    }
    const failure = await waitUntilGone(options, step, deleted, result);
    result.removed.push(...deleted);
    if (failure) {
      result.failure = failure;
      return result;
    }
  }
  return result;
}

/** Waits until the step's deleted objects are gone; the failure when they are not in time. */
async function waitUntilGone(
  options: RunDecommissionOptions,
  step: DecommissionStep,
  deleted: DecommissionObjectRef[],
  result: DecommissionRunResult,
): Promise<DecommissionFailure | undefined> {
  const poll = options.pollIntervalMs ?? DEFAULT_DECOMMISSION_POLL_MS;
  const log = options.log ?? (() => {});
  let deadline = Date.now() + options.waitTimeoutMs;
  let left = deleted;
  let finalizerTried = false;
  for (;;) {
    const still = await Promise.all(
      left.map(async o => {
        try {
          const found = await options.getClient(o.cluster).tryGet(
            {
              apiVersion: o.apiVersion,
              kind: o.kind,
              namespace: o.namespace,
              name: o.name,
            },
            { signal: options.signal },
          );
          return found ? { o, found } : undefined;
        } catch (error) {
          // a failed check is not a failed delete: check again until the deadline
          return { o, found: undefined, error: toClusterError(error) };
        }
      }),
    );
    const remaining = still.filter((s): s is NonNullable<typeof s> => !!s);
    if (remaining.length === 0) return undefined;
    left = remaining.map(r => r.o);
    if (Date.now() >= deadline) {
      const pm = step.id === 'platform-mesh' ? remaining[0] : undefined;
      const finalizers = pm?.found?.metadata.finalizers ?? [];
      const held = finalizers.includes(PLATFORM_MESH_FINALIZER);
      if (pm?.found && held && options.removeFinalizer && !finalizerTried) {
        finalizerTried = true;
        log(
          `The operator did not remove its finalizer from ${describe(
            pm.o,
          )} in time; removing it as asked (removeFinalizer)`,
        );
        try {
          await removeFinalizer(
            options,
            pm.o,
            pm.found.metadata.resourceVersion,
            finalizers,
          );
          result.finalizerRemoved = true;
        } catch (error) {
          const clusterError = toClusterError(error);
          return {
            reason: 'finalizer',
            step: step.id,
            message: `Could not remove the finalizer ${PLATFORM_MESH_FINALIZER} from ${describe(
              pm.o,
            )}: ${clusterError.message}`,
            objects: [
              { ...pm.o, message: clusterError.message, error: clusterError },
            ],
          };
        }
        // the API server removes the object as soon as its last finalizer goes
        deadline = Date.now() + options.waitTimeoutMs;
        continue;
      }
      const seconds = Math.round(options.waitTimeoutMs / 1000);
      if (pm && held) {
        return {
          reason: 'finalizer',
          step: step.id,
          message: `${describe(
            pm.o,
          )} is still terminating after ${seconds} s: the operator has not removed its finalizer ${PLATFORM_MESH_FINALIZER} (its KcpsetupSubroutine and ProvidersecretSubroutine remove it; with them switched off it stays). Nothing else was deleted. Check the operator, or run again with removeFinalizer: true to remove the finalizer without the operator's cleanup.`,
          objects: [
            { ...pm.o, message: `finalizers: ${finalizers.join(', ')}` },
          ],
        };
      }
      return {
        reason: 'timeout',
        step: step.id,
        message: `Still there after ${seconds} s: ${remaining
          .map(r => `${describe(r.o)}${finalizersOf(r.found)}`)
          .join(
            '; ',
          )}. The later steps were not run (the kubeconfig Secrets stay, so that Flux can still uninstall from the runtime cluster); run the decommission again later or with a longer waitTimeoutSeconds.`,
        objects: remaining.map(r => ({
          ...r.o,
          message: r.error
            ? r.error.message
            : `still present${finalizersOf(r.found)}`,
          ...(r.error ? { error: r.error } : {}),
        })),
      };
    }
    await sleep(
      Math.min(poll, Math.max(0, deadline - Date.now())),
      options.signal,
    );
  }
}

function finalizersOf(
  found: { metadata: { finalizers?: string[] } } | undefined,
): string {
  const list = found?.metadata.finalizers ?? [];
  return list.length > 0 ? ` (finalizers: ${list.join(', ')})` : '';
}

/** Removes every copy of the operator's finalizer (it writes it twice), nothing else. */
async function removeFinalizer(
  options: RunDecommissionOptions,
  o: DecommissionObjectRef,
  resourceVersion: string | undefined,
  finalizers: string[],
): Promise<void> {
  const client = options.getClient(o.cluster);
  const resource = await client.discovery.resolve(
    { apiVersion: o.apiVersion, kind: o.kind },
    { signal: options.signal },
  );
  await client.requestJson({
    method: 'PATCH',
    path: resourcePath(resource, { namespace: o.namespace, name: o.name }),
    contentType: 'application/merge-patch+json',
    body: {
      metadata: {
        // fails with a conflict when someone changed the object since it was read
        resourceVersion,
        finalizers: finalizers.filter(f => f !== PLATFORM_MESH_FINALIZER),
      },
    },
    signal: options.signal,
    resource: resourceName(resource),
  });
}
