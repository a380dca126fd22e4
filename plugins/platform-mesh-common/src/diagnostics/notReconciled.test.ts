import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { notReconciledRule } from './notReconciled';

function unreconciled(createdMinutesAgo: number) {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  const pm = snapshot.runtime.platformMesh!;
  delete pm.status;
  pm.metadata.creationTimestamp = new Date(
    Date.parse(snapshot.now) - createdMinutesAgo * 60000,
  ).toISOString();
  return snapshot;
}

describe('not-reconciled', () => {
  it('finds nothing for a reconciled PlatformMesh', () => {
    expect(
      notReconciledRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('waits for the grace period before reporting a PlatformMesh without conditions', () => {
    expect(notReconciledRule.evaluate(unreconciled(1))).toEqual([]);
    expect(
      notReconciledRule.evaluate(unreconciled(5), { gracePeriodSeconds: 600 }),
    ).toEqual([]);
  });

  it('reports a PlatformMesh without conditions after the grace period', () => {
    expect(notReconciledRule.evaluate(unreconciled(5))).toEqual([
      {
        id: 'not-reconciled',
        severity: 'error',
        cluster: 'runtime',
        summary: 'The operator has not reconciled PlatformMesh platform-mesh',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh on the runtime cluster "runtime" has no conditions 5 minutes after it was created: no operator is reconciling it.',
        hint: 'Check that the operator pod runs in namespace platform-mesh-system on the operator cluster "operator" and reconciles the runtime cluster: it needs the Helm value remoteRuntime.enabled=true and the Secret platform-mesh-kubeconfig with a kubeconfig for the runtime cluster. Its logs say why it does not reconcile.',
      },
    ]);
  });

  it('names the debug label when the PlatformMesh carries it', () => {
    const snapshot = unreconciled(3);
    snapshot.runtime.platformMesh!.metadata.labels = {
      'debug.platform-mesh.io': 'alice',
    };
    expect(notReconciledRule.evaluate(snapshot)).toEqual([
      {
        id: 'not-reconciled',
        severity: 'error',
        cluster: 'runtime',
        summary:
          'The operator ignores PlatformMesh platform-mesh (label debug.platform-mesh.io)',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh on the runtime cluster "runtime" has no conditions 3 minutes after it was created. It carries the label debug.platform-mesh.io=alice, and an operator started without the matching debug label value skips every object with that label.',
        hint: 'Remove the label: kubectl -n platform-mesh-system label platformmeshes.core.platform-mesh.io platform-mesh debug.platform-mesh.io- (on the runtime cluster).',
      },
    ]);
  });

  it('reports conditions that are all stale, counting from when the new generation was seen', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.runtime.platformMesh!.metadata.generation = 2;
    snapshot.runtime.generationObservedAt = '2026-11-20T09:59:00Z';
    expect(notReconciledRule.evaluate(snapshot)).toEqual([]);

    snapshot.runtime.generationObservedAt = '2026-11-20T09:50:00Z';
    expect(notReconciledRule.evaluate(snapshot)).toEqual([
      {
        id: 'not-reconciled',
        severity: 'error',
        cluster: 'runtime',
        summary: 'The operator has not reconciled PlatformMesh platform-mesh',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh on the runtime cluster "runtime" has only conditions for generation 1 while metadata.generation is 2, 10 minutes after the change: no operator is reconciling it.',
        hint: 'Check that the operator pod runs in namespace platform-mesh-system on the operator cluster "operator" and reconciles the runtime cluster: it needs the Helm value remoteRuntime.enabled=true and the Secret platform-mesh-kubeconfig with a kubeconfig for the runtime cluster. Its logs say why it does not reconcile.',
      },
    ]);
  });

  it('does not report when some conditions are current', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const pm = snapshot.runtime.platformMesh!;
    pm.metadata.generation = 2;
    pm.status!.conditions![0].observedGeneration = 2;
    expect(notReconciledRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing for a PlatformMesh being deleted or not found', () => {
    const deleting = unreconciled(30);
    deleting.runtime.platformMesh!.metadata.deletionTimestamp =
      '2026-11-20T09:59:00Z';
    expect(notReconciledRule.evaluate(deleting)).toEqual([]);
    const gone = unreconciled(30);
    delete gone.runtime.platformMesh;
    expect(notReconciledRule.evaluate(gone)).toEqual([]);
  });

  it('reports nothing when the runtime cluster is unreachable', () => {
    const snapshot = unreconciled(30);
    snapshot.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      observedAt: '2026-11-20T09:40:00Z',
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(notReconciledRule.evaluate(snapshot)).toEqual([]);
  });
});
