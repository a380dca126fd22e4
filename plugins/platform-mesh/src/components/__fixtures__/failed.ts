import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo } from './base';

export const FAILED_RELEASE_MESSAGE =
  'Failed to install after 3 attempt(s): context deadline exceeded';

/** kcp-operator's HelmRelease is Stalled (RetriesExceeded); the Wait step reports the error. */
export const failedStatus: InstanceStatus = (() => {
  const status = baseStatus();
  status.instance.overall = 'failed';
  status.conditions = status.conditions.map(c => {
    if (c.step === 'WaitSubroutine') {
      return {
        ...c,
        status: 'False',
        reason: 'Error',
        message:
          'HelmRelease platform-mesh-system/kcp-operator is not ready: Stalled (RetriesExceeded)',
        lastTransitionTime: minutesAgo(12),
        health: 'failed',
      };
    }
    if (c.step === 'Ready') {
      return {
        ...c,
        status: 'False',
        reason: 'Error',
        message: 'WaitSubroutine failed',
        lastTransitionTime: minutesAgo(12),
        health: 'failed',
      };
    }
    return c;
  });
  status.releases = [
    {
      kind: 'HelmRelease',
      name: 'kcp-operator',
      namespace: status.instance.namespace,
      health: 'failed',
      reason: 'RetriesExceeded',
      message: FAILED_RELEASE_MESSAGE,
      chart: 'kcp-operator',
      version: '0.9.1',
      suspended: false,
      lastTransitionTime: minutesAgo(12),
      targetsRemoteCluster: true,
    },
    ...status.releases.filter(r => r.name !== 'kcp-operator'),
  ];
  return status;
})();
