import readyLeftoverA7 from '../health/__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from '../health/__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import { platformMeshHealth } from '../health';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { HelmRelease, HelmRepository } from '../types/flux';
import type { PlatformMesh } from '../types/platformMesh';
import { buildInstanceStatus } from './buildInstanceStatus';

const copy = <T>(fixture: unknown): T =>
  JSON.parse(JSON.stringify(fixture)) as T;

const demoRepository: HelmRepository = {
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'HelmRepository',
  metadata: {
    name: 'demo-cm',
    namespace: 'platform-mesh-system',
    generation: 1,
  },
  spec: { url: 'http://127.0.0.1:18080/', interval: '1m' },
  status: {
    observedGeneration: 1,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Succeeded',
        message: "stored artifact: revision 'sha256:1a2b'",
        observedGeneration: 1,
      },
    ],
  },
};

/** The recorded PlatformMesh A7 (Ready=True) with one recorded HelmRelease on the infra cluster. */
function snapshotWith(release: unknown) {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  snapshot.now = '2026-12-01T19:31:00Z';
  snapshot.runtime.platformMesh = copy<PlatformMesh>(readyLeftoverA7);
  snapshot.infra.helmReleases = [copy<HelmRelease>(release)];
  snapshot.infra.kustomizations = [];
  snapshot.infra.ociRepositories = [];
  snapshot.infra.gitRepositories = [];
  snapshot.infra.helmRepositories = [demoRepository];
  return snapshot;
}

describe('buildInstanceStatus with recorded objects', () => {
  it('A7 + B7: a release that breaks after Ready=True degrades the overall health', () => {
    const snapshot = snapshotWith(restClientErrorB7);
    expect(platformMeshHealth(snapshot.runtime.platformMesh!)).toBe('healthy');
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('degraded');
    // the snapshot holds the Secret: the release still fails on it and waits for its next retry
    expect(status.diagnostics.map(d => [d.id, d.summary])).toEqual([
      [
        'release-kubeconfig-error',
        'HelmRelease demo-cm is stuck on its kubeConfig Secret, which exists now',
      ],
    ]);
    expect(status.releases).toEqual([
      expect.objectContaining({
        name: 'demo-cm',
        health: 'degraded',
        reason: 'RESTClientError',
        lastTransitionTime: '2026-12-01T19:30:03Z',
      }),
    ]);
    expect(status.conditions.filter(c => c.leftover).map(c => c.step)).toEqual([
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
    ]);
    expect(status.instance.deletion).toBeUndefined();
  });

  it('A7 + B8: healthy again once the release recovered', () => {
    const status = buildInstanceStatus(snapshotWith(recoveredB8));
    expect(status.instance.overall).toBe('healthy');
    expect(status.releases.map(r => r.health)).toEqual(['healthy']);
  });

  it('shows the finalizers of a PlatformMesh being deleted, as the operator wrote them', () => {
    const snapshot = snapshotWith(recoveredB8);
    snapshot.runtime.platformMesh!.metadata.deletionTimestamp =
      '2026-12-01T19:30:30Z';
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.deletion).toEqual({
      since: '2026-12-01T19:30:30Z',
      finalizers: [
        'platform-mesh.core.platform-mesh.io/finalizer',
        'platform-mesh.core.platform-mesh.io/finalizer',
      ],
    });
    expect(status.instance.overall).toBe('progressing');
    expect(status.diagnostics).toEqual([]);

    snapshot.now = '2026-12-01T19:40:30Z';
    expect(buildInstanceStatus(snapshot).diagnostics.map(d => d.id)).toEqual([
      'instance-terminating',
    ]);
  });
});
