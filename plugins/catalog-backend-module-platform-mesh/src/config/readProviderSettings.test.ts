import { mockServices } from '@backstage/backend-test-utils';
import {
  readPlatformMeshConfig,
  type PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  DEFAULT_PLATFORM_MESH_PROVIDER_SCHEDULE,
  readProviderSettings,
} from './readProviderSettings';

const platformMesh = {
  clusters: [
    { name: 'c1', url: 'https://127.0.0.1:1', serviceAccountToken: 't' },
  ],
  targets: [
    {
      name: 'dev',
      operatorCluster: 'c1',
      runtimeCluster: 'c1',
      deploymentTechnology: 'fluxcd',
      namespaces: ['pm-*'],
    },
    {
      name: 'prod',
      operatorCluster: 'c1',
      runtimeCluster: 'c1',
      deploymentTechnology: 'fluxcd',
    },
  ],
};

function read(providerConfig?: object) {
  const config = mockServices.rootConfig({
    data: {
      platformMesh,
      ...(providerConfig
        ? { catalog: { providers: { platformMesh: providerConfig } } }
        : {}),
    },
  });
  const targets: PlatformMeshTarget[] = readPlatformMeshConfig(config).targets;
  return readProviderSettings(config, targets);
}

describe('readProviderSettings', () => {
  it('defaults to every target, the default owner, pattern and schedule', () => {
    const settings = read();
    expect(settings.targets.map(t => t.name)).toEqual(['dev', 'prod']);
    expect(settings).toMatchObject({
      defaultOwner: 'group:default/platform-team',
      namePattern: '{target}-{namespace}-{name}',
      clusterEntities: true,
      schedule: DEFAULT_PLATFORM_MESH_PROVIDER_SCHEDULE,
    });
  });

  it('reads targets, owner, pattern, cluster entities and schedule', () => {
    const settings = read({
      targets: ['prod'],
      defaultOwner: 'group:default/guests',
      namePattern: 'pm-{name}',
      clusterEntities: false,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    });
    expect(settings.targets.map(t => t.name)).toEqual(['prod']);
    expect(settings).toMatchObject({
      defaultOwner: 'group:default/guests',
      namePattern: 'pm-{name}',
      clusterEntities: false,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    });
  });

  it('refuses what would emit wrong or colliding entities, naming the key', () => {
    expect(() => read({ targets: ['nope'] })).toThrow(
      /catalog\.providers\.platformMesh\.targets names "nope"/,
    );
    expect(() => read({ defaultOwner: 'not an owner' })).toThrow(
      /defaultOwner "not an owner" has an invalid name/,
    );
    expect(() => read({ namePattern: '{namespace}-x' })).toThrow(
      /must contain \{name\} and \{target\}/,
    );
    expect(() => read({ targets: ['dev'], namePattern: '{name}' })).toThrow(
      /\{namespace\} \(a target allows several namespaces\)/,
    );
    expect(read({ targets: ['prod'], namePattern: '{name}' }).namePattern).toBe(
      '{name}',
    );
  });
});
