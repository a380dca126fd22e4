/*
 * What must not grow with the number of instances: the Secret watches (one per distinct Secret
 * name per cluster), the work of the Secret reconciliation (only PlatformMesh, HelmRelease and
 * Kustomization changes, only their namespaces), and the instance list (made of remembered
 * summaries: a change rebuilds one instance, not all).
 */
import { mockServices } from '@backstage/backend-test-utils';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import { helmRelease, profileConfigMap } from '../__testUtils__/fixtures';
import {
  instanceNamespace,
  manyInstances,
  manyTarget,
} from '../__testUtils__/manyInstances';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';
import { secretNameWatch, secretWatch } from './watchSpecs';

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise(r => setImmediate(r));
}

const inNs = <T extends { metadata: any }>(o: T, ns: string): T => ({
  ...o,
  metadata: { ...o.metadata, namespace: ns },
});

async function setup(instances: number) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(manyInstances(instances)))
    clusters.set(cluster, objects);
  const logger = mockServices.logger.mock();
  const pool = new InformerPool({
    transportFactory: clusters.transportFactory,
    logger,
    backoffMs: () => 60_000,
  });
  const cache = new StatusCache({
    targets: [manyTarget],
    pool,
    logger,
    now: () => new Date('2026-11-25T07:00:00Z'),
  });
  cache.start();
  await settle();
  return { clusters, cache, pool };
}

describe('StatusCache at many instances', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it('opens as many Secret watches for 200 instances as for 10', async () => {
    const counts: number[] = [];
    for (const n of [10, 200]) {
      const s = await setup(n);
      const status = s.cache.getStatus(manyTarget, {
        target: manyTarget.name,
        namespace: instanceNamespace(n - 1),
        name: 'platform-mesh',
      });
      expect(status.instance.overall).toBe('healthy');
      expect(status.secrets.every(x => x.present && x.keyPresent)).toBe(true);
      expect(
        s.pool.find(
          'pm-infra',
          secretNameWatch('platform-mesh-runtime-secret'),
        ),
      ).toBeDefined();
      expect(
        s.pool.find(
          'pm-infra',
          secretWatch(instanceNamespace(0), 'platform-mesh-runtime-secret'),
        ),
      ).toBeUndefined();
      counts.push(s.pool.size());
      await s.cache.stop();
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('reconciles Secret watches only for changes that can reference a Secret', async () => {
    const s = await setup(20);
    stop = () => s.cache.stop();
    const ensure = jest.spyOn(s.pool, 'ensure');
    const retain = jest.spyOn(s.pool, 'retain');

    s.clusters.upsert(
      'pm-runtime',
      inNs(profileConfigMap, instanceNamespace(3)),
    );
    await settle();
    expect(retain).not.toHaveBeenCalled();

    // a release in one namespace starts using another Secret: one new watch, by name
    const release = inNs(helmRelease('extra'), instanceNamespace(3));
    release.spec.kubeConfig.secretRef.name = 'extra-kubeconfig';
    s.clusters.upsert('pm-infra', release);
    await settle();
    expect(retain).toHaveBeenCalledTimes(1);
    expect(ensure).toHaveBeenCalledWith(
      'pm-infra',
      secretNameWatch('extra-kubeconfig'),
    );
    expect(
      s.pool.find('pm-infra', secretNameWatch('extra-kubeconfig')),
    ).toBeDefined();
  });

  it('lists instances from remembered summaries, rebuilding only what changed', async () => {
    const s = await setup(200);
    stop = () => s.cache.stop();
    const cold = s.cache.listInstances(manyTarget);
    expect(cold.instances).toHaveLength(200);
    const afterCold = s.cache.memoStats().builds;
    expect(afterCold).toBe(200);

    // nothing changed: the list itself is reused
    expect(s.cache.listInstances(manyTarget).instances).toBe(cold.instances);
    expect(s.cache.memoStats().builds).toBe(afterCold);

    s.clusters.upsert(
      'pm-infra',
      inNs(
        helmRelease('release-0', 'False', 'UpgradeFailed'),
        instanceNamespace(7),
      ),
    );
    await settle();
    const warm = s.cache.listInstances(manyTarget);
    expect(s.cache.memoStats().builds).toBe(afterCold + 1);
    expect(
      warm.instances.find(i => i.namespace === instanceNamespace(7))?.overall,
    ).not.toBe('healthy');
    expect(warm.instances.filter(i => i.overall === 'healthy')).toHaveLength(
      199,
    );
  });
});
