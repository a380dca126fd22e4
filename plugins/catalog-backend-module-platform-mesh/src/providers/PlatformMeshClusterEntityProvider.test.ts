import { recordingConnection } from '../__testUtils__/fakeRuntime';
import { PlatformMeshClusterEntityProvider } from './PlatformMeshClusterEntityProvider';

const target = {
  name: 'dev',
  operatorCluster: 'pm-operator',
  runtimeCluster: 'pm-runtime',
  infraCluster: 'pm-infra',
  operatorIsInfra: false,
  deploymentTechnology: 'fluxcd' as const,
  namespace: 'platform-mesh-system',
};

describe('PlatformMeshClusterEntityProvider', () => {
  it('emits the clusters of the targets as one full mutation on connect', async () => {
    const { connection, mutations } = recordingConnection();
    const provider = new PlatformMeshClusterEntityProvider({
      targets: [
        target,
        { ...target, name: 'argo', deploymentTechnology: 'argocd' },
      ],
      owner: 'group:default/guests',
      enabled: true,
    });
    await provider.connect(connection);
    expect(provider.getProviderName()).toBe('platform-mesh:clusters');
    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    expect(
      mutations[0].entities.map((e: any) => [
        e.entity.metadata.name,
        e.entity.spec.type,
        e.entity.spec.owner,
        e.locationKey,
      ]),
    ).toEqual([
      [
        'pm-operator',
        'kubernetes-cluster',
        'group:default/guests',
        'platform-mesh:clusters',
      ],
      [
        'pm-runtime',
        'kubernetes-cluster',
        'group:default/guests',
        'platform-mesh:clusters',
      ],
      [
        'pm-infra',
        'kubernetes-cluster',
        'group:default/guests',
        'platform-mesh:clusters',
      ],
    ]);
  });

  it('emits none when the catalog has the clusters already (removing those emitted before)', async () => {
    const { connection, mutations } = recordingConnection();
    await new PlatformMeshClusterEntityProvider({
      targets: [target],
      owner: 'group:default/guests',
      enabled: false,
    }).connect(connection);
    expect(mutations).toEqual([{ type: 'full', entities: [] }]);
  });
});
