/*
 * A clean shutdown against the real API servers: the whole plugin in a test backend, and the status
 * cache on its own (every watch of a target, named Secret watches included), stop without a single
 * warning, however the stop races with watches being opened.
 */
import diagnostics from 'node:diagnostics_channel';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import {
  clusterEntry,
  devClusters,
  ROLES,
} from '@internal/dev-clusters/lib/testing';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { ClusterTransport } from '../cache/ClusterTransport';
import { InformerPool } from '../cache/InformerPool';
import { StatusCache } from '../cache/StatusCache';
import { platformMeshPlugin } from '../plugin';

jest.setTimeout(30_000);

function backend() {
  const dev = devClusters();
  const clusters = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: ROLES.map(role =>
            clusterEntry(`pm-${role}`, role, 'backstage'),
          ),
          targets: [
            {
              name: 'dev',
              operatorCluster: 'pm-operator',
              runtimeCluster: 'pm-runtime',
              infraCluster: 'pm-infra',
              deploymentTechnology: 'fluxcd',
              runtimeServerUrl: dev.runtime.url,
            },
          ],
        },
      }),
    ),
  });
  const logger = mockServices.logger.mock();
  const pool = new InformerPool({
    logger,
    transportFactory: (cluster, spec) =>
      new ClusterTransport(
        async () => clusters.getClient(cluster),
        cluster,
        spec,
      ),
  });
  const cache = new StatusCache({
    targets: clusters.listTargets(),
    pool,
    logger,
  });
  // what the plugin's shutdown hook does
  const shutdown = async () => {
    await cache.stop();
    clusters.close();
  };
  return { cache, pool, logger, shutdown };
}

const settle = () => new Promise(r => setTimeout(r, 500));

describe('shutdown', () => {
  it('the plugin in a backend: stopping the backend logs no warning about lost watches', async () => {
    const logger = mockServices.rootLogger.mock();
    logger.child.mockReturnValue(logger);
    const backendUnderTest = await startTestBackend({
      features: [
        platformMeshPlugin,
        catalogServiceMock.factory(),
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            platformMesh: {
              clusters: ROLES.map(role =>
                clusterEntry(`pm-${role}`, role, 'backstage'),
              ),
              targets: [
                {
                  name: 'dev',
                  operatorCluster: 'pm-operator',
                  runtimeCluster: 'pm-runtime',
                  infraCluster: 'pm-infra',
                  deploymentTechnology: 'fluxcd',
                  runtimeServerUrl: devClusters().runtime.url,
                },
              ],
            },
          },
        }),
      ],
    });
    // let every watch open (the first lists take well under a second on loopback)
    await new Promise(r => setTimeout(r, 2_000));
    logger.warn.mockClear();
    // every request sent to a cluster once the shutdown has begun
    const sentDuringShutdown: string[] = [];
    const onRequest = (message: any) =>
      sentDuringShutdown.push(String(message.request?.path));
    diagnostics.subscribe('http.client.request.start', onRequest);
    try {
      await backendUnderTest.stop();
      await settle();
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
    }
    const warnings = logger.warn.mock.calls.map(c => String(c[0]));
    expect(warnings.filter(w => w.includes('cannot read'))).toEqual([]);
    expect(logger.error).not.toHaveBeenCalled();
    // no watch is opened again after the clients were closed (it would break at once)
    expect(sentDuringShutdown).toEqual([]);
  });

  it('logs nothing at warn or error level after every watch is open', async () => {
    const { cache, pool, logger, shutdown } = backend();
    cache.start();
    const target = cache.getTarget('dev')!;
    for (let i = 0; i < 200; i++) {
      if (cache.listInstances(target).runtime.reachable && pool.size() > 8)
        break;
      await new Promise(r => setTimeout(r, 50));
    }
    await settle();
    expect(pool.size()).toBeGreaterThan(8);
    await shutdown();
    await settle();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs nothing when stopped while the watches are still being opened', async () => {
    const { cache, logger, shutdown } = backend();
    cache.start();
    await new Promise(r => setTimeout(r, 30));
    await shutdown();
    await settle();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });
});
