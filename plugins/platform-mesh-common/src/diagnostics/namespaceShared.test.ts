import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { buildInstanceStatus } from '../status/buildInstanceStatus';
import { namespaceSharedRule } from './namespaceShared';

describe('namespace-shared', () => {
  it('finds nothing when the instance is alone in its namespace', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    expect(namespaceSharedRule.evaluate(snapshot)).toEqual([]);
    snapshot.runtime.otherPlatformMeshes = [];
    expect(namespaceSharedRule.evaluate(snapshot)).toEqual([]);
  });

  it('warns, naming the other PlatformMesh and that the releases are ambiguous', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.runtime.otherPlatformMeshes = ['platform-mesh-b'];
    expect(namespaceSharedRule.evaluate(snapshot)).toEqual([
      {
        id: 'namespace-shared',
        severity: 'warning',
        cluster: 'runtime',
        summary:
          'PlatformMesh platform-mesh shares namespace platform-mesh-system with PlatformMesh platform-mesh-b',
        detail: expect.stringContaining(
          'which release belongs to which instance is ambiguous',
        ),
        hint: expect.stringContaining('one PlatformMesh per namespace'),
      },
    ]);
  });

  it('names every other PlatformMesh, and leaves the overall health to the releases', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.runtime.otherPlatformMeshes = ['b', 'c'];
    const status = buildInstanceStatus(snapshot);
    expect(status.diagnostics.map(d => d.summary)).toEqual([
      'PlatformMesh platform-mesh shares namespace platform-mesh-system with PlatformMeshes b and c',
    ]);
    expect(status.instance.overall).toBe('healthy');
  });

  it('says nothing when the runtime PlatformMeshes could not be read', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.runtime.otherPlatformMeshes = ['b'];
    snapshot.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unreachable', message: 'down' },
    };
    expect(namespaceSharedRule.evaluate(snapshot)).toEqual([]);
  });
});
