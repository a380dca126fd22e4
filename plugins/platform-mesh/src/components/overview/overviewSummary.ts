import type {
  ClusterRole,
  ConditionStatus,
  Diagnostic,
  Health,
  InstanceStatus,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { blockingStepIndex } from '../ConditionPipeline';
import {
  conditionsNotCurrent,
  diagnosticsComplete,
  isUnread,
  shownOverall,
} from '../statusTruth';

/** Worst first: how the overview orders health counts and names releases. */
const HEALTH_SEVERITY: Health[] = [
  'failed',
  'degraded',
  'unknown',
  'progressing',
  'suspended',
  'healthy',
];

/** The order of the reachability dots. */
const REACHABILITY_ROLES: ClusterRole[] = ['operator', 'runtime', 'infra'];

const SEVERITY_RANK: Record<Diagnostic['severity'], number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** What the pipeline says at a glance. */
export type PipelineSummary =
  | { kind: 'blocked'; condition: ConditionStatus }
  | { kind: 'done' }
  | { kind: 'not-current' }
  | { kind: 'no-conditions' }
  | { kind: 'waiting' };

/** One reachability dot. */
export interface Reachability {
  role: ClusterRole;
  /** The configured cluster name. */
  name: string;
  state: 'reachable' | 'unreachable' | 'error';
}

/** Everything the compact overview card shows, decided from the backend's answer. */
export interface OverviewSummary {
  overall: Health;
  pipeline: PipelineSummary;
  /** Releases per health, worst first, only healths that occur. */
  releaseCounts: Array<{ health: Health; count: number }>;
  releaseTotal: number;
  /** The releases that are not healthy, worst first, at most `maxNamed`. */
  worstReleases: ReleaseStatus[];
  /** Further releases that are not healthy and not named. */
  moreWorst: number;
  /** False when the infra cluster could not be read and no release is known. */
  releasesRead: boolean;
  /** Errors first, at most `maxDiagnostics`. */
  topDiagnostics: Diagnostic[];
  moreDiagnostics: number;
  /** The checks ran on complete data: only then may "No problems found" be said. */
  diagnosticsComplete: boolean;
  reachability: Reachability[];
  /** Each cluster's `observedAt`, in {@link REACHABILITY_ROLES} order. */
  ages: Array<{ role: ClusterRole; observedAt?: string }>;
}

function rank(health: Health): number {
  return HEALTH_SEVERITY.indexOf(health);
}

function pipelineSummary(status: InstanceStatus): PipelineSummary {
  if (conditionsNotCurrent(status.clusters.runtime))
    return { kind: 'not-current' };
  if (status.conditions.length === 0) return { kind: 'no-conditions' };
  const index = blockingStepIndex(status.conditions);
  if (index >= 0)
    return { kind: 'blocked', condition: status.conditions[index] };
  const ready = status.conditions.find(c => c.step === 'Ready');
  if (ready?.status === 'True' && ready.health === 'healthy' && !ready.stale) {
    return { kind: 'done' };
  }
  return { kind: 'waiting' };
}

/**
 * The compact overview of an instance: the overall health the card may claim (see
 * `shownOverall`), the blocking step, release counts with the worst ones named, the top
 * diagnostics, and per-cluster reachability and data age.
 *
 * @param status - the backend's answer
 * @param options - how many releases and diagnostics to name (default 3 each)
 */
export function overviewSummary(
  status: InstanceStatus,
  options: { maxNamed?: number; maxDiagnostics?: number } = {},
): OverviewSummary {
  const { maxNamed = 3, maxDiagnostics = 3 } = options;
  const counts = new Map<Health, number>();
  for (const r of status.releases) {
    counts.set(r.health, (counts.get(r.health) ?? 0) + 1);
  }
  const releaseCounts = HEALTH_SEVERITY.filter(h => counts.has(h)).map(
    health => ({ health, count: counts.get(health)! }),
  );
  // stable: the backend's order (problems first) among releases of the same health
  const notHealthy = status.releases
    .map((release, index) => ({ release, index }))
    .filter(({ release }) => release.health !== 'healthy')
    .sort(
      (a, b) =>
        rank(a.release.health) - rank(b.release.health) || a.index - b.index,
    )
    .map(({ release }) => release);
  const diagnostics = status.diagnostics
    .map((d, index) => ({ d, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] ||
        a.index - b.index,
    )
    .map(({ d }) => d);
  return {
    overall: shownOverall(status),
    pipeline: pipelineSummary(status),
    releaseCounts,
    releaseTotal: status.releases.length,
    worstReleases: notHealthy.slice(0, maxNamed),
    moreWorst: Math.max(0, notHealthy.length - maxNamed),
    releasesRead:
      status.releases.length > 0 || !isUnread(status.clusters.infra),
    topDiagnostics: diagnostics.slice(0, maxDiagnostics),
    moreDiagnostics: Math.max(0, diagnostics.length - maxDiagnostics),
    diagnosticsComplete: diagnosticsComplete(status),
    reachability: REACHABILITY_ROLES.map(role => {
      const cluster = status.clusters[role];
      let state: Reachability['state'] = 'reachable';
      if (!cluster?.reachable) state = 'unreachable';
      else if (cluster.error) state = 'error';
      return { role, name: cluster?.name ?? role, state };
    }),
    ages: REACHABILITY_ROLES.map(role => ({
      role,
      observedAt: status.clusters[role]?.observedAt,
    })),
  };
}
