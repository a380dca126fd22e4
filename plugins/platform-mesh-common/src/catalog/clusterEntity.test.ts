import type { TargetSummary } from '../types/status';
import { buildClusterEntities, clusterEntityRef } from './clusterEntity';

const dev: TargetSummary = {
  name: 'dev',
  operatorCluster: 'pm-operator',
  runtimeCluster: 'pm-runtime',
  infraCluster: 'pm-infra',
  operatorIsInfra: false,
  deploymentTechnology: 'fluxcd',
  namespace: 'platform-mesh-system',
};
const colocated: TargetSummary = {
  ...dev,
  name: 'colocated',
  operatorCluster: 'pm-infra',
  infraCluster: 'pm-infra',
  operatorIsInfra: true,
};

describe('buildClusterEntities', () => {
  const options = {
    owner: 'group:default/platform-team',
    location: 'platform-mesh:clusters',
  };

  it('emits each cluster once, saying which role it plays for which target', () => {
    const entities = buildClusterEntities([dev, colocated], options);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'pm-operator',
      'pm-runtime',
      'pm-infra',
    ]);
    expect(entities[2]).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'pm-infra',
        namespace: 'default',
        title: 'pm-infra',
        description:
          'Kubernetes cluster "pm-infra" of Platform Mesh: infra cluster of dev, colocated; operator cluster of colocated.',
        annotations: {
          'backstage.io/managed-by-location': 'platform-mesh:clusters',
          'backstage.io/managed-by-origin-location': 'platform-mesh:clusters',
        },
        tags: ['platform-mesh', 'kubernetes'],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/platform-team',
      },
    });
    expect(entities[1].metadata.description).toBe(
      'Kubernetes cluster "pm-runtime" of Platform Mesh: runtime cluster of dev, colocated.',
    );
  });

  it('names the entity the way instances refer to it', () => {
    const [entity] = buildClusterEntities(
      [{ ...dev, operatorCluster: 'Team Cluster/1' }],
      options,
    );
    expect(entity.metadata.name).toBe('Team-Cluster-1');
    expect(clusterEntityRef('Team Cluster/1')).toBe(
      'resource:default/Team-Cluster-1',
    );
  });
});
