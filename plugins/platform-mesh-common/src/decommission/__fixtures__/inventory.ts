import type { KubernetesObject } from '../../types/kubernetes';
import type { DecommissionInventory, InventoryObject } from '../types';

const ours = [{ manager: 'backstage-platform-mesh', operation: 'Apply' }];
const OURS_LABEL = {
  'app.kubernetes.io/managed-by': 'backstage-platform-mesh',
};
const OPERATOR_LABEL = { 'core.platform-mesh.io/operator-created': 'true' };

export const CLUSTERS = { operator: 'op', runtime: 'rt', infra: 'inf' };
export const NS = 'team-a';
export const REF = { target: 'dev', namespace: NS, name: 'pm' };

function obj(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
  extra: {
    labels?: Record<string, string>;
    managers?: string[];
    annotations?: Record<string, string>;
    spec?: object;
  } = {},
): KubernetesObject {
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
      managedFields: (extra.managers ?? []).map(manager => ({
        manager,
        operation: 'Apply',
      })),
    } as KubernetesObject['metadata'],
    ...(extra.spec ? { spec: extra.spec } : {}),
  };
}

export const platformMesh = (namespace = NS, name = 'pm', spec?: object) =>
  obj('core.platform-mesh.io/v1alpha1', 'PlatformMesh', namespace, name, {
    labels: OURS_LABEL,
    managers: ['backstage-platform-mesh', 'platform-mesh-operator'],
    spec,
  });

export const helmRelease = (name: string, source?: object) =>
  obj('helm.toolkit.fluxcd.io/v2', 'HelmRelease', NS, name, {
    labels: OPERATOR_LABEL,
    managers: ['platform-mesh-deployment'],
    spec: source ?? { chartRef: { kind: 'OCIRepository', name } },
  });

const kustomization = (name: string) =>
  obj('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', NS, name, {
    labels: OPERATOR_LABEL,
    managers: ['platform-mesh-deployment'],
    spec: { sourceRef: { kind: 'GitRepository', name } },
  });

export const ociRepository = (
  name: string,
  managers = ['platform-mesh-resource'],
) =>
  obj('source.toolkit.fluxcd.io/v1', 'OCIRepository', NS, name, { managers });

const helmRepository = (namespace: string, name: string) =>
  obj('source.toolkit.fluxcd.io/v1', 'HelmRepository', namespace, name, {
    managers: ['platform-mesh-resource'],
  });

export const ocmResource = (
  name: string,
  managers = ['platform-mesh-deployment'],
) => obj('delivery.ocm.software/v1alpha1', 'Resource', NS, name, { managers });

const ourSecret = (namespace: string, name: string) =>
  obj('v1', 'Secret', namespace, name, {
    labels: OURS_LABEL,
    managers: ours.map(m => m.manager),
  });

export const foreignSecret = (namespace: string, name: string) =>
  obj('v1', 'Secret', namespace, name, { managers: ['kubectl'] });

/** The operator's `kcp-webhook-secret` (its field manager, no label). */
export const kcpWebhookSecret = (
  namespace = NS,
  managers = ['platform-mesh-deployment'],
) => obj('v1', 'Secret', namespace, 'kcp-webhook-secret', { managers });

/** cert-manager's `rebac-authz-webhook-cert` (its field manager and annotations). */
export const webhookCertSecret = (namespace = NS, issued = true) =>
  obj('v1', 'Secret', namespace, 'rebac-authz-webhook-cert', {
    managers: [issued ? 'cert-manager-certificates-issuing' : 'kubectl'],
    ...(issued
      ? {
          annotations: {
            'cert-manager.io/certificate-name': 'rebac-authz-webhook-cert',
            'cert-manager.io/issuer-name': 'rebac-authz-webhook-issuer',
          },
        }
      : {}),
  });

export const profileConfigMap = (name = 'pm-profile') =>
  obj('v1', 'ConfigMap', NS, name, {
    labels: OURS_LABEL,
    managers: ['backstage-platform-mesh'],
  });

const serviceAccount = (namespace: string, name: string) =>
  obj('v1', 'ServiceAccount', namespace, name, {
    labels: OURS_LABEL,
    managers: ['backstage-platform-mesh'],
  });

export const on = (
  role: InventoryObject['role'],
  object: KubernetesObject,
): InventoryObject => ({ role, cluster: CLUSTERS[role], object });

/**
 * The instance `dev/team-a/pm` after an apply and a reconcile by the operator: two releases
 * (one from an OCIRepository, one from a HelmRepository), a Kustomization, two OCM Resources, and
 * the operator's webhook Secrets, and the apply's objects (profile, kubeconfig Secrets on
 * operator and infra, ServiceAccounts).
 */
export function fullInventory(
  extraPlatformMeshes: KubernetesObject[] = [],
): DecommissionInventory {
  return {
    ref: REF,
    clusters: CLUSTERS,
    operatorNamespace: 'platform-mesh-system',
    platformMeshes: [platformMesh(), ...extraPlatformMeshes],
    objects: [
      on('runtime', platformMesh()),
      on('infra', helmRelease('portal')),
      on(
        'infra',
        helmRelease('demo', {
          chart: {
            spec: {
              sourceRef: {
                kind: 'HelmRepository',
                name: 'demo',
                namespace: 'charts',
              },
            },
          },
        }),
      ),
      on('infra', kustomization('gateway-api')),
      on('infra', ociRepository('portal')),
      on('infra', helmRepository('charts', 'demo')),
      on('runtime', ocmResource('portal-chart')),
      on('runtime', ocmResource('demo-chart')),
      on('runtime', kcpWebhookSecret()),
      on('runtime', webhookCertSecret()),
      on('runtime', profileConfigMap()),
      on('infra', ourSecret(NS, 'platform-mesh-runtime-secret')),
      on(
        'operator',
        ourSecret('platform-mesh-system', 'platform-mesh-kubeconfig'),
      ),
      on(
        'operator',
        ourSecret('platform-mesh-system', 'platform-mesh-infra-kubeconfig'),
      ),
      on(
        'runtime',
        serviceAccount('platform-mesh-system', 'platform-mesh-operator'),
      ),
      on(
        'runtime',
        serviceAccount('platform-mesh-system', 'platform-mesh-gitops'),
      ),
    ],
  };
}
