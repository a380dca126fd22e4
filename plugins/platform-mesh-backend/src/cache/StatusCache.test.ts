import { mockServices } from '@backstage/backend-test-utils';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  helmRelease,
  SECRET_TOKEN,
} from '../__testUtils__/fixtures';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';

const ref = { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' };

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

function setup(configure?: (clusters: FakeClusters) => void) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(healthyClusters())) {
    clusters.set(cluster, objects);
  }
  configure?.(clusters);
  const logger = mockServices.logger.mock();
  const pool = new InformerPool({
    transportFactory: clusters.transportFactory,
    logger,
    backoffMs: () => 60_000,
  });
  const cache = new StatusCache({
    targets: [devTarget],
    pool,
    logger,
    now: () => new Date('2026-11-25T07:00:00Z'),
  });
  cache.start();
  return { clusters, cache, logger, pool };
}

describe('StatusCache', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it('joins the three clusters into one healthy status without asking the clusters per request', async () => {
    const { clusters, cache } = setup();
    stop = () => cache.stop();
    await settle();

    const listsAfterStart = clusters.listCalls;
    const status = cache.getStatus(devTarget, ref);
    for (let i = 0; i < 20; i++) cache.getStatus(devTarget, ref);
    expect(clusters.listCalls).toBe(listsAfterStart);

    expect(status.instance).toMatchObject({
      ...ref,
      generation: 1,
      overall: 'healthy',
    });
    expect(status.conditions.map(c => [c.step, c.status])).toEqual([
      ['DeploymentSubroutine', 'True'],
      ['KcpsetupSubroutine', 'True'],
      ['ProvidersecretSubroutine', 'True'],
      ['FeatureToggleSubroutine', 'True'],
      ['WaitSubroutine', 'True'],
      ['Ready', 'True'],
    ]);
    expect(status.releases.map(r => [r.name, r.health, r.version])).toEqual([
      ['cert-manager', 'healthy', '1.2.3'],
      ['portal', 'healthy', '1.2.3'],
    ]);
    expect(status.secrets.every(s => s.present && s.keyPresent)).toBe(true);
    expect(status.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(status.clusters).toEqual({
      operator: expect.objectContaining({
        name: 'pm-operator',
        reachable: true,
      }),
      runtime: expect.objectContaining({ name: 'pm-runtime', reachable: true }),
      infra: expect.objectContaining({ name: 'pm-infra', reachable: true }),
    });
    expect(status.clusters.operator.error).toBeUndefined();
    expect(JSON.stringify(status)).not.toContain(SECRET_TOKEN);
  });

  it('remembers answers only for instances it has seen, and only until the next change', async () => {
    const { clusters, cache } = setup();
    stop = () => cache.stop();
    await settle();

    const unknown = { ...ref, name: 'no-such-instance' };
    expect(cache.getStatus(devTarget, unknown)).not.toBe(
      cache.getStatus(devTarget, unknown),
    );
    const first = cache.getStatus(devTarget, ref);
    expect(cache.getStatus(devTarget, ref)).toBe(first);

    clusters.upsert(
      'pm-infra',
      helmRelease('portal', 'False', 'UpgradeFailed'),
    );
    await settle();
    expect(cache.getStatus(devTarget, ref)).not.toBe(first);
  });

  it('never opens a watch because of a request', async () => {
    const { cache, clusters, pool } = setup();
    stop = () => cache.stop();
    await settle();
    const watches = pool.size();
    const lists = clusters.listCalls;
    for (let i = 0; i < 50; i++) {
      cache.getStatus(devTarget, {
        ...ref,
        namespace: `nowhere-${i}`,
        name: `x-${i}`,
      });
      await settle();
    }
    expect(clusters.listCalls).toBe(lists);
    expect(pool.size()).toBe(watches);
  });

  it('keeps a Secret as key names only', async () => {
    const { cache } = setup();
    stop = () => cache.stop();
    await settle();
    const snapshot = cache.snapshot(devTarget, ref);
    expect(snapshot.operator.secrets).toEqual([
      {
        name: 'platform-mesh-kubeconfig',
        namespace: 'platform-mesh-system',
        keys: ['kubeconfig'],
      },
      {
        name: 'platform-mesh-infra-kubeconfig',
        namespace: 'platform-mesh-system',
        keys: ['kubeconfig'],
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(SECRET_TOKEN);
    expect(snapshot.runtime.configMaps[0].data).toEqual({
      'profile.yaml': expect.stringContaining('infra:'),
    });
  });

  it('shows a change on a cluster in the next answer', async () => {
    const { clusters, cache } = setup();
    stop = () => cache.stop();
    await settle();
    expect(cache.getStatus(devTarget, ref).instance.overall).toBe('healthy');

    clusters.upsert(
      'pm-infra',
      helmRelease(
        'portal',
        'False',
        'RetriesExceeded',
        'upgrade retries exhausted',
      ),
    );
    await settle();
    const status = cache.getStatus(devTarget, ref);
    expect(status.releases[0]).toMatchObject({
      name: 'portal',
      health: 'failed',
      message: 'upgrade retries exhausted',
    });
    expect(status.instance.overall).not.toBe('healthy');
  });

  it('reports an unreachable infra cluster as data next to what the others returned', async () => {
    const { cache } = setup(clusters =>
      clusters.fail('pm-infra', {
        type: 'unreachable',
        message: 'connect ECONNREFUSED 127.0.0.1:16444',
      }),
    );
    stop = () => cache.stop();
    await settle();
    const status = cache.getStatus(devTarget, ref);
    expect(status.clusters.infra).toEqual({
      name: 'pm-infra',
      reachable: false,
      error: expect.objectContaining({ type: 'unreachable' }),
    });
    expect(status.clusters.runtime.reachable).toBe(true);
    expect(status.conditions).toHaveLength(6);
    // nothing is claimed about what was not read, beyond that it was not read
    expect(
      status.diagnostics.filter(d => d.cluster === 'infra').map(d => d.id),
    ).toEqual(['read-failed']);
  });

  it('reports a forbidden resource with its name, not a blank answer', async () => {
    const { cache } = setup(clusters =>
      clusters.fail(
        'pm-infra',
        {
          type: 'forbidden',
          message: 'helmreleases.helm.toolkit.fluxcd.io is forbidden',
          statusCode: 403,
        },
        'helmreleases.helm.toolkit.fluxcd.io',
      ),
    );
    stop = () => cache.stop();
    await settle();
    const status = cache.getStatus(devTarget, ref);
    expect(status.clusters.infra.error).toMatchObject({
      type: 'forbidden',
      resource: 'helmreleases.helm.toolkit.fluxcd.io',
    });
    expect(status.sources.map(s => s.name)).toEqual(['cert-manager', 'portal']);
    expect(status.conditions).toHaveLength(6);
  });

  it('does not report a missing PlatformMesh CRD on the operator cluster as an error', async () => {
    const { cache } = setup(clusters =>
      clusters.fail(
        'pm-operator',
        {
          type: 'crd-missing',
          message: 'no PlatformMesh in core.platform-mesh.io',
        },
        'platformmeshes.core.platform-mesh.io',
      ),
    );
    stop = () => cache.stop();
    await settle();
    expect(
      cache.getStatus(devTarget, ref).clusters.operator.error,
    ).toBeUndefined();
  });

  it('lists the instances of a target', async () => {
    const { cache } = setup();
    stop = () => cache.stop();
    await settle();
    const { instances, runtime } = cache.listInstances(devTarget);
    expect(runtime.reachable).toBe(true);
    expect(instances).toEqual([
      expect.objectContaining({
        ...ref,
        overall: 'healthy',
        annotation: 'dev/pm-healthy/platform-mesh',
      }),
    ]);
  });
});
