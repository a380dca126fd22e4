import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { PlatformMesh } from '../types/platformMesh';
import { crOnWrongClusterRule } from './crOnWrongCluster';

function copyOfInstance(
  snapshot: ReturnType<typeof loadSnapshot>,
): PlatformMesh {
  const pm = JSON.parse(
    JSON.stringify(snapshot.runtime.platformMesh),
  ) as PlatformMesh;
  delete pm.status;
  return pm;
}

describe('cr-on-wrong-cluster', () => {
  it('finds nothing when the PlatformMesh is only on the runtime cluster', () => {
    expect(
      crOnWrongClusterRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports a PlatformMesh applied to the operator cluster instead of the runtime cluster', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.platformMeshes = [copyOfInstance(snapshot)];
    delete snapshot.runtime.platformMesh;
    expect(crOnWrongClusterRule.evaluate(snapshot)).toEqual([
      {
        id: 'cr-on-wrong-cluster',
        severity: 'error',
        cluster: 'operator',
        summary:
          'PlatformMesh platform-mesh is on the operator cluster, not on the runtime cluster',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh exists on the operator cluster "operator" but not on the runtime cluster "runtime". The remote operator watches PlatformMeshes only on the runtime cluster, so it never reconciles this one.',
        hint: 'Apply the PlatformMesh and its profile ConfigMap to the runtime cluster, then remove the copy from the operator cluster (kubectl delete -n platform-mesh-system platformmeshes.core.platform-mesh.io/platform-mesh). Deleting a PlatformMesh does not remove what the operator created from it.',
      },
    ]);
  });

  it('warns about a second copy on the infra cluster next to the runtime one', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.platformMeshes = [copyOfInstance(snapshot)];
    expect(crOnWrongClusterRule.evaluate(snapshot)).toEqual([
      {
        id: 'cr-on-wrong-cluster',
        severity: 'warning',
        cluster: 'infra',
        summary:
          'A second PlatformMesh platform-mesh exists on the infra cluster',
        detail:
          'PlatformMesh platform-mesh-system/platform-mesh exists on the runtime cluster "runtime" and also on the infra cluster "infra". An operator reconciling the infra cluster would deploy a second copy from it.',
        hint: "Remove the copy from the infra cluster (kubectl delete -n platform-mesh-system platformmeshes.core.platform-mesh.io/platform-mesh); the runtime cluster's PlatformMesh is the one the remote operator uses.",
      },
    ]);
  });

  it('reports a PlatformMesh found nowhere as missing on the runtime cluster', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.runtime.platformMesh;
    expect(crOnWrongClusterRule.evaluate(snapshot)).toEqual([
      {
        id: 'cr-on-wrong-cluster',
        severity: 'error',
        cluster: 'runtime',
        summary: 'PlatformMesh platform-mesh not found on the runtime cluster',
        detail:
          'No PlatformMesh platform-mesh-system/platform-mesh (core.platform-mesh.io) exists on the runtime cluster "runtime", nor on the other clusters that could be read.',
        hint: "Apply the PlatformMesh and its profile ConfigMap to the runtime cluster (the platform-mesh:apply action does both), or correct the entity's platform-mesh.io/instance annotation if the instance has another name or namespace.",
      },
    ]);
  });

  it('ignores other instances, the deployer kind of the same name, and a cluster shared with runtime', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const other = copyOfInstance(snapshot);
    other.metadata.name = 'other';
    const deployer = {
      ...copyOfInstance(snapshot),
      apiVersion: 'deploy.platform-mesh.io/v1alpha1',
    } as unknown as PlatformMesh;
    snapshot.operator.platformMeshes = [other, deployer];
    expect(crOnWrongClusterRule.evaluate(snapshot)).toEqual([]);

    const local = loadSnapshot('snapshot-fluxcd-remote-healthy');
    local.clusters.operator.cluster = 'runtime';
    local.operator.platformMeshes = [copyOfInstance(local)];
    expect(crOnWrongClusterRule.evaluate(local)).toEqual([]);
  });

  it('reports a copy on a cluster that is both operator and infra once', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.operator.platformMeshes = [copyOfInstance(snapshot)];
    snapshot.infra.platformMeshes = [copyOfInstance(snapshot)];
    expect(
      crOnWrongClusterRule.evaluate(snapshot).map(d => [d.severity, d.cluster]),
    ).toEqual([['warning', 'operator']]);
  });

  it('reports nothing when the runtime cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.runtime.platformMesh;
    snapshot.operator.platformMeshes = [
      copyOfInstance(loadSnapshot('snapshot-fluxcd-remote-healthy')),
    ];
    snapshot.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unauthorized', message: 'Unauthorized', statusCode: 401 },
    };
    expect(crOnWrongClusterRule.evaluate(snapshot)).toEqual([]);
  });

  it('trusts a PlatformMesh list only when it could be read; a missing CRD reads as empty', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.platformMeshes = [copyOfInstance(snapshot)];
    delete snapshot.runtime.platformMesh;
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'forbidden',
        message: 'platformmeshes.core.platform-mesh.io is forbidden',
        resource: 'platformmeshes.core.platform-mesh.io',
        statusCode: 403,
      },
    ];
    expect(
      crOnWrongClusterRule.evaluate(snapshot).map(d => [d.severity, d.cluster]),
    ).toEqual([['error', 'runtime']]);

    snapshot.infra.platformMeshes = [];
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'crd-missing',
        message: 'the server could not find the requested resource',
        resource: 'platformmeshes.core.platform-mesh.io',
        statusCode: 404,
      },
    ];
    expect(
      crOnWrongClusterRule.evaluate(snapshot).map(d => [d.severity, d.cluster]),
    ).toEqual([['error', 'runtime']]);
  });
});
