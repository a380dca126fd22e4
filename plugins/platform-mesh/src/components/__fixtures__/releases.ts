import type {
  InstanceStatus,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo } from './base';

/** The first 3 releases have failed, the next 7 are progressing, the rest are healthy. */
function stateOf(
  i: number,
): Pick<ReleaseStatus, 'health' | 'reason' | 'message'> {
  if (i < 3) {
    return {
      health: 'failed',
      reason: 'RetriesExceeded',
      message: `Failed to upgrade after 3 attempt(s) (release component-${i})`,
    };
  }
  if (i < 10) {
    return {
      health: 'progressing',
      reason: 'Progressing',
      message: "Running 'upgrade' action with timeout of 5m0s",
    };
  }
  return {
    health: 'healthy',
    reason: 'UpgradeSucceeded',
    message: `Helm upgrade succeeded for release platform-mesh-system/component-${i}.v4`,
  };
}

/** `count` HelmReleases, problems first as the backend sorts them. */
function manyReleases(count: number): ReleaseStatus[] {
  return Array.from({ length: count }, (_, i) => {
    const state = stateOf(i);
    return {
      kind: 'HelmRelease',
      name: `component-${String(i).padStart(3, '0')}`,
      namespace: 'platform-mesh-system',
      ...state,
      chart: `component-${i}`,
      version: `1.${i}.0`,
      appVersion: `v1.${i}`,
      suspended: i === 50,
      lastTransitionTime: minutesAgo(i + 1),
      targetsRemoteCluster: true,
    };
  });
}

/** A healthy instance with `count` HelmReleases. */
export function statusWithReleases(count: number): InstanceStatus {
  const status = baseStatus();
  status.releases = manyReleases(count);
  status.instance.overall = 'degraded';
  return status;
}
