import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { summarizeInstance } from './summarizeInstance';

describe('summarizeInstance', () => {
  it('summarizes a healthy instance', () => {
    expect(
      summarizeInstance(loadSnapshot('snapshot-fluxcd-remote-healthy')),
    ).toEqual({
      target: 'dev',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh',
      overall: 'healthy',
      ready: 'True',
      annotation: 'dev/platform-mesh-system/platform-mesh',
    });
  });

  it('reports Ready as Missing when the PlatformMesh has no Ready condition or was not found', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.runtime.platformMesh!.status = { conditions: [] };
    // an hour without conditions: not-reconciled makes the progressing instance degraded
    expect(summarizeInstance(snapshot)).toEqual({
      target: 'argo',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh',
      overall: 'degraded',
      ready: 'Missing',
      annotation: 'argo/platform-mesh-system/platform-mesh',
    });
    delete snapshot.runtime.platformMesh;
    expect(summarizeInstance(snapshot).ready).toBe('Missing');
  });
});
