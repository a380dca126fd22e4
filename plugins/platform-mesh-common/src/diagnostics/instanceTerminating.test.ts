import readyLeftoverA7 from '../health/__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { PlatformMesh } from '../types/platformMesh';
import { instanceTerminatingRule } from './instanceTerminating';

/** The recorded A7, deleted `minutes` before the snapshot's `now`. */
function terminating(minutes: number, finalizers?: string[]) {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  const pm = JSON.parse(JSON.stringify(readyLeftoverA7)) as PlatformMesh;
  pm.metadata.deletionTimestamp = new Date(
    Date.parse(snapshot.now) - minutes * 60000,
  ).toISOString();
  if (finalizers) pm.metadata.finalizers = finalizers;
  snapshot.runtime.platformMesh = pm;
  return snapshot;
}

describe('instance-terminating', () => {
  it('finds nothing for a PlatformMesh that is not being deleted', () => {
    expect(
      instanceTerminatingRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it.each<[string, number, number | undefined]>([
    ['within the default grace period', 1, undefined],
    ['within a longer grace period', 5, 600],
  ])('waits %s', (_, minutes, gracePeriodSeconds) => {
    expect(
      instanceTerminatingRule.evaluate(terminating(minutes), {
        gracePeriodSeconds,
      }),
    ).toEqual([]);
  });

  it("warns after the grace period, naming the operator's finalizer once with its count", () => {
    expect(instanceTerminatingRule.evaluate(terminating(10))).toEqual([
      {
        id: 'instance-terminating',
        severity: 'warning',
        cluster: 'runtime',
        summary:
          'PlatformMesh platform-mesh has been terminating for 10 minutes',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh on the runtime cluster "runtime" was deleted at 2026-11-20T09:50:00.000Z and still waits for its finalizers: platform-mesh.core.platform-mesh.io/finalizer (×2).',
        hint: 'The finalizer platform-mesh.core.platform-mesh.io/finalizer is removed only by the operator\'s KcpsetupSubroutine and ProvidersecretSubroutine: the operator must be running in namespace platform-mesh-system on the operator cluster "operator" with both enabled (--subroutines-kcp-setup-enabled=true, --subroutines-provider-secret-enabled=true); its logs say why finalizing does not finish. If they stay switched off, remove the finalizers by hand: kubectl -n platform-mesh-system patch platformmeshes.core.platform-mesh.io platform-mesh --type=merge -p \'{"metadata":{"finalizers":null}}\' (on the runtime cluster). Deleting a PlatformMesh leaves its HelmReleases (infra cluster) and OCM Resources (runtime cluster) behind: delete them yourself if they are no longer needed.',
      },
    ]);
  });

  it('points at the owning controller for other finalizers', () => {
    const [finding] = instanceTerminatingRule.evaluate(
      terminating(10, ['example.com/cleanup']),
    );
    expect(finding.detail).toContain(
      'still waits for its finalizers: example.com/cleanup.',
    );
    expect(finding.hint).toMatch(
      /^Each finalizer is removed by the controller that owns it: check that controller\. Deleting a PlatformMesh leaves its HelmReleases/,
    );
  });

  it('finds nothing without finalizers or when the runtime cluster cannot be read', () => {
    expect(instanceTerminatingRule.evaluate(terminating(10, []))).toEqual([]);
    const unreadable = terminating(10);
    unreadable.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(instanceTerminatingRule.evaluate(unreadable)).toEqual([]);
  });
});
