import { getInstanceRefFromEntity } from '../annotation';
import { renderInstanceCatalogEntity } from './instanceCatalogEntity';

describe('renderInstanceCatalogEntity', () => {
  const ref = { target: 'dev', namespace: 'platform-mesh-system', name: 'pm' };

  it('is the Resource the provider emits: name from the pattern, type, annotation, owner', () => {
    const entity = renderInstanceCatalogEntity({
      ref,
      owner: 'group:default/platform-team',
      sourceTemplate: 'template:default/platform-mesh-gitops',
    });
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'dev-platform-mesh-system-pm',
        namespace: 'default',
        title: 'Platform Mesh pm (dev)',
        description:
          'Platform Mesh instance platform-mesh-system/pm on target dev',
        annotations: {
          'platform-mesh.io/instance': 'dev/platform-mesh-system/pm',
          'backstage.io/source-template':
            'template:default/platform-mesh-gitops',
        },
        tags: ['platform-mesh'],
      },
      spec: {
        type: 'platform-mesh-instance',
        owner: 'group:default/platform-team',
      },
    });
    expect(getInstanceRefFromEntity(entity)).toMatchObject(ref);
  });

  it('follows the configured name pattern, or an explicit name', () => {
    expect(
      renderInstanceCatalogEntity({
        ref,
        owner: 'user:default/a',
        namePattern: 'pm-{name}',
      }).metadata.name,
    ).toBe('pm-pm');
    expect(
      renderInstanceCatalogEntity({
        ref,
        owner: 'user:default/a',
        name: 'mine',
      }).metadata.name,
    ).toBe('mine');
  });
});
