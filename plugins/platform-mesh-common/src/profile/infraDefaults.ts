import type { ProfileInfraComponent } from '../types/profile';
import type { ProfileInfraComponentName } from '../types/setup';

/**
 * The infra components a built profile contains, in profile order.
 */
export const PROFILE_INFRA_COMPONENTS: readonly ProfileInfraComponentName[] = [
  'certManager',
  'gatewayApi',
  'traefik',
  'traefikCRDs',
  'etcdDruid',
];

/**
 * What the infra defaults depend on.
 */
interface InfraDefaultsContext {
  /** `spec.exposure.port`, used as Traefik's `websecure` exposed port (default 8443). */
  port?: number;
}

/**
 * The built-in infra components of a remote profile, from the upstream remote profiles without the
 * kind-only Traefik service settings (NodePort, fixed cluster IP).
 *
 * @param ctx - exposure settings the components depend on
 */
export function defaultInfraComponents(
  ctx: InfraDefaultsContext = {},
): Record<ProfileInfraComponentName, ProfileInfraComponent> {
  return {
    certManager: {
      enabled: true,
      interval: '1m',
      name: 'cert-manager',
      ocmResourceName: 'chart',
      targetNamespace: 'default',
      values: { installCRDs: true },
    },
    gatewayApi: {
      syncOptions: ['ServerSideApply=true', 'SkipCRDs=false'],
      enabled: true,
      kustomization: {
        install: { crds: 'Skip' },
        interval: '1m',
        path: './config/crd/experimental',
      },
      name: 'gateway-api',
      ocmResourceName: 'crds',
    },
    traefik: {
      skipCrds: true,
      syncOptions: ['SkipCRDs=true'],
      syncWave: 1,
      chart: { name: 'traefik' },
      enabled: true,
      interval: '1m',
      name: 'traefik',
      ocmResourceName: 'chart',
      targetNamespace: 'default',
      values: {
        experimental: { kubernetesGateway: { enabled: true } },
        gateway: { enabled: false },
        gatewayClass: { enabled: true },
        ports: { websecure: { exposedPort: ctx.port ?? 8443 } },
        providers: {
          kubernetesGateway: { enabled: true, experimentalChannel: true },
        },
      },
    },
    traefikCRDs: {
      chart: { name: 'traefik-crds' },
      enabled: true,
      interval: '1m',
      name: 'traefik-crds',
      ocmComponentName: 'traefik',
      ocmResourceName: 'crds',
      targetNamespace: 'default',
      values: { gatewayAPI: false },
    },
    etcdDruid: {
      enabled: true,
      name: 'etcd-druid',
      targetNamespace: 'etcd-druid-system',
      interval: '1m',
      ocmResourceName: 'etcd-druid',
      values: {},
    },
  };
}
