import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo } from './base';

export const RUNTIME_ERROR_MESSAGE =
  'dial tcp 127.0.0.1:16443: connect: connection refused (after 3 attempts within 10s)';

/**
 * The runtime cluster went away 12 minutes ago: the cache still holds its last conditions (all
 * True), the other clusters were read just now. `overall` is what the backend answers
 * (`unknown` since the required-reads check; an older backend said `healthy`).
 */
export function runtimeUnreachableStatus(
  overall: InstanceStatus['instance']['overall'] = 'unknown',
): InstanceStatus {
  const status = baseStatus();
  status.instance.overall = overall;
  status.instance.observedAt = minutesAgo(12);
  status.clusters.runtime = {
    name: 'runtime',
    reachable: false,
    observedAt: minutesAgo(12),
    error: { type: 'unreachable', message: RUNTIME_ERROR_MESSAGE },
  };
  status.clusters.infra.observedAt = minutesAgo(0);
  status.clusters.operator.observedAt = minutesAgo(0);
  status.diagnostics = [
    {
      id: 'read-failed',
      severity: 'warning',
      cluster: 'runtime',
      summary: 'Cannot read the runtime cluster "runtime": unreachable',
      detail: `PlatformMeshes and ConfigMaps on the runtime cluster "runtime" could not be read (${RUNTIME_ERROR_MESSAGE}), so the instance's overall health is unknown until it can be read.`,
      hint: 'Check that the API server of cluster "runtime" runs and is reachable from the Backstage backend at the URL configured for it.',
    },
  ];
  return status;
}

/** Every cluster read, nothing found, but the infra Secret Flux uses is gone (no release names it yet). */
export function infraSecretMissingStatus(): InstanceStatus {
  const status = baseStatus();
  status.secrets = status.secrets.map(s =>
    s.role === 'infra' ? { ...s, present: false, keyPresent: false } : s,
  );
  return status;
}

/** The backend's 404 for a target that is not configured. */
export const unknownTargetBody = {
  error: { name: 'NotFoundError', message: 'Unknown target "nosuchtarget"' },
  request: {
    method: 'GET',
    url: '/api/platform-mesh/instances/nosuchtarget/platform-mesh-system/platform-mesh-sample/status',
  },
  response: { statusCode: 404 },
};

/** `GET /targets`: the configured targets. */
export const configuredTargets = [
  {
    name: 'dev',
    operatorCluster: 'operator',
    runtimeCluster: 'runtime',
    infraCluster: 'infra',
    operatorIsInfra: false,
    deploymentTechnology: 'fluxcd',
    namespace: 'platform-mesh-system',
  },
  {
    name: 'argo',
    operatorCluster: 'operator',
    runtimeCluster: 'runtime',
    infraCluster: 'infra',
    operatorIsInfra: false,
    deploymentTechnology: 'argocd',
    namespace: 'platform-mesh-system',
  },
];
