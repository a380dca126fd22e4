import type {
  ConditionStatus,
  InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo } from './base';

export const LEFTOVER_ERROR_MESSAGE =
  'Failed to create kcp workspaces: Failed to get APIExport hash inventory: Failed to get APIExport for tenancy.kcp.io: failed to get server groups: the server could not find the requested resource';

export const WAIT_MESSAGE =
  'resource platform-mesh-system/demo-cm of type HelmRelease is not ready yet';

export const FINALIZER = 'platform-mesh.core.platform-mesh.io/finalizer';

function leftover(c: ConditionStatus, patch: Partial<ConditionStatus>) {
  return { ...c, ...patch, leftover: true, health: 'unknown' as const };
}

/**
 * The recorded A6 as the backend answers it: the kcp subroutines were switched off, WaitSubroutine
 * is Stopped (live); KcpsetupSubroutine's old Error and the two "awaiting" conditions are left over.
 */
export const leftoverStatus: InstanceStatus = (() => {
  const status = baseStatus();
  status.instance.overall = 'progressing';
  status.conditions = status.conditions.map(c => {
    switch (c.step) {
      case 'KcpsetupSubroutine':
        return leftover(c, {
          status: 'False',
          reason: 'Error',
          message: LEFTOVER_ERROR_MESSAGE,
          lastTransitionTime: minutesAgo(20),
        });
      case 'ProvidersecretSubroutine':
      case 'FeatureToggleSubroutine':
        return leftover(c, {
          status: 'Unknown',
          reason: 'Unknown',
          message: `awaiting first reconciliation for ${c.step}`,
          lastTransitionTime: minutesAgo(21),
        });
      case 'WaitSubroutine':
        return {
          ...c,
          status: 'False',
          reason: 'Stopped',
          message: WAIT_MESSAGE,
          lastTransitionTime: minutesAgo(2),
          health: 'progressing',
        };
      case 'Ready':
        return {
          ...c,
          status: 'False',
          reason: 'Stopped',
          message: 'one or more subroutines stopped the chain',
          lastTransitionTime: minutesAgo(21),
          health: 'progressing',
        };
      default:
        return c;
    }
  });
  return status;
})();

/**
 * The recorded A1: DeploymentSubroutine Stopped, every later subroutine not reached yet; and the
 * PlatformMesh is being deleted, waiting for the operator's finalizer (written twice).
 */
export const notReachedDeletingStatus: InstanceStatus = (() => {
  const status = baseStatus();
  status.instance.overall = 'progressing';
  status.instance.deletion = {
    since: minutesAgo(12),
    finalizers: [FINALIZER, FINALIZER],
  };
  status.conditions = status.conditions.map(c => {
    if (c.step === 'DeploymentSubroutine') {
      return {
        ...c,
        status: 'False',
        reason: 'Stopped',
        message: 'RootShard is not ready',
        health: 'progressing',
      };
    }
    if (c.step === 'Ready') {
      return {
        ...c,
        status: 'False',
        reason: 'Stopped',
        message: 'one or more subroutines stopped the chain',
        health: 'progressing',
      };
    }
    return {
      ...c,
      status: 'Unknown',
      reason: 'Unknown',
      message: `awaiting first reconciliation for ${c.step}`,
      notReached: true,
      health: 'unknown',
    };
  });
  return status;
})();
