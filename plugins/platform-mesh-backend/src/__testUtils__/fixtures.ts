import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** A token that must never show up in any answer or log line. */
export const SECRET_TOKEN = 'fake-token-must-never-leak-7f3a';

export const devTarget: PlatformMeshTarget = {
  name: 'dev',
  operatorCluster: 'pm-operator',
  runtimeCluster: 'pm-runtime',
  infraCluster: 'pm-infra',
  operatorIsInfra: false,
  deploymentTechnology: 'fluxcd',
  namespace: 'platform-mesh-system',
  // the instance of these fixtures lives in pm-healthy
  namespaces: ['platform-mesh-system', 'pm-healthy'],
  operatorNamespace: 'platform-mesh-system',
  runtimeServerUrl: 'https://10.0.0.10:6443',
  secrets: {
    operatorRuntimeKubeconfig: {
      name: 'platform-mesh-kubeconfig',
      key: 'kubeconfig',
    },
    operatorInfraKubeconfig: {
      name: 'platform-mesh-infra-kubeconfig',
      key: 'kubeconfig',
    },
    fluxRuntimeKubeconfig: {
      name: 'platform-mesh-runtime-secret',
      key: 'kubeconfig',
    },
  },
  configPath: 'platformMesh.targets[0]',
};

const NS = 'pm-healthy';
const cond = (
  type: string,
  status = 'True',
  reason = 'Complete',
  message = '',
) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2026-11-25T06:00:00Z',
  observedGeneration: 1,
});

export function platformMesh(
  conditions = [
    cond('DeploymentSubroutine'),
    cond('KcpsetupSubroutine'),
    cond('ProvidersecretSubroutine'),
    cond('FeatureToggleSubroutine'),
    cond('WaitSubroutine'),
    cond('Ready', 'True', 'Complete', 'all subroutines completed successfully'),
  ],
) {
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: {
      name: 'platform-mesh',
      namespace: NS,
      generation: 1,
      creationTimestamp: '2026-11-25T05:00:00Z',
    },
    spec: {
      exposure: {
        baseDomain: 'portal.localhost',
        port: 8443,
        protocol: 'https',
      },
    },
    status: { conditions },
  };
}

export const profileConfigMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'platform-mesh-profile', namespace: NS },
  data: {
    'profile.yaml':
      'infra:\n  deploymentTechnology: fluxcd\ncomponents:\n  services: {}\n',
    'other.txt': 'dropped by the cache',
  },
};

export function helmRelease(
  name: string,
  ready: 'True' | 'False' = 'True',
  reason = 'InstallSucceeded',
  message = 'Helm install succeeded',
) {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name,
      namespace: NS,
      generation: 1,
      labels: { 'core.platform-mesh.io/operator-created': 'true' },
    },
    spec: {
      chartRef: { kind: 'OCIRepository', name, namespace: NS },
      kubeConfig: {
        secretRef: { name: 'platform-mesh-runtime-secret', key: 'kubeconfig' },
      },
    },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: 'Ready',
          status: ready,
          reason,
          message,
          lastTransitionTime: '2026-11-25T06:00:00Z',
          observedGeneration: 1,
        },
        ...(ready === 'False'
          ? [
              {
                type: 'Stalled',
                status: 'True',
                reason: 'RetriesExceeded',
                message,
                lastTransitionTime: '2026-11-25T06:00:00Z',
                observedGeneration: 1,
              },
            ]
          : []),
      ],
      history: [
        {
          chartName: name,
          chartVersion: '1.2.3',
          appVersion: '1.2.3',
          status: 'deployed',
        },
      ],
    },
  };
}

export function ociRepository(name: string) {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name, namespace: NS, generation: 1 },
    spec: { url: `oci://ghcr.io/platform-mesh/${name}` },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Succeeded',
          message: 'stored artifact',
          lastTransitionTime: '2026-11-25T06:00:00Z',
          observedGeneration: 1,
        },
      ],
    },
  };
}

export function kubeconfigSecret(
  name: string,
  namespace: string,
  key = 'kubeconfig',
) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    data: {
      [key]: Buffer.from(`users: [{user: {token: ${SECRET_TOKEN}}}]`).toString(
        'base64',
      ),
    },
  };
}

/** Objects of a healthy instance `dev/pm-healthy/platform-mesh`, per cluster. */
export function healthyClusters() {
  return {
    'pm-runtime': [platformMesh(), profileConfigMap],
    'pm-operator': [
      kubeconfigSecret('platform-mesh-kubeconfig', 'platform-mesh-system'),
      kubeconfigSecret(
        'platform-mesh-infra-kubeconfig',
        'platform-mesh-system',
      ),
    ],
    'pm-infra': [
      helmRelease('cert-manager'),
      helmRelease('portal'),
      ociRepository('cert-manager'),
      ociRepository('portal'),
      kubeconfigSecret('platform-mesh-runtime-secret', NS),
    ],
  };
}
