/*
 * The memo of instance statuses is per instance and keyed by what the instance's snapshot read:
 * a change in another namespace, a bookmark or a re-list that finds nothing new keeps it; a change
 * in the instance's namespace, in a source it references elsewhere, or in a watch's health drops it.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  helmRelease,
  ociRepository,
  profileConfigMap,
} from '../__testUtils__/fixtures';
import {
  instanceNamespace,
  manyInstances,
  manyTarget,
} from '../__testUtils__/manyInstances';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

const ref = (i: number) => ({
  target: manyTarget.name,
  namespace: instanceNamespace(i),
  name: 'platform-mesh',
});

function inNs<T extends { metadata: any }>(o: T, ns: string): T {
  return { ...o, metadata: { ...o.metadata, namespace: ns } };
}

async function setup(
  options: {
    target?: PlatformMeshTarget;
    resyncMs?: number;
    now?: () => Date;
  } = {},
) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(manyInstances(3)))
    clusters.set(cluster, objects);
  const logger = mockServices.logger.mock();
  const pool = new InformerPool({
    transportFactory: clusters.transportFactory,
    logger,
    backoffMs: () => 60_000,
    resyncMs: options.resyncMs,
  });
  const target = options.target ?? manyTarget;
  const cache = new StatusCache({
    targets: [target],
    pool,
    logger,
    now: options.now ?? (() => new Date('2026-11-25T07:00:00Z')),
  });
  cache.start();
  await settle();
  return { clusters, cache, pool, target };
}

describe('StatusCache memo', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it('keeps an answer across changes in other namespaces and bookmarks', async () => {
    const s = await setup();
    stop = () => s.cache.stop();
    const first = s.cache.getStatus(s.target, ref(0));
    expect(first.instance.overall).toBe('healthy');
    const builds = s.cache.memoStats().builds;

    // another instance's release fails, its profile changes, a ConfigMap appears elsewhere
    s.clusters.upsert(
      'pm-infra',
      inNs(
        helmRelease('release-0', 'False', 'UpgradeFailed'),
        instanceNamespace(1),
      ),
    );
    s.clusters.upsert(
      'pm-runtime',
      inNs(profileConfigMap, instanceNamespace(2)),
    );
    s.clusters.upsert('pm-runtime', inNs(profileConfigMap, 'unrelated'));
    s.clusters.bookmark('pm-infra');
    s.clusters.bookmark('pm-runtime');
    s.clusters.bookmark('pm-operator');
    await settle();

    expect(s.cache.getStatus(s.target, ref(0))).toBe(first);
    expect(s.cache.memoStats().builds).toBe(builds);
    // the other instance did change
    expect(s.cache.getStatus(s.target, ref(1)).instance.overall).not.toBe(
      'healthy',
    );
  });

  it('keeps an answer across re-lists that find nothing new', async () => {
    const s = await setup({ resyncMs: 10 });
    stop = () => s.cache.stop();
    const first = s.cache.getStatus(s.target, ref(0));
    const lists = s.clusters.listCalls;
    await new Promise(r => setTimeout(r, 100));
    expect(s.clusters.listCalls).toBeGreaterThan(lists);
    expect(s.cache.getStatus(s.target, ref(0))).toBe(first);
  });

  it('drops an answer when its own namespace changes', async () => {
    const s = await setup();
    stop = () => s.cache.stop();
    const first = s.cache.getStatus(s.target, ref(0));
    s.clusters.upsert(
      'pm-infra',
      inNs(
        helmRelease('release-1', 'False', 'UpgradeFailed'),
        instanceNamespace(0),
      ),
    );
    await settle();
    const next = s.cache.getStatus(s.target, ref(0));
    expect(next).not.toBe(first);
    expect(next.releases.find(r => r.name === 'release-1')?.health).toBe(
      'failed',
    );
    // and answers the same again until the next change
    expect(s.cache.getStatus(s.target, ref(0))).toBe(next);
  });

  it('drops an answer when a source it references in another namespace changes', async () => {
    const s = await setup();
    stop = () => s.cache.stop();
    const release = inNs(helmRelease('shared'), instanceNamespace(0));
    release.spec.chartRef = {
      kind: 'OCIRepository',
      name: 'shared',
      namespace: 'flux-sources',
    };
    s.clusters.upsert('pm-infra', release);
    s.clusters.upsert(
      'pm-infra',
      inNs(ociRepository('shared'), 'flux-sources'),
    );
    await settle();
    const first = s.cache.getStatus(s.target, ref(0));
    expect(first.sources.map(src => `${src.namespace}/${src.name}`)).toContain(
      'flux-sources/shared',
    );

    const failing = inNs(ociRepository('shared'), 'flux-sources');
    failing.status.conditions[0] = {
      ...failing.status.conditions[0],
      status: 'False',
      reason: 'OCIArtifactPullFailed',
      message: 'pull failed',
    };
    s.clusters.upsert('pm-infra', failing);
    await settle();
    const next = s.cache.getStatus(s.target, ref(0));
    expect(next).not.toBe(first);
    expect(first.sources.find(src => src.name === 'shared')?.health).toBe(
      'healthy',
    );
    expect(next.sources.find(src => src.name === 'shared')?.health).not.toBe(
      'healthy',
    );
  });

  it('drops an answer when a watch it read fails, and the instance turns unknown', async () => {
    const s = await setup();
    stop = () => s.cache.stop();
    const first = s.cache.getStatus(s.target, ref(0));
    expect(first.instance.overall).toBe('healthy');
    s.clusters.fail(
      'pm-infra',
      {
        type: 'forbidden',
        message: 'helmreleases is forbidden',
        statusCode: 403,
      },
      'helmreleases.helm.toolkit.fluxcd.io',
    );
    // the watch ends; the re-list fails
    await s.pool.retain(new Set(), key => key.includes('|HelmRelease|'));
    s.pool.ensure('pm-infra', {
      resource: 'helmreleases.helm.toolkit.fluxcd.io',
      group: 'helm.toolkit.fluxcd.io',
      kind: 'HelmRelease',
      labelSelector: 'core.platform-mesh.io/operator-created=true',
    });
    await settle();
    const next = s.cache.getStatus(s.target, ref(0));
    expect(next).not.toBe(first);
    expect(next.instance.overall).toBe('unknown');
  });

  it('rebuilds an answer older than memoMaxAgeMs even when nothing changed', async () => {
    let now = new Date('2026-11-25T07:00:00Z').getTime();
    const s = await setup({ now: () => new Date(now) });
    stop = () => s.cache.stop();
    const first = s.cache.getStatus(s.target, ref(0));
    now += 29_000;
    expect(s.cache.getStatus(s.target, ref(0))).toBe(first);
    now += 2_000;
    expect(s.cache.getStatus(s.target, ref(0))).not.toBe(first);
  });
});
