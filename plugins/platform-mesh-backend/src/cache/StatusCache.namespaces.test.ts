import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  platformMesh,
} from '../__testUtils__/fixtures';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

function inNamespace(namespace: string, name = 'platform-mesh') {
  const pm = platformMesh();
  return { ...pm, metadata: { ...pm.metadata, namespace, name } };
}

/** Two targets on the same runtime cluster, each with its own namespaces. */
const teamA: PlatformMeshTarget = {
  ...devTarget,
  name: 'team-a',
  namespaces: ['pm-healthy', 'team-a-*'],
};
const teamB: PlatformMeshTarget = {
  ...devTarget,
  name: 'team-b',
  namespace: 'team-b',
  namespaces: ['team-b'],
};

async function setup(extraRuntime: any[] = []) {
  const clusters = new FakeClusters();
  const objects = healthyClusters();
  for (const [cluster, list] of Object.entries(objects)) {
    clusters.set(
      cluster,
      cluster === 'pm-runtime' ? [...list, ...extraRuntime] : list,
    );
  }
  const logger = mockServices.logger.mock();
  const cache = new StatusCache({
    targets: [teamA, teamB],
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
  return cache;
}

describe('StatusCache: instances belong to a target by its namespaces', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it('lists only the instances in each target allowed namespaces', async () => {
    cache = await setup([
      inNamespace('team-a-dev'),
      inNamespace('team-b'),
      inNamespace('elsewhere'),
    ]);
    const names = (t: PlatformMeshTarget) =>
      cache!.listInstances(t).instances.map(i => `${i.namespace}/${i.name}`);
    expect(names(teamA)).toEqual([
      'pm-healthy/platform-mesh',
      'team-a-dev/platform-mesh',
    ]);
    expect(names(teamB)).toEqual(['team-b/platform-mesh']);
  });

  it('answers 404 naming the allowed namespaces for an instance outside them', async () => {
    cache = await setup([inNamespace('team-b')]);
    const request = () =>
      cache!.requireStatus({
        target: 'team-a',
        namespace: 'team-b',
        name: 'platform-mesh',
      });
    expect(request).toThrow(NotFoundError);
    expect(request).toThrow(
      'Namespace "team-b" is not one of the namespaces of target "team-a" (pm-healthy, team-a-*)',
    );
    expect(
      cache.requireStatus({
        target: 'team-b',
        namespace: 'team-b',
        name: 'platform-mesh',
      }).instance.name,
    ).toBe('platform-mesh');
  });

  it('answers 404 for an unknown target and for an instance that does not exist', async () => {
    cache = await setup();
    expect(() =>
      cache!.requireStatus({ target: 'nope', namespace: 'x', name: 'y' }),
    ).toThrow('Unknown target "nope"');
    expect(() =>
      cache!.requireStatus({
        target: 'team-a',
        namespace: 'pm-healthy',
        name: 'no-such-instance',
      }),
    ).toThrow(
      'No PlatformMesh pm-healthy/no-such-instance on the runtime cluster of target "team-a"',
    );
  });

  it('warns both PlatformMeshes that share a namespace, each naming the other', async () => {
    cache = await setup([inNamespace('pm-healthy', 'second')]);
    const summaries = (name: string) =>
      cache!
        .requireStatus({ target: 'team-a', namespace: 'pm-healthy', name })
        .diagnostics.filter(d => d.id === 'namespace-shared')
        .map(d => d.summary);
    expect(summaries('platform-mesh')).toEqual([
      'PlatformMesh platform-mesh shares namespace pm-healthy with PlatformMesh second',
    ]);
    expect(summaries('second')).toEqual([
      'PlatformMesh second shares namespace pm-healthy with PlatformMesh platform-mesh',
    ]);
  });
});
