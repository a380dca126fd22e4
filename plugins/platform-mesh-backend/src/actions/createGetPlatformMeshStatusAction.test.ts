import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import { devTarget, healthyClusters } from '../__testUtils__/fixtures';
import { InformerPool } from '../cache/InformerPool';
import { StatusCache } from '../cache/StatusCache';
import { InstanceAuthorizer } from '../service/InstanceAuthorizer';
import { createGetPlatformMeshStatusAction } from './createGetPlatformMeshStatusAction';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

describe('get-platform-mesh-status', () => {
  let cache: StatusCache;
  let registry: ReturnType<typeof actionsRegistryServiceMock>;

  beforeEach(async () => {
    const clusters = new FakeClusters();
    for (const [cluster, objects] of Object.entries(healthyClusters())) {
      clusters.set(cluster, objects);
    }
    const logger = mockServices.logger.mock();
    cache = new StatusCache({
      targets: [devTarget],
      pool: new InformerPool({
        transportFactory: clusters.transportFactory,
        logger,
        backoffMs: () => 60_000,
      }),
      logger,
    });
    cache.start();
    await settle();
    registry = actionsRegistryServiceMock();
    createGetPlatformMeshStatusAction({
      actionsRegistry: registry,
      cache,
      authorizer: new InstanceAuthorizer({
        permissions: mockServices.permissions.mock({
          authorizeConditional: async reqs =>
            reqs.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
        }),
        catalog: catalogServiceMock(),
      }),
    });
  });
  afterEach(async () => cache.stop());

  const invoke = (instance: string) =>
    registry.invoke({
      id: 'test:get-platform-mesh-status',
      input: { instance },
      credentials: mockCredentials.user(),
    });

  it('answers the status of an existing instance', async () => {
    const { output } = (await invoke('dev/pm-healthy/platform-mesh')) as any;
    expect(output.status.instance).toMatchObject({
      name: 'platform-mesh',
      overall: 'healthy',
    });
  });

  it('answers NotFoundError for an unknown instance, with the text of the HTTP route, not a made-up status', async () => {
    await expect(
      invoke('dev/pm-healthy/no-such-instance'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No PlatformMesh pm-healthy/no-such-instance on the runtime cluster of target "dev"',
    });
  });

  it('answers NotFoundError for a namespace outside the target, naming the allowed ones', async () => {
    await expect(invoke('dev/kube-system/platform-mesh')).rejects.toMatchObject(
      {
        name: 'NotFoundError',
        message:
          'Namespace "kube-system" is not one of the namespaces of target "dev" (platform-mesh-system, pm-healthy)',
      },
    );
  });

  it('answers NotFoundError for an unknown target and InputError for a malformed ref', async () => {
    await expect(invoke('nope/a/b')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'Unknown target "nope"',
    });
    await expect(invoke('not-a-ref')).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
