import type { HelmRelease } from '../types/flux';
import artifactFailed from './__fixtures__/helmrelease-artifact-failed.json';
import chartTemplate from './__fixtures__/helmrelease-chart-template-progressing.json';
import dependencyNotReady from './__fixtures__/helmrelease-dependency-not-ready.json';
import generationBehind from './__fixtures__/helmrelease-generation-behind.json';
import installFailed from './__fixtures__/helmrelease-install-failed-retrying.json';
import installSucceeded from './__fixtures__/helmrelease-install-succeeded.json';
import retriesExceeded from './__fixtures__/helmrelease-retries-exceeded.json';
import suspended from './__fixtures__/helmrelease-suspended.json';
import remediated from './__fixtures__/helmrelease-upgrade-remediated.json';
import upgradeSucceeded from './__fixtures__/helmrelease-upgrade-succeeded.json';
import createdA2 from './__fixtures__/recorded/A2-infra-helmreleases-created-by-operator.json';
import artifactFailedB1 from './__fixtures__/recorded/B1-helmrelease-cert-manager-ocirepository-missing.json';
import upgradedB14 from './__fixtures__/recorded/B14-helmrelease-upgraded-after-profile-change-and-touch.json';
import installedB2 from './__fixtures__/recorded/B2-helmrelease-demo-cm-created-by-operator-installed-by-real-flux.json';
import restClientErrorB7 from './__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from './__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import { describeHelmRelease, helmReleaseHealth } from './helmRelease';
import { helmReleaseFailureCount } from './helmReleaseFailures';

const hr = (fixture: unknown): HelmRelease =>
  JSON.parse(JSON.stringify(fixture)) as HelmRelease;

/**
 * B7 (a real release that installed once, generation 3) in the state helm-controller v1.4.3
 * writes while it retries the install after failed attempts: Ready=Unknown/Progressing.
 */
function retryingAfterFailures(counters: Record<string, number>): HelmRelease {
  const retrying = hr(restClientErrorB7);
  const running = "Running 'install' action with timeout of 15m0s";
  retrying.status!.conditions = [
    {
      type: 'Reconciling',
      status: 'True',
      reason: 'Progressing',
      message: running,
      observedGeneration: 3,
    },
    {
      type: 'Ready',
      status: 'Unknown',
      reason: 'Progressing',
      message: running,
      observedGeneration: 3,
    },
  ];
  Object.assign(retrying.status!, counters);
  return retrying;
}

/** B2 after a failed install that stored no release (a chart that does not render, or a missing namespace). */
function installFailedWithoutRelease(): HelmRelease {
  const failing = hr(installedB2);
  const error =
    'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: create: failed to create: namespaces "platform-mesh-system" not found';
  failing.status!.conditions = [
    {
      type: 'Reconciling',
      status: 'True',
      reason: 'Progressing',
      message: "Running 'install' action with timeout of 15m0s",
      lastTransitionTime: '2026-12-01T19:29:10Z',
      observedGeneration: 3,
    },
    {
      type: 'Ready',
      status: 'False',
      reason: 'InstallFailed',
      message: error,
      lastTransitionTime: '2026-12-01T19:29:12Z',
      observedGeneration: 3,
    },
    {
      type: 'Released',
      status: 'False',
      reason: 'InstallFailed',
      message: error,
      lastTransitionTime: '2026-12-01T19:29:12Z',
      observedGeneration: 3,
    },
  ];
  failing.status!.history = [];
  failing.status!.failures = 1;
  failing.status!.observedGeneration = -1;
  return failing;
}

describe('helmReleaseHealth of recorded objects (helm-controller v1.4.3)', () => {
  it.each<[string, unknown, string]>([
    [
      'B1: source missing (ArtifactFailed) while Reconciling=True/Progressing',
      artifactFailedB1,
      'degraded',
    ],
    [
      'B7: kubeConfig Secret missing (RESTClientError) while Reconciling=True/Progressing',
      restClientErrorB7,
      'degraded',
    ],
    ['B2: installed by the real Flux', installedB2, 'healthy'],
    ['B8: recovered after the Secret came back', recoveredB8, 'healthy'],
    ['B14: upgraded after a profile change', upgradedB14, 'healthy'],
    [
      'A2: created by the operator, not reconciled yet (observedGeneration -1, no conditions)',
      createdA2.items[0],
      'progressing',
    ],
  ])('%s', (_, fixture, expected) => {
    expect(helmReleaseHealth(hr(fixture))).toBe(expected);
  });

  it("decides staleness of B1 (top-level observedGeneration -1) by the Ready condition's observedGeneration", () => {
    const edited = hr(artifactFailedB1);
    expect(edited.status!.observedGeneration).toBe(-1);
    expect(helmReleaseHealth(edited)).toBe('degraded');
    edited.metadata.generation = 2;
    expect(helmReleaseHealth(edited)).toBe('progressing');
  });

  it.each<[string, HelmRelease, string]>([
    [
      'install retried after failures for the current generation',
      retryingAfterFailures({ failures: 2, lastAttemptedGeneration: 3 }),
      'degraded',
    ],
    [
      'install retried after stored failed releases (installFailures)',
      retryingAfterFailures({ installFailures: 1, lastAttemptedGeneration: 3 }),
      'degraded',
    ],
    [
      'upgrade retried after failures (upgradeFailures)',
      retryingAfterFailures({ upgradeFailures: 2, lastAttemptedGeneration: 3 }),
      'degraded',
    ],
    [
      'failures counted for an older generation',
      retryingAfterFailures({ failures: 2, lastAttemptedGeneration: 2 }),
      'progressing',
    ],
    [
      'no failures counted',
      retryingAfterFailures({ failures: 0, lastAttemptedGeneration: 3 }),
      'progressing',
    ],
    [
      'install failed without a stored release (Reconciling=True/Progressing, Ready=False/InstallFailed)',
      installFailedWithoutRelease(),
      'degraded',
    ],
  ])('derived from B2/B7: %s', (_, release, expected) => {
    expect(helmReleaseHealth(release)).toBe(expected);
  });
});

describe('helmReleaseFailureCount', () => {
  it.each<[string, HelmRelease, number]>([
    ['recorded B2: none', hr(installedB2), 0],
    ['recorded B1: never attempted', hr(artifactFailedB1), 0],
    ['the largest counter', hr(installFailed), 3],
    [
      'upgradeFailures above failures',
      retryingAfterFailures({
        failures: 1,
        upgradeFailures: 4,
        lastAttemptedGeneration: 3,
      }),
      4,
    ],
    [
      'an older generation',
      retryingAfterFailures({ failures: 5, lastAttemptedGeneration: 1 }),
      0,
    ],
  ])('%s', (_, release, expected) => {
    expect(helmReleaseFailureCount(release)).toBe(expected);
  });
});

describe('helmReleaseHealth', () => {
  it.each([
    ['InstallSucceeded', installSucceeded, 'healthy'],
    ['UpgradeSucceeded', upgradeSucceeded, 'healthy'],
    [
      'InstallFailed with a stored release, retried forever (ProgressingWithRetry)',
      installFailed,
      'degraded',
    ],
    ['Remediated after a failed upgrade, retrying', remediated, 'degraded'],
    ['Stalled with RetriesExceeded', retriesExceeded, 'failed'],
    [
      'ArtifactFailed (source not found), Reconciling=True/Progressing',
      artifactFailed,
      'degraded',
    ],
    [
      'DependencyNotReady, Reconciling=True/Progressing',
      dependencyNotReady,
      'progressing',
    ],
    ['Ready=Unknown while installing', chartTemplate, 'progressing'],
    ['spec.suspend', suspended, 'suspended'],
    ['observedGeneration behind generation', generationBehind, 'progressing'],
  ])('%s', (_, fixture, expected) => {
    expect(helmReleaseHealth(hr(fixture))).toBe(expected);
  });

  it('is progressing, never failed, without status', () => {
    const fresh = hr(installSucceeded);
    delete fresh.status;
    expect(helmReleaseHealth(fresh)).toBe('progressing');
  });

  it('ignores Remediated when the status describes an older generation', () => {
    const edited = hr(remediated);
    edited.metadata.generation = 6;
    expect(helmReleaseHealth(edited)).toBe('progressing');
  });

  it('is degraded when tests fail (TestSuccess=False folded into Ready)', () => {
    const tested = hr(upgradeSucceeded);
    tested.spec!.test = { enable: true };
    tested.status!.conditions = [
      {
        type: 'Ready',
        status: 'False',
        reason: 'TestFailed',
        message:
          'Helm test failed for release platform-mesh-system/iam-service.v3 with chart iam-service@0.5.2: pod iam-service-test failed',
        observedGeneration: 4,
      },
      {
        type: 'TestSuccess',
        status: 'False',
        reason: 'TestFailed',
        message:
          'Helm test failed for release platform-mesh-system/iam-service.v3 with chart iam-service@0.5.2: pod iam-service-test failed',
        observedGeneration: 4,
      },
    ];
    expect(helmReleaseHealth(tested)).toBe('degraded');
  });
});

describe('describeHelmRelease', () => {
  it('describes recorded B7 with since when it fails', () => {
    expect(describeHelmRelease(hr(restClientErrorB7))).toEqual({
      lastAttemptedRevision: '0.1.0',
      kind: 'HelmRelease',
      name: 'demo-cm',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'RESTClientError',
      message:
        'could not get KubeConfig secret \'platform-mesh-system/platform-mesh-runtime-secret\': secrets "platform-mesh-runtime-secret" not found',
      chart: 'demo-cm',
      version: '0.1.0',
      appVersion: '1.0',
      revision: 1,
      suspended: false,
      lastTransitionTime: '2026-12-01T19:30:03Z',
      targetsRemoteCluster: true,
    });
  });

  it('describes recorded B1, which names no chart before its first install', () => {
    expect(describeHelmRelease(hr(artifactFailedB1))).toEqual({
      chartSource: 'OCIRepository/cert-manager',
      kind: 'HelmRelease',
      name: 'cert-manager',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'ArtifactFailed',
      message:
        'could not get Source object: OCIRepository.source.toolkit.fluxcd.io "cert-manager" not found',
      suspended: false,
      lastTransitionTime: '2026-12-01T19:17:36Z',
      targetsRemoteCluster: true,
    });
  });

  it('counts the failed attempts of a release retrying an install', () => {
    expect(describeHelmRelease(hr(installFailed))).toMatchObject({
      name: 'portal',
      health: 'degraded',
      reason: 'InstallFailed',
      lastTransitionTime: '2026-11-20T09:17:00Z',
      failures: 3,
    });
  });

  it('describes an installed release from status.history[0]', () => {
    expect(describeHelmRelease(hr(installSucceeded))).toEqual({
      chartSource: 'OCIRepository/cert-manager',
      lastAttemptedRevision:
        'v1.16.2@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
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
    });
  });

  it('takes reason and message from Remediated after a rollback', () => {
    expect(describeHelmRelease(hr(remediated))).toEqual({
      chartSource: 'OCIRepository/iam-service',
      lastAttemptedRevision:
        '0.6.0@sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef',
      kind: 'HelmRelease',
      name: 'iam-service',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'RollbackSucceeded',
      message:
        'Helm rollback to previous release platform-mesh-system/iam-service.v3 with chart iam-service@0.5.2 succeeded',
      chart: 'iam-service',
      version: '0.5.2',
      appVersion: '0.5.2',
      revision: 5,
      suspended: false,
      lastTransitionTime: '2026-11-20T09:49:30Z',
      failures: 1,
      targetsRemoteCluster: true,
    });
  });

  it('takes reason from Stalled and appends the last error when stalled', () => {
    expect(describeHelmRelease(hr(retriesExceeded))).toEqual({
      chartSource: 'OCIRepository/keycloak',
      lastAttemptedRevision: '24.0.1',
      kind: 'HelmRelease',
      name: 'keycloak',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'RetriesExceeded',
      message:
        'Failed to upgrade after 4 attempt(s) — Helm upgrade failed for release platform-mesh-system/keycloak with chart keycloak@24.0.1: context deadline exceeded',
      chart: 'keycloak',
      version: '24.0.0',
      appVersion: '26.0.5',
      revision: 10,
      suspended: false,
      lastTransitionTime: '2026-11-20T09:45:00Z',
      failures: 4,
      targetsRemoteCluster: true,
    });
  });

  it('falls back to spec.chart.spec without history and flags a missing kubeConfig', () => {
    expect(describeHelmRelease(hr(chartTemplate))).toEqual({
      lastAttemptedRevision: '0.30.1',
      kind: 'HelmRelease',
      name: 'etcd-druid',
      namespace: 'platform-mesh-system',
      health: 'progressing',
      reason: 'Progressing',
      message: "Running 'install' action with timeout of 5m0s",
      chart: 'etcd-druid',
      version: '0.30.1',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:01:10Z',
      targetsRemoteCluster: false,
    });
  });

  it('names no chart for a chartRef release that never installed', () => {
    expect(describeHelmRelease(hr(artifactFailed))).toEqual({
      chartSource: 'OCIRepository/openfga',
      kind: 'HelmRelease',
      name: 'openfga',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'ArtifactFailed',
      message:
        'could not get Source object: OCIRepository.source.toolkit.fluxcd.io "openfga" not found',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:01:05Z',
      targetsRemoteCluster: true,
    });
  });

  it('marks a suspended release that was never reconciled', () => {
    expect(describeHelmRelease(hr(suspended))).toEqual({
      chartSource: 'OCIRepository/marketplace-ui',
      kind: 'HelmRelease',
      name: 'marketplace-ui',
      namespace: 'platform-mesh-system',
      health: 'suspended',
      suspended: true,
      targetsRemoteCluster: true,
    });
  });
});
