import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus } from './base';

export const INFRA_ERROR_MESSAGE =
  'dial tcp: connect: connection refused (after 3 attempts within 10s)';

/**
 * The infra cluster cannot be reached: the runtime's conditions and the operator's Secrets are
 * still there, the HelmReleases and the infra Secret are not.
 */
export const partialStatus: InstanceStatus = (() => {
  const status = baseStatus();
  status.instance.overall = 'unknown';
  status.releases = [];
  status.sources = [];
  status.secrets = status.secrets.filter(s => s.role !== 'infra');
  status.clusters.infra = {
    name: 'infra',
    reachable: false,
    error: { type: 'unreachable', message: INFRA_ERROR_MESSAGE },
  };
  return status;
})();

export const FORBIDDEN_INFRA_MESSAGE =
  'helmreleases.helm.toolkit.fluxcd.io is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "helmreleases" in the namespace "platform-mesh-system"';

/** The infra cluster answers but forbids listing HelmReleases. */
export const forbiddenInfraStatus: InstanceStatus = (() => {
  const status = baseStatus();
  status.instance.overall = 'unknown';
  status.releases = [];
  status.clusters.infra = {
    name: 'infra',
    reachable: true,
    error: {
      type: 'forbidden',
      message: FORBIDDEN_INFRA_MESSAGE,
      resource: 'helmreleases.helm.toolkit.fluxcd.io',
      statusCode: 403,
    },
  };
  return status;
})();
