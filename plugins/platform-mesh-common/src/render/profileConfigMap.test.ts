import { minimalSetup } from './__fixtures__/setups';
import { renderProfileConfigMap } from './profileConfigMap';
import { renderProfile } from './profile';

describe('renderProfileConfigMap', () => {
  it('renders <name>-profile in the instance namespace with key profile.yaml', () => {
    const setup = minimalSetup();
    expect(renderProfileConfigMap(setup)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'platform-mesh-profile',
        namespace: 'platform-mesh-system',
        labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
      },
      data: { 'profile.yaml': renderProfile(setup) },
    });
  });

  it('uses the custom name and namespace', () => {
    const setup = {
      ...minimalSetup(),
      profileConfigMapName: 'shared',
      profileConfigMap: { namespace: 'profiles' },
    };
    const cm = renderProfileConfigMap(setup, 'infra: {}\n');
    expect(cm.metadata).toEqual({
      name: 'shared',
      namespace: 'profiles',
      labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
    });
    expect(cm.data).toEqual({ 'profile.yaml': 'infra: {}\n' });
  });
});
