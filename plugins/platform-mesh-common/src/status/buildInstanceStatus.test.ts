import installFailed from '../health/__fixtures__/helmrelease-install-failed-retrying.json';
import retriesExceeded from '../health/__fixtures__/helmrelease-retries-exceeded.json';
import suspended from '../health/__fixtures__/helmrelease-suspended.json';
import remediated from '../health/__fixtures__/helmrelease-upgrade-remediated.json';
import chartTemplate from '../health/__fixtures__/helmrelease-chart-template-progressing.json';
import ociPullFailed from '../health/__fixtures__/ocirepository-pull-failed.json';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { FluxSource, HelmRelease } from '../types/flux';
import { buildInstanceStatus } from './buildInstanceStatus';

const copy = <T>(fixture: unknown): T =>
  JSON.parse(JSON.stringify(fixture)) as T;

const readyPipeline = [
  ['DeploymentSubroutine', '2026-11-20T09:20:00Z'],
  ['KcpsetupSubroutine', '2026-11-20T09:22:00Z'],
  ['ProvidersecretSubroutine', '2026-11-20T09:22:10Z'],
  ['FeatureToggleSubroutine', '2026-11-20T09:22:20Z'],
  ['WaitSubroutine', '2026-11-20T09:25:00Z'],
].map(([step, lastTransitionTime]) => ({
  step,
  type: step,
  status: 'True',
  reason: 'Complete',
  lastTransitionTime,
  observedGeneration: 1,
  stale: false,
  leftover: false,
  health: 'healthy',
}));

describe('buildInstanceStatus', () => {
  it('builds the whole answer for a healthy remote Flux setup', () => {
    expect(
      buildInstanceStatus(loadSnapshot('snapshot-fluxcd-remote-healthy')),
    ).toEqual({
      instance: {
        target: 'dev',
        namespace: 'platform-mesh-system',
        name: 'platform-mesh',
        generation: 1,
        overall: 'healthy',
        observedAt: '2026-11-20T09:59:55Z',
        deploymentTechnology: 'fluxcd',
      },
      conditions: [
        ...readyPipeline,
        {
          step: 'Ready',
          type: 'Ready',
          status: 'True',
          reason: 'Complete',
          message: 'all subroutines completed successfully',
          lastTransitionTime: '2026-11-20T09:25:00Z',
          observedGeneration: 1,
          stale: false,
          leftover: false,
          health: 'healthy',
        },
      ],
      releases: [
        {
          kind: 'HelmRelease',
          name: 'cert-manager',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'InstallSucceeded',
          message:
            'Helm install succeeded for release cert-manager/cert-manager.v1 with chart cert-manager@v1.16.2',
          chart: 'cert-manager',
          version: 'v1.16.2',
          appVersion: 'v1.16.2',
          revision: 1,
          suspended: false,
          lastTransitionTime: '2026-11-20T09:03:12Z',
          targetsRemoteCluster: true,
          chartSource: 'OCIRepository/cert-manager',
        },
        {
          kind: 'Kustomization',
          name: 'gateway-api',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'ReconciliationSucceeded',
          message:
            'Applied revision: v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
          version: 'v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
          suspended: false,
          lastTransitionTime: '2026-11-20T09:03:00Z',
          targetsRemoteCluster: true,
        },
        {
          kind: 'HelmRelease',
          name: 'portal',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'InstallSucceeded',
          message:
            'Helm install succeeded for release platform-mesh-system/portal.v1 with chart portal@0.22.1',
          chart: 'portal',
          version: '0.22.1',
          appVersion: '0.22.1',
          revision: 1,
          suspended: false,
          lastTransitionTime: '2026-11-20T09:10:00Z',
          targetsRemoteCluster: true,
          chartSource: 'OCIRepository/portal',
        },
      ],
      sources: [
        {
          kind: 'OCIRepository',
          name: 'cert-manager',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'Succeeded',
          message:
            "stored artifact for digest 'v1.16.2@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9'",
          url: 'oci://oci.example.test/platform-mesh/charts/cert-manager',
          revision:
            'v1.16.2@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        },
        {
          kind: 'GitRepository',
          name: 'gateway-api',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'Succeeded',
          message:
            "stored artifact for revision 'v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d'",
          url: 'https://git.example.test/kubernetes-sigs/gateway-api',
          revision: 'v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
        },
        {
          kind: 'OCIRepository',
          name: 'portal',
          namespace: 'platform-mesh-system',
          health: 'healthy',
          reason: 'Succeeded',
          message:
            "stored artifact for digest '0.22.1@sha256:4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e'",
          url: 'oci://oci.example.test/platform-mesh/charts/portal',
          revision:
            '0.22.1@sha256:4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',
        },
      ],
      secrets: [
        {
          role: 'operator',
          name: 'platform-mesh-kubeconfig',
          namespace: 'platform-mesh-system',
          key: 'kubeconfig',
          purpose:
            'runtime kubeconfig mounted by the operator (remoteRuntime.secretName)',
          present: true,
          keyPresent: true,
        },
        {
          role: 'operator',
          name: 'platform-mesh-infra-kubeconfig',
          namespace: 'platform-mesh-system',
          key: 'kubeconfig',
          purpose:
            'infra kubeconfig mounted by the operator (remoteInfra.secretName)',
          present: true,
          keyPresent: true,
        },
        {
          role: 'infra',
          name: 'platform-mesh-runtime-secret',
          namespace: 'platform-mesh-system',
          key: 'kubeconfig',
          purpose:
            'runtime kubeconfig Flux uses (spec.kubeConfig.secretRef of 3 objects)',
          present: true,
          keyPresent: true,
        },
      ],
      diagnostics: [],
      clusters: {
        operator: {
          name: 'operator',
          reachable: true,
          observedAt: '2026-11-20T09:59:50Z',
        },
        runtime: {
          name: 'runtime',
          reachable: true,
          observedAt: '2026-11-20T09:59:55Z',
        },
        infra: {
          name: 'infra',
          reachable: true,
          observedAt: '2026-11-20T09:59:58Z',
        },
      },
    });
  });

  it('sorts releases and sources problems first, then by name, and fails the instance for a release Flux gave up on', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.helmReleases = [
      snapshot.infra.helmReleases[0],
      copy<HelmRelease>(installFailed),
      copy<HelmRelease>(suspended),
      copy<HelmRelease>(retriesExceeded),
      copy<HelmRelease>(remediated),
      copy<HelmRelease>(chartTemplate),
    ];
    snapshot.infra.ociRepositories = [
      snapshot.infra.ociRepositories[0],
      copy<FluxSource>(ociPullFailed) as never,
    ];
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('failed');
    expect(status.releases.map(r => [r.health, r.kind, r.name])).toEqual([
      ['failed', 'HelmRelease', 'keycloak'],
      ['degraded', 'HelmRelease', 'iam-service'],
      ['degraded', 'HelmRelease', 'portal'],
      ['progressing', 'HelmRelease', 'etcd-druid'],
      ['suspended', 'HelmRelease', 'marketplace-ui'],
      ['healthy', 'HelmRelease', 'cert-manager'],
      ['healthy', 'Kustomization', 'gateway-api'],
    ]);
    expect(status.sources.map(s => [s.health, s.kind, s.name])).toEqual([
      ['degraded', 'OCIRepository', 'portal'],
      ['healthy', 'OCIRepository', 'cert-manager'],
      ['healthy', 'GitRepository', 'gateway-api'],
    ]);
    expect(status.diagnostics.map(d => [d.id, d.summary])).toEqual([
      [
        'helmrelease-missing-kubeconfig',
        '1 HelmRelease deploys to the infra cluster instead of the runtime cluster',
      ],
      ['source-missing', 'OCIRepository marketplace-ui is missing'],
      ['source-missing', 'OCIRepository keycloak is missing'],
      ['source-missing', 'OCIRepository iam-service is missing'],
      ['source-missing', 'HelmRepository etcd-druid is missing'],
      [
        'release-retries-exceeded',
        'HelmRelease keycloak has given up: retries exceeded',
      ],
      ['release-rolled-back', 'HelmRelease iam-service was rolled back'],
    ]);
  });

  it('keeps what it has when a cluster is unreachable and shows the typed error, never a URL', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      observedAt: '2026-11-20T09:40:00Z',
      error: { type: 'timeout', message: 'request timed out after 10s' },
    };
    snapshot.infra.helmReleases = [];
    snapshot.infra.kustomizations = [];
    snapshot.infra.ociRepositories = [];
    snapshot.infra.gitRepositories = [];
    snapshot.infra.secrets = [];
    const status = buildInstanceStatus(snapshot);
    // Ready=True on the PlatformMesh, but nothing is known about its releases
    expect(status.instance.overall).toBe('unknown');
    expect(status.conditions).toHaveLength(6);
    expect(status.releases).toEqual([]);
    expect(status.diagnostics.map(d => [d.id, d.cluster, d.summary])).toEqual([
      [
        'read-failed',
        'infra',
        'Cannot read the infra cluster "infra": timeout',
      ],
    ]);
    expect(status.secrets.map(s => s.role)).toEqual(['operator', 'operator']);
    expect(status.clusters).toEqual({
      operator: {
        name: 'operator',
        reachable: true,
        observedAt: '2026-11-20T09:59:50Z',
      },
      runtime: {
        name: 'runtime',
        reachable: true,
        observedAt: '2026-11-20T09:59:55Z',
      },
      infra: {
        name: 'infra',
        reachable: false,
        observedAt: '2026-11-20T09:40:00Z',
        error: { type: 'timeout', message: 'request timed out after 10s' },
      },
    });
  });

  it('reports the first failed list of a reachable cluster as its error', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const forbidden = {
      type: 'forbidden' as const,
      message: 'helmreleases.helm.toolkit.fluxcd.io is forbidden',
      resource: 'helmreleases.helm.toolkit.fluxcd.io',
      statusCode: 403,
    };
    snapshot.clusters.infra.resourceErrors = [forbidden];
    expect(buildInstanceStatus(snapshot).clusters.infra).toEqual({
      name: 'infra',
      reachable: true,
      observedAt: '2026-11-20T09:59:58Z',
      error: forbidden,
    });
  });

  it('is unknown, with no conditions, when the PlatformMesh is not found', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.runtime.platformMesh;
    const status = buildInstanceStatus(snapshot);
    expect(status.instance).toEqual({
      target: 'dev',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh',
      overall: 'degraded',
      observedAt: '2026-11-20T09:59:55Z',
      deploymentTechnology: 'fluxcd',
    });
    expect(status.conditions).toEqual([]);
    expect(status.diagnostics.map(d => d.id)).toEqual(['cr-on-wrong-cluster']);

    snapshot.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(buildInstanceStatus(snapshot).instance.overall).toBe('unknown');
  });

  it('describes Argo CD Applications as releases', () => {
    const status = buildInstanceStatus(
      loadSnapshot('snapshot-argocd-remote-healthy'),
    );
    expect(status.instance.overall).toBe('healthy');
    expect(
      status.releases.map(r => [
        r.kind,
        r.name,
        r.health,
        r.targetsRemoteCluster,
      ]),
    ).toEqual([
      ['Application', 'cert-manager', 'healthy', true],
      ['Application', 'portal', 'healthy', true],
    ]);
    expect(status.sources).toEqual([]);
  });
});
