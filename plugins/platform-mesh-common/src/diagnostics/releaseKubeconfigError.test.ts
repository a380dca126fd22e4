import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from '../health/__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import { runDiagnostics } from './runDiagnostics';
import {
  failingDemoRelease,
  snapshotWithReleases,
} from './__fixtures__/releaseSnapshot';
import { releaseKubeconfigErrorRule } from './releaseKubeconfigError';

describe('release-kubeconfig-error', () => {
  it('B7 with the Secret back: stuck until the next retry, reconcile now', () => {
    const findings = releaseKubeconfigErrorRule.evaluate(
      snapshotWithReleases(restClientErrorB7),
    );
    expect(findings).toEqual([
      {
        id: 'release-kubeconfig-error',
        severity: 'error',
        cluster: 'infra',
        summary:
          'HelmRelease demo-cm is stuck on its kubeConfig Secret, which exists now',
        detail:
          'HelmRelease platform-mesh-system/demo-cm on the infra cluster "infra" has failed since 2026-12-01T19:30:03Z with RESTClientError: could not get KubeConfig secret \'platform-mesh-system/platform-mesh-runtime-secret\': secrets "platform-mesh-runtime-secret" not found. The Secret platform-mesh-system/platform-mesh-runtime-secret (key kubeconfig) exists now, but helm-controller only reads it again at its next retry, which can be many minutes away after repeated failures.',
        hint: 'Ask Flux to retry now, on the infra cluster: flux reconcile helmrelease demo-cm -n platform-mesh-system, or without the flux CLI: T=$(date +%s); kubectl -n platform-mesh-system annotate --overwrite helmreleases.helm.toolkit.fluxcd.io demo-cm reconcile.fluxcd.io/requestedAt="$T".',
      },
    ]);
  });

  it('B7 with the Secret still missing: only flux-kubeconfig-secret reports it, once', () => {
    const snapshot = snapshotWithReleases(restClientErrorB7);
    snapshot.infra.secrets = [];
    expect(releaseKubeconfigErrorRule.evaluate(snapshot)).toEqual([]);
    expect(runDiagnostics(snapshot).map(d => d.id)).toEqual([
      'flux-kubeconfig-secret',
    ]);
  });

  it('a kubeconfig that does not work from the infra cluster: check its server and credentials', () => {
    const [finding] = releaseKubeconfigErrorRule.evaluate(
      snapshotWithReleases(
        failingDemoRelease(
          'RESTClientError',
          'failed to get server groups: Get "https://10.0.0.7:6443/api": dial tcp 10.0.0.7:6443: connect: connection refused',
        ),
      ),
    );
    expect(finding.summary).toBe(
      'HelmRelease demo-cm cannot reach the runtime cluster',
    );
    expect(finding.detail).toContain('connect: connection refused');
    expect(finding.hint).toContain(
      "its server URL must be the runtime cluster's API as the infra cluster reaches it",
    );
    expect(finding.hint).toContain(
      'flux reconcile helmrelease demo-cm -n platform-mesh-system',
    );
  });

  it('B8 recovered: nothing', () => {
    expect(
      releaseKubeconfigErrorRule.evaluate(snapshotWithReleases(recoveredB8)),
    ).toEqual([]);
  });
});
