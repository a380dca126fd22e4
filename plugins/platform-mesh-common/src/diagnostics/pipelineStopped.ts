import { conditionPipeline } from '../health/conditionPipeline';
import { firstBlockingStep } from '../health/firstBlockingStep';
import { canRead, instancePlatformMesh, SNAPSHOT_RESOURCES } from '../snapshot';
import type { Diagnostic } from '../types/status';
import { quoted } from './releaseText';
import { elapsedMs, minutes, onCluster } from './text';
import {
  DEFAULT_STOPPED_STEP_GRACE_SECONDS,
  type DiagnosticRule,
} from './types';

/** `resource ns/name of type HelmRelease is not ready yet`, `HelmRelease ns/name is not ready…` */
const WAITS_FOR_RELEASE =
  /(?:resource (\S+)\/(\S+) of type (HelmRelease|Application)|(HelmRelease|Application) (\S+)\/(\S+)) is not ready/;

function hintFor(message: string, namespace: string): string {
  const release = WAITS_FOR_RELEASE.exec(message);
  if (release) {
    const kind = release[3] ?? release[4];
    const ns = release[1] ?? release[5];
    const name = release[2] ?? release[6];
    return `The operator waits for the ${kind} ${ns}/${name} on the infra cluster: its row in the table and the diagnostics about it say why it is not ready. The chain goes on by itself once it is.`;
  }
  if (/RootShard|FrontProxy/.test(message)) {
    return `The operator waits for kcp's RootShard and FrontProxy (operator.kcp.io) in namespace ${namespace} on the runtime cluster to be Available: check the kcp-operator release and kubectl -n ${namespace} get rootshards.operator.kcp.io,frontproxies.operator.kcp.io on the runtime cluster.`;
  }
  if (/cert-manager/.test(message)) {
    return 'The operator waits for the cert-manager CRDs on the runtime cluster: check the cert-manager HelmRelease and its source on the infra cluster.';
  }
  return "The operator's logs (Operator logs) say what it waits for; the chain goes on by itself once that is there.";
}

/**
 * `pipeline-stopped`: the PlatformMesh's blocking step (see `firstBlockingStep`) is current,
 * `False` with reason `Stopped` (the operator requeues and waits for something), and has not
 * changed for longer than `stoppedStepGraceSeconds` (default 15 minutes), counted from its
 * `lastTransitionTime` against `snapshot.now`. A warning: the operator keeps retrying, but the
 * setup does not move on. The hint names what the message says it waits for (a HelmRelease or
 * Application, kcp's RootShard/FrontProxy, cert-manager), else the operator logs.
 */
export const pipelineStoppedRule: DiagnosticRule = {
  id: 'pipeline-stopped',
  evaluate(snapshot, options): Diagnostic[] {
    if (!canRead(snapshot, 'runtime', SNAPSHOT_RESOURCES.platformMeshes))
      return [];
    const pm = instancePlatformMesh(snapshot);
    if (!pm || pm.metadata.deletionTimestamp) return [];
    const step = firstBlockingStep(conditionPipeline(pm));
    if (!step || step.stale || step.status !== 'False') return [];
    if (step.reason !== 'Stopped') return [];
    const elapsed = elapsedMs(snapshot.now, step.lastTransitionTime);
    const graceMs =
      (options?.stoppedStepGraceSeconds ?? DEFAULT_STOPPED_STEP_GRACE_SECONDS) *
      1000;
    if (elapsed === undefined || elapsed < graceMs) return [];
    const { ref } = snapshot;
    return [
      {
        id: 'pipeline-stopped',
        severity: 'warning',
        cluster: 'runtime',
        summary: `${step.step} has been stopped for ${minutes(elapsed)}`,
        detail: `PlatformMesh ${ref.namespace}/${ref.name} on ${onCluster(
          snapshot,
          'runtime',
        )}: ${step.step} has reported Stopped since ${
          step.lastTransitionTime
        } (${quoted(
          step.message,
        )}), and the steps after it do not run until it goes on.`,
        hint: hintFor(step.message ?? '', ref.namespace),
      },
    ];
  },
};
