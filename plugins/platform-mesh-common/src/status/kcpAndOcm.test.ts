import platformMeshReady from '../health/__fixtures__/platformmesh-ready.json';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { SNAPSHOT_RESOURCES, type InstanceSnapshot } from '../snapshot';
import { buildInstanceStatus } from './buildInstanceStatus';

const flux = () => loadSnapshot('snapshot-fluxcd-remote-healthy');

function ocmResource(
  name: string,
  namespace: string,
  readyStatus: 'True' | 'False',
): any {
  return {
    apiVersion: 'delivery.ocm.software/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace, generation: 1 },
    spec: { resource: { byReference: { resource: { name: 'chart' } } } },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: 'Ready',
          status: readyStatus,
          reason: readyStatus === 'True' ? 'Succeeded' : 'GetResourceFailed',
          message: 'm',
          observedGeneration: 1,
        },
      ],
    },
  };
}

function withOcm(snapshot: InstanceSnapshot, resources: any[]) {
  snapshot.runtime.ocmResources = resources;
  return snapshot;
}

describe('kcp workspaces in the status answer', () => {
  it('carries status.kcpWorkspaces as the operator wrote it', () => {
    const snapshot = flux();
    snapshot.runtime.platformMesh = platformMeshReady as any;
    const status = buildInstanceStatus(snapshot);
    expect(status.kcpWorkspaces).toEqual(
      (platformMeshReady as any).status.kcpWorkspaces,
    );
    expect(status.kcpWorkspaces?.length).toBeGreaterThan(0);
  });

  it('is absent when the operator wrote none, and drops malformed entries', () => {
    const snapshot = flux();
    delete (snapshot.runtime.platformMesh as any).status.kcpWorkspaces;
    expect(buildInstanceStatus(snapshot)).not.toHaveProperty('kcpWorkspaces');
    (snapshot.runtime.platformMesh as any).status.kcpWorkspaces = [
      { name: 'root:orgs', phase: 'Ready' },
      { name: 7, phase: 'Ready' },
      'nonsense',
    ];
    expect(buildInstanceStatus(snapshot).kcpWorkspaces).toEqual([
      { name: 'root:orgs', phase: 'Ready' },
    ]);
  });
});

describe('OCM Resources in the status answer', () => {
  it("lists the namespace's Resources, problems first, and leaves overall alone", () => {
    const ns = flux().ref.namespace;
    const status = buildInstanceStatus(
      withOcm(flux(), [
        ocmResource('portal-chart', ns, 'True'),
        ocmResource('iam-chart', ns, 'False'),
        ocmResource('elsewhere-chart', 'other-namespace', 'False'),
      ]),
    );
    expect(status.ocmResources?.map(r => [r.name, r.health])).toEqual([
      ['iam-chart', 'degraded'],
      ['portal-chart', 'healthy'],
    ]);
    // informational: a failing OCM Resource does not change the instance's health
    expect(status.instance.overall).toBe('healthy');
    expect(status).not.toHaveProperty('ocmResourcesError');
  });

  it('is an empty list when none exist, and absent when they were not read', () => {
    expect(buildInstanceStatus(withOcm(flux(), [])).ocmResources).toEqual([]);
    expect(buildInstanceStatus(flux())).not.toHaveProperty('ocmResources');
  });

  it.each(['forbidden', 'crd-missing'] as const)(
    'when the list is %s: absent with the reason, runtime still read, overall unchanged',
    type => {
      const snapshot = withOcm(flux(), []);
      snapshot.clusters.runtime = {
        ...snapshot.clusters.runtime,
        resourceErrors: [
          {
            type,
            resource: SNAPSHOT_RESOURCES.ocmResources,
            message: `resources.delivery.ocm.software: ${type}`,
          },
        ],
      };
      const status = buildInstanceStatus(snapshot);
      expect(status).not.toHaveProperty('ocmResources');
      expect(status.ocmResourcesError).toMatchObject({
        type,
        resource: SNAPSHOT_RESOURCES.ocmResources,
      });
      expect(status.clusters.runtime).not.toHaveProperty('error');
      expect(status.clusters.runtime.reachable).toBe(true);
      expect(status.instance.overall).toBe('healthy');
      expect(status.diagnostics.map(d => d.id)).not.toContain('read-failed');
    },
  );

  it("a required list's error still stands for the runtime cluster next to an OCM one", () => {
    const snapshot = withOcm(flux(), []);
    snapshot.clusters.runtime = {
      ...snapshot.clusters.runtime,
      resourceErrors: [
        {
          type: 'forbidden',
          resource: SNAPSHOT_RESOURCES.ocmResources,
          message: 'ocm forbidden',
        },
        {
          type: 'forbidden',
          resource: SNAPSHOT_RESOURCES.configMaps,
          message: 'configmaps forbidden',
        },
      ],
    };
    const status = buildInstanceStatus(snapshot);
    expect(status.clusters.runtime.error?.resource).toBe(
      SNAPSHOT_RESOURCES.configMaps,
    );
    expect(status.instance.overall).toBe('unknown');
  });

  it('is absent with the cluster error when the runtime cluster is unreachable', () => {
    const snapshot = withOcm(flux(), [
      ocmResource('portal-chart', flux().ref.namespace, 'True'),
    ]);
    snapshot.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    const status = buildInstanceStatus(snapshot);
    expect(status).not.toHaveProperty('ocmResources');
    expect(status.ocmResourcesError?.type).toBe('unreachable');
  });
});
