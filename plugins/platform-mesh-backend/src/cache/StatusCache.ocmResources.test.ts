/*
 * The cache watches OCM Resources on the runtime cluster and joins them to the instance by
 * namespace; a Resource list it cannot read leaves them out with the reason, without making the
 * runtime cluster unread or the instance unknown.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import { devTarget, healthyClusters } from '../__testUtils__/fixtures';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';

const ref = { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' };
const OCM = 'resources.delivery.ocm.software';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

function ocmResource(name: string, namespace: string, ready: string) {
  return {
    apiVersion: 'delivery.ocm.software/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace,
      generation: 1,
      labels: { artifact: 'chart', repo: 'oci' },
      managedFields: [{ manager: 'platform-mesh-deployment' }],
    },
    spec: { resource: { byReference: { resource: { name: 'chart' } } } },
    status: {
      observedGeneration: 1,
      conditions: [
        { type: 'Ready', status: ready, reason: 'R', observedGeneration: 1 },
      ],
      resource: { name: 'chart', type: 'helmChart', version: '1.2.3' },
    },
  };
}

async function cacheWith(setup: (clusters: FakeClusters) => void) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(healthyClusters()))
    clusters.set(cluster, objects);
  setup(clusters);
  const logger = mockServices.logger.mock();
  const cache = new StatusCache({
    targets: [devTarget],
    pool: new InformerPool({
      transportFactory: clusters.transportFactory,
      logger,
      backoffMs: () => 60_000,
    }),
    logger,
    now: () => new Date('2026-11-25T07:00:00Z'),
  });
  cache.start();
  await settle();
  return { cache, clusters };
}

describe('StatusCache: OCM Resources', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it("shows the instance namespace's Resources and follows their changes", async () => {
    const s = await cacheWith(c => {
      c.upsert('pm-runtime', ocmResource('portal-chart', 'pm-healthy', 'True'));
      c.upsert('pm-runtime', ocmResource('other-chart', 'pm-other', 'False'));
    });
    cache = s.cache;
    const status = s.cache.requireStatus(ref);
    expect(status.ocmResources).toEqual([
      {
        name: 'portal-chart',
        namespace: 'pm-healthy',
        health: 'healthy',
        reason: 'R',
        resourceName: 'chart',
        version: '1.2.3',
      },
    ]);
    expect(status.instance.overall).toBe('healthy');

    s.clusters.upsert(
      'pm-runtime',
      ocmResource('portal-chart', 'pm-healthy', 'False'),
    );
    await settle();
    const changed = s.cache.requireStatus(ref);
    expect(changed.ocmResources?.[0].health).toBe('degraded');
    // informational: the instance stays healthy
    expect(changed.instance.overall).toBe('healthy');
  });

  it.each([
    ['forbidden', 403],
    ['crd-missing', 404],
  ] as const)(
    'a %s Resource list: absent with the reason, runtime read, overall healthy',
    async (type, statusCode) => {
      const s = await cacheWith(c =>
        c.fail(
          'pm-runtime',
          { type, statusCode, message: `${OCM}: ${type}` },
          OCM,
        ),
      );
      cache = s.cache;
      const status = s.cache.requireStatus(ref);
      expect(status).not.toHaveProperty('ocmResources');
      expect(status.ocmResourcesError).toMatchObject({ type, resource: OCM });
      expect(status.clusters.runtime).not.toHaveProperty('error');
      expect(status.instance.overall).toBe('healthy');
    },
  );
});
