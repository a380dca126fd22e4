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
import { describeHelmRelease, helmReleaseHealth } from './helmRelease';

const hr = (fixture: unknown): HelmRelease =>
  JSON.parse(JSON.stringify(fixture)) as HelmRelease;

describe('helmReleaseHealth', () => {
  it.each([
    ['InstallSucceeded', installSucceeded, 'healthy'],
    ['UpgradeSucceeded', upgradeSucceeded, 'healthy'],
    [
      'InstallFailed retried forever (ProgressingWithRetry)',
      installFailed,
      'degraded',
    ],
    ['Remediated after a failed upgrade, retrying', remediated, 'degraded'],
    ['Stalled with RetriesExceeded', retriesExceeded, 'failed'],
    ['ArtifactFailed (source not found)', artifactFailed, 'degraded'],
    ['DependencyNotReady', dependencyNotReady, 'progressing'],
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
  it('describes an installed release from status.history[0]', () => {
    expect(describeHelmRelease(hr(installSucceeded))).toEqual({
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
      suspended: false,
      lastTransitionTime: '2026-11-20T09:03:12Z',
      targetsRemoteCluster: true,
    });
  });

  it('takes reason and message from Remediated after a rollback', () => {
    expect(describeHelmRelease(hr(remediated))).toEqual({
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
      suspended: false,
      lastTransitionTime: '2026-11-20T09:49:30Z',
      targetsRemoteCluster: true,
    });
  });

  it('takes reason from Stalled and appends the last error when stalled', () => {
    expect(describeHelmRelease(hr(retriesExceeded))).toEqual({
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
      suspended: false,
      lastTransitionTime: '2026-11-20T09:45:00Z',
      targetsRemoteCluster: true,
    });
  });

  it('falls back to spec.chart.spec without history and flags a missing kubeConfig', () => {
    expect(describeHelmRelease(hr(chartTemplate))).toEqual({
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
      kind: 'HelmRelease',
      name: 'openfga',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'ArtifactFailed',
      message:
        'could not get Source object: ocirepositories.source.toolkit.fluxcd.io "openfga" not found',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:01:05Z',
      targetsRemoteCluster: true,
    });
  });

  it('marks a suspended release without status', () => {
    expect(describeHelmRelease(hr(suspended))).toEqual({
      kind: 'HelmRelease',
      name: 'marketplace-ui',
      namespace: 'platform-mesh-system',
      health: 'suspended',
      suspended: true,
      targetsRemoteCluster: true,
    });
  });
});
