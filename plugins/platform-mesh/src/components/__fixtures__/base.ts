import type {
  ConditionStatus,
  InstanceStatus,
  PipelineStep,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** An ISO timestamp `minutes` before the fixtures were loaded. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export const REF = {
  target: 'dev',
  namespace: 'platform-mesh-system',
  name: 'platform-mesh-sample',
};

export const GENERATION = 3;

const STEP_MESSAGES: Record<PipelineStep, string> = {
  DeploymentSubroutine: 'The infra and components HelmReleases are deployed',
  KcpsetupSubroutine: 'kcp workspaces and API bindings are set up',
  ProvidersecretSubroutine: 'Provider kubeconfig Secrets are written',
  FeatureToggleSubroutine: 'Feature toggles are applied',
  WaitSubroutine: 'All awaited resources are ready',
  Ready: 'The PlatformMesh is ready',
};

const STEPS = Object.keys(STEP_MESSAGES) as PipelineStep[];

function readyCondition(step: PipelineStep, minutes = 42): ConditionStatus {
  return {
    step,
    type: step,
    status: 'True',
    reason: 'Complete',
    message: STEP_MESSAGES[step],
    lastTransitionTime: minutesAgo(minutes),
    observedGeneration: GENERATION,
    stale: false,
    leftover: false,
    health: 'healthy',
  };
}

const CHARTS: Array<[string, string, string]> = [
  ['platform-mesh-operator-infra-components', 'infra', '0.41.2'],
  ['cert-manager', 'cert-manager', 'v1.18.2'],
  ['etcd-druid', 'etcd-druid', 'v0.31.0'],
  ['kcp-operator', 'kcp-operator', '0.9.1'],
  ['traefik', 'traefik', '37.1.1'],
  ['openfga', 'openfga', '0.2.40'],
  ['keycloak', 'keycloak', '25.2.0'],
  [
    'platform-mesh-operator-components',
    'platform-mesh-operator-components',
    '0.41.2',
  ],
];

export function healthyRelease(
  name: string,
  chart: string,
  version: string,
): ReleaseStatus {
  return {
    kind: 'HelmRelease',
    name,
    namespace: REF.namespace,
    health: 'healthy',
    reason: 'UpgradeSucceeded',
    message: `Helm upgrade succeeded for release ${REF.namespace}/${name}.v2 with chart ${chart}@${version}`,
    chart,
    version,
    suspended: false,
    lastTransitionTime: minutesAgo(40),
    targetsRemoteCluster: true,
  };
}

function healthyReleases(): ReleaseStatus[] {
  return CHARTS.map(([name, chart, version]) =>
    healthyRelease(name, chart, version),
  );
}

/** A fully healthy remote Flux setup; the other fixtures are variations of it. */
export function baseStatus(): InstanceStatus {
  return {
    instance: {
      ...REF,
      generation: GENERATION,
      overall: 'healthy',
      observedAt: minutesAgo(1),
      deploymentTechnology: 'fluxcd',
    },
    conditions: STEPS.map(step => readyCondition(step)),
    releases: healthyReleases(),
    sources: [
      {
        kind: 'OCIRepository',
        name: 'cert-manager',
        namespace: REF.namespace,
        health: 'healthy',
        reason: 'Succeeded',
        revision: 'v1.18.2@sha256:1f4c',
      },
    ],
    secrets: [
      {
        role: 'operator',
        name: 'platform-mesh-kubeconfig',
        namespace: REF.namespace,
        key: 'kubeconfig',
        purpose: 'runtime kubeconfig mounted by the operator',
        present: true,
        keyPresent: true,
      },
      {
        role: 'infra',
        name: 'platform-mesh-runtime-secret',
        namespace: REF.namespace,
        key: 'kubeconfig',
        purpose: 'runtime kubeconfig Flux uses for spec.kubeConfig',
        present: true,
        keyPresent: true,
      },
    ],
    diagnostics: [],
    clusters: {
      operator: {
        name: 'operator',
        reachable: true,
        observedAt: minutesAgo(1),
      },
      runtime: { name: 'runtime', reachable: true, observedAt: minutesAgo(1) },
      infra: { name: 'infra', reachable: true, observedAt: minutesAgo(1) },
    },
  };
}
