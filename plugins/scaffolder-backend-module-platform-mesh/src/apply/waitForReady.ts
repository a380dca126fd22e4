import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  PLATFORM_MESH_GVK,
  type Application,
  type ConditionStatus,
  type DeploymentTechnology,
  type HelmRelease,
  type PlatformMesh,
  type ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  applicationHealth,
  conditionPipeline,
  describeApplication,
  describeHelmRelease,
  firstBlockingStep,
  helmReleaseHealth,
  OPERATOR_CREATED_LABEL,
  platformMeshHealth,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isClusterRequestError,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** Options of {@link waitForReady}. */
interface WaitForReadyOptions {
  runtime: ClusterClient;
  infra: ClusterClient;
  instance: { name: string; namespace: string };
  deploymentTechnology: DeploymentTechnology;
  timeoutMs: number;
  pollMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
  now?: () => number;
}

/** The wait ended because the instance cannot become Ready, or the time ran out. */
class WaitForReadyError extends Error {
  readonly reason: 'failed' | 'timeout' | 'aborted';

  constructor(reason: 'failed' | 'timeout' | 'aborted', message: string) {
    super(message);
    this.name = 'WaitForReadyError';
    this.reason = reason;
  }
}

function describeStep(step: ConditionStatus): string {
  const state = step.reason ? `${step.status}/${step.reason}` : step.status;
  return `${step.step} ${state}${step.message ? `: ${step.message}` : ''}${
    step.stale
      ? ' (left from an earlier generation: the operator has not got this far for the current spec)'
      : ''
  }`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

interface Observation {
  /** One line describing where the instance is; logged when it changes. */
  line: string;
  ready: boolean;
  /** A terminal failure: the message to fail with. */
  terminal?: string;
  /** The step it is stuck at, for the timeout message. */
  blocking?: string;
}

function observePlatformMesh(pm: PlatformMesh, ref: string): Observation {
  const health = platformMeshHealth(pm);
  const pipeline = conditionPipeline(pm);
  const blocking = firstBlockingStep(pipeline);
  const generation = pm.metadata.generation;
  if (health === 'healthy') {
    return { line: `PlatformMesh ${ref} is Ready`, ready: true };
  }
  if (health === 'failed') {
    const failed =
      pipeline.find(
        c => !c.stale && c.health === 'failed' && c.step !== 'Ready',
      ) ?? pipeline.find(c => !c.stale && c.health === 'failed');
    const text = failed ? describeStep(failed) : 'a condition has reason Error';
    return {
      line: `PlatformMesh ${ref} failed: ${text}`,
      ready: false,
      terminal: `PlatformMesh ${ref} failed: ${text}`,
      blocking: text,
    };
  }
  const present = pipeline.filter(c => c.status !== 'Missing');
  if (present.length === 0 || present.every(c => c.stale)) {
    const text = `waiting for the operator to reconcile generation ${
      generation ?? '?'
    } (no current conditions yet)`;
    return {
      line: `PlatformMesh ${ref}: ${text}`,
      ready: false,
      blocking: text,
    };
  }
  const text = blocking
    ? describeStep(blocking)
    : 'progressing (Ready is not True yet)';
  return { line: `PlatformMesh ${ref}: ${text}`, ready: false, blocking: text };
}

function releaseLine(kind: string, releases: ReleaseStatus[]): string {
  const ready = releases.filter(r => r.health === 'healthy').length;
  return `${kind}s on the infra cluster: ${ready}/${releases.length} ready`;
}

/**
 * Polls the PlatformMesh on the runtime cluster (and the operator's HelmReleases or Argo CD
 * Applications on the infra cluster) until it is Ready. Logs a line when the state changes (a step
 * transition, a release count), not on every poll. Fails fast with the message when the instance
 * cannot get there: a current condition with reason `Error`, a `Stalled=True` HelmRelease or a
 * failed Application. Fails after the timeout with the step it stopped at.
 *
 * @param options - clients, instance, timing and logger
 */
export async function waitForReady(
  options: WaitForReadyOptions,
): Promise<{ elapsedMs: number }> {
  const { runtime, infra, instance, logger, signal } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const deadline = started + options.timeoutMs;
  const ref = `${instance.namespace}/${instance.name}`;
  const releasesKind =
    options.deploymentTechnology === 'argocd' ? 'Application' : 'HelmRelease';
  let readReleases = true;
  let lastLine: string | undefined;
  let lastReleasesLine: string | undefined;
  let lastError: string | undefined;
  let blocking = 'no answer from the runtime cluster yet';

  logger.info(
    `Waiting up to ${Math.round(
      options.timeoutMs / 1000,
    )}s for PlatformMesh ${ref} to become Ready`,
  );
  for (;;) {
    if (signal?.aborted) {
      throw new WaitForReadyError(
        'aborted',
        `Stopped waiting for PlatformMesh ${ref}: the task was cancelled`,
      );
    }
    try {
      const pm = await runtime.get<PlatformMesh>(
        {
          group: PLATFORM_MESH_GVK.group,
          version: PLATFORM_MESH_GVK.version,
          kind: PLATFORM_MESH_GVK.kind,
          namespace: instance.namespace,
          name: instance.name,
        },
        { signal },
      );
      lastError = undefined;
      const observation = observePlatformMesh(pm, ref);
      blocking = observation.blocking ?? blocking;
      if (observation.line !== lastLine) {
        logger.info(observation.line);
        lastLine = observation.line;
      }
      if (observation.terminal) {
        throw new WaitForReadyError('failed', observation.terminal);
      }
      if (observation.ready) return { elapsedMs: now() - started };
    } catch (error) {
      if (error instanceof WaitForReadyError) throw error;
      const text = isClusterRequestError(error)
        ? `${error.clusterError.type}: ${error.clusterError.message}`
        : (error as Error).name;
      if (text !== lastError) {
        logger.warn(`Cannot read PlatformMesh ${ref} (${text}); retrying`);
        lastError = text;
      }
      blocking = `the runtime cluster did not answer (${text})`;
    }

    if (readReleases) {
      try {
        const list = await infra.list<HelmRelease | Application>(
          options.deploymentTechnology === 'argocd'
            ? { group: 'argoproj.io', kind: 'Application' }
            : { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
          {
            namespace: instance.namespace,
            labelSelector: `${OPERATOR_CREATED_LABEL}=true`,
            signal,
          },
        );
        const releases = list.items.map(item =>
          releasesKind === 'Application'
            ? describeApplication(item as Application)
            : describeHelmRelease(item as HelmRelease),
        );
        const failed = list.items.find(item =>
          releasesKind === 'Application'
            ? applicationHealth(item as Application) === 'failed'
            : helmReleaseHealth(item as HelmRelease) === 'failed',
        );
        if (failed) {
          const status = releases[list.items.indexOf(failed)];
          throw new WaitForReadyError(
            'failed',
            `${releasesKind} ${status.namespace}/${
              status.name
            } on the infra cluster failed${
              status.reason ? ` (${status.reason})` : ''
            }: ${status.message ?? 'no message'}`,
          );
        }
        if (releases.length > 0) {
          const line = releaseLine(releasesKind, releases);
          if (line !== lastReleasesLine) {
            logger.info(line);
            lastReleasesLine = line;
          }
        }
      } catch (error) {
        if (error instanceof WaitForReadyError) throw error;
        if (
          isClusterRequestError(error) &&
          ['forbidden', 'crd-missing'].includes(error.clusterError.type)
        ) {
          logger.warn(
            `Cannot list ${releasesKind}s on the infra cluster (${error.clusterError.type}); waiting on the PlatformMesh conditions only`,
          );
          readReleases = false;
        }
      }
    }

    const remaining = deadline - now();
    if (remaining <= 0) {
      throw new WaitForReadyError(
        'timeout',
        `Timed out after ${Math.round(
          options.timeoutMs / 1000,
        )}s waiting for PlatformMesh ${ref} to become Ready; it stopped at ${blocking}`,
      );
    }
    await sleep(Math.min(options.pollMs, remaining), signal);
  }
}
