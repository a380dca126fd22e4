import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, GENERATION, minutesAgo } from './base';

export const PROGRESSING_MESSAGE =
  'cert-manager CRD issuers.cert-manager.io is not established';

/**
 * A spec change the operator is working through: DeploymentSubroutine is Stopped waiting for
 * cert-manager's CRDs; the later steps were evaluated for the previous generation (stale).
 */
export const progressingStatus: InstanceStatus = (() => {
  const status = baseStatus();
  const generation = GENERATION + 1;
  status.instance.generation = generation;
  status.instance.overall = 'progressing';
  status.conditions = status.conditions.map(c => {
    if (c.step === 'DeploymentSubroutine') {
      return {
        ...c,
        status: 'False',
        reason: 'Stopped',
        message: PROGRESSING_MESSAGE,
        lastTransitionTime: minutesAgo(3),
        observedGeneration: generation,
        stale: false,
        health: 'progressing',
      };
    }
    if (c.step === 'Ready') {
      return {
        ...c,
        status: 'Unknown',
        reason: 'Pending',
        message: 'Waiting for DeploymentSubroutine',
        lastTransitionTime: minutesAgo(3),
        stale: true,
        health: 'progressing',
      };
    }
    return { ...c, stale: true };
  });
  status.releases = [
    {
      kind: 'HelmRelease',
      name: 'cert-manager',
      namespace: status.instance.namespace,
      health: 'progressing',
      reason: 'Progressing',
      message: "Running 'install' action with timeout of 5m0s",
      chart: 'cert-manager',
      version: 'v1.18.2',
      suspended: false,
      lastTransitionTime: minutesAgo(3),
      targetsRemoteCluster: true,
    },
    ...status.releases.filter(r => r.name !== 'cert-manager'),
  ];
  return status;
})();
