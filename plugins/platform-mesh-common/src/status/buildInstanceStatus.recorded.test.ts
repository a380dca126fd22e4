import readyLeftoverA7 from '../health/__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from '../health/__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import { platformMeshHealth } from '../health';
import {
  copy,
  snapshotWithReleases,
} from '../diagnostics/__fixtures__/releaseSnapshot';
import type { PlatformMesh } from '../types/platformMesh';
import { buildInstanceStatus } from './buildInstanceStatus';

/** The recorded PlatformMesh A7 (Ready=True) with one recorded HelmRelease on the infra cluster. */
function snapshotWith(release: unknown) {
  const snapshot = snapshotWithReleases(release);
  snapshot.runtime.platformMesh = copy<PlatformMesh>(readyLeftoverA7);
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
