import type { KubernetesObject } from '../types/kubernetes';
import { buildInstanceEntity, type CatalogTarget } from './instanceEntity';

const target: CatalogTarget = {
  name: 'dev',
  operatorCluster: 'pm-operator',
  runtimeCluster: 'pm-runtime',
  infraCluster: 'pm-infra',
  operatorIsInfra: false,
  deploymentTechnology: 'fluxcd',
  namespace: 'platform-mesh-system',
  namespaces: ['platform-mesh-system', 'pm-*'],
};

const options = {
  defaultOwner: 'group:default/platform-team',
  location: 'platform-mesh:dev',
};

function platformMesh(
  annotations: Record<string, string> = {},
  extra: Partial<KubernetesObject> = {},
): KubernetesObject {
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: {
      name: 'platform-mesh',
      namespace: 'pm-healthy',
      uid: 'u1',
      resourceVersion: '7',
      annotations,
    },
    spec: {
      exposure: {
        baseDomain: 'portal.example.com',
        port: 443,
        protocol: 'https',
      },
    },
    ...extra,
  };
}

describe('buildInstanceEntity', () => {
  it('builds the instance entity of the contract', () => {
    const result = buildInstanceEntity(
      platformMesh({
        'platform-mesh.io/owner': 'group:default/team-a',
        'platform-mesh.io/source-template':
          'template:default/platform-mesh-remote',
      }),
      target,
      options,
    );
    expect(result).toEqual({
      type: 'entity',
      ref: { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' },
      warnings: [],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'dev-pm-healthy-platform-mesh',
          namespace: 'default',
          title: 'platform-mesh (dev/pm-healthy)',
          description:
            'Platform Mesh instance platform-mesh in namespace pm-healthy of target dev (fluxcd): operator cluster pm-operator, runtime cluster pm-runtime, infra cluster pm-infra.',
          annotations: {
            'platform-mesh.io/instance': 'dev/pm-healthy/platform-mesh',
            'backstage.io/managed-by-location': 'platform-mesh:dev',
            'backstage.io/managed-by-origin-location': 'platform-mesh:dev',
            'backstage.io/source-template':
              'template:default/platform-mesh-remote',
          },
          tags: ['platform-mesh', 'fluxcd'],
          links: [
            {
              url: 'https://portal.example.com',
              title: 'Portal',
              icon: 'dashboard',
            },
          ],
        },
        spec: {
          type: 'platform-mesh-instance',
          owner: 'group:default/team-a',
          dependsOn: [
            'resource:default/pm-operator',
            'resource:default/pm-runtime',
            'resource:default/pm-infra',
          ],
        },
      },
    });
  });

  it('uses the default owner without the annotation, and the name pattern', () => {
    const result = buildInstanceEntity(platformMesh(), target, {
      ...options,
      namePattern: 'pm-{namespace}',
    });
    if (result.type !== 'entity') throw new Error('expected an entity');
    expect(result.entity.spec.owner).toBe('group:default/platform-team');
    expect(result.entity.metadata.name).toBe('pm-pm-healthy');
    expect(
      result.entity.metadata.annotations['backstage.io/source-template'],
    ).toBeUndefined();
  });

  it('falls back to the default owner for an owner that is no entity ref, and says so', () => {
    const result = buildInstanceEntity(
      platformMesh({
        'platform-mesh.io/owner': 'team a!',
        'platform-mesh.io/source-template': 'component:default/x',
      }),
      target,
      options,
    );
    if (result.type !== 'entity') throw new Error('expected an entity');
    expect(result.entity.spec.owner).toBe('group:default/platform-team');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /platform-mesh\.io\/owner "team a!".*group:default\/platform-team/,
      ),
      expect.stringMatching(
        /source-template "component:default\/x".*not copied/,
      ),
    ]);
    expect(
      result.entity.metadata.annotations['backstage.io/source-template'],
    ).toBeUndefined();
  });

  it('skips GitOps instances, whose entity comes from the repository', () => {
    expect(
      buildInstanceEntity(
        platformMesh({ 'platform-mesh.io/catalog-entity': 'repository' }),
        target,
        options,
      ),
    ).toEqual({
      type: 'skipped',
      ref: { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' },
      reason: 'repository',
    });
    const other = buildInstanceEntity(
      platformMesh({ 'platform-mesh.io/catalog-entity': 'provider' }),
      target,
      options,
    );
    expect(other.type).toBe('entity');
  });

  it('skips namespaces the target does not allow, and other kinds', () => {
    const outside = platformMesh();
    outside.metadata.namespace = 'team-x';
    expect(buildInstanceEntity(outside, target, options)).toMatchObject({
      type: 'skipped',
      reason: 'namespace',
    });
    expect(
      buildInstanceEntity(
        platformMesh({}, { apiVersion: 'deploy.platform-mesh.io/v1alpha1' }),
        target,
        options,
      ),
    ).toEqual({ type: 'skipped', reason: 'not-a-platform-mesh' });
    // without `namespaces`, the target allows its own namespace only
    const { namespaces: _, ...single } = target;
    expect(buildInstanceEntity(platformMesh(), single, options)).toMatchObject({
      reason: 'namespace',
    });
  });

  it('depends on each cluster once when Operator == Infra, and says so', () => {
    const colocated: CatalogTarget = {
      ...target,
      infraCluster: 'pm-operator',
      operatorIsInfra: true,
    };
    const result = buildInstanceEntity(platformMesh(), colocated, options);
    if (result.type !== 'entity') throw new Error('expected an entity');
    expect(result.entity.spec.dependsOn).toEqual([
      'resource:default/pm-operator',
      'resource:default/pm-runtime',
    ]);
    expect(result.entity.metadata.description).toMatch(
      /operator and infra cluster pm-operator, runtime cluster pm-runtime/,
    );
  });

  it('does not change with the status, so status updates cause no catalog writes', () => {
    const a = buildInstanceEntity(platformMesh(), target, options);
    const b = buildInstanceEntity(
      platformMesh(
        {},
        {
          metadata: {
            name: 'platform-mesh',
            namespace: 'pm-healthy',
            resourceVersion: '8',
            annotations: {},
          },
          status: { conditions: [{ type: 'Ready', status: 'True' }] },
        },
      ),
      target,
      options,
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
