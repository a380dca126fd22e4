/*
 * The instance provider over the -node client and a fake runtime cluster (msw): the full mutation
 * after the first list, deltas from watch events, a re-list after the watch ended turned into a
 * delta, and failed reads that keep the entities.
 */
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  fakeClustersService,
  fakeRuntime,
  platformMesh,
  recordingConnection,
  RUNTIME_TOKEN,
  until,
} from '../__testUtils__/fakeRuntime';
import { PlatformMeshInstanceEntityProvider } from './PlatformMeshInstanceEntityProvider';

jest.setTimeout(20_000);

describe('PlatformMeshInstanceEntityProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const providers: PlatformMeshInstanceEntityProvider[] = [];
  afterEach(async () => {
    await Promise.all(providers.splice(0).map(p => p.stop()));
  });

  function start(namespaces?: string[]) {
    const runtime = fakeRuntime();
    server.use(...runtime.cluster.handlers());
    const clusters = fakeClustersService(namespaces);
    const logger = mockServices.logger.mock();
    const provider = new PlatformMeshInstanceEntityProvider({
      target: clusters.getTarget('dev'),
      clusters,
      logger,
      defaultOwner: 'group:default/platform-team',
      watch: { retryDelay: () => 20 },
    });
    providers.push(provider);
    const { connection, mutations } = recordingConnection();
    return { runtime, provider, logger, connection, mutations };
  }

  const names = (entities: any[]) =>
    entities.map(e => e.entity.metadata.name).sort();

  it('applies a full mutation after connecting: owner from the annotation or the default, GitOps and foreign namespaces skipped', async () => {
    const { runtime, provider, connection, mutations } = start();
    runtime.cluster.seed(
      platformMesh('pm-a', { 'platform-mesh.io/owner': 'user:default/alice' }),
    );
    runtime.cluster.seed(platformMesh('pm-b'));
    runtime.cluster.seed(
      platformMesh('pm-gitops', {
        'platform-mesh.io/catalog-entity': 'repository',
      }),
    );
    runtime.cluster.seed(platformMesh('team-x'));

    await provider.connect(connection);
    await until(() => mutations.length === 1);

    expect(provider.getProviderName()).toBe('platform-mesh:dev');
    expect(mutations[0].type).toBe('full');
    expect(names(mutations[0].entities)).toEqual([
      'dev-pm-a-platform-mesh',
      'dev-pm-b-platform-mesh',
    ]);
    const byName = Object.fromEntries(
      mutations[0].entities.map((e: any) => [e.entity.metadata.name, e]),
    );
    expect(byName['dev-pm-a-platform-mesh'].entity.spec.owner).toBe(
      'user:default/alice',
    );
    expect(byName['dev-pm-b-platform-mesh'].entity.spec.owner).toBe(
      'group:default/platform-team',
    );
    expect(byName['dev-pm-a-platform-mesh'].locationKey).toBe(
      'platform-mesh:dev',
    );
    expect(
      byName['dev-pm-a-platform-mesh'].entity.metadata.annotations,
    ).toMatchObject({
      'platform-mesh.io/instance': 'dev/pm-a/platform-mesh',
      'backstage.io/managed-by-location': 'platform-mesh:dev',
    });
  });

  it('turns watch events into deltas: added, modified (only when the entity changes), deleted', async () => {
    const { runtime, provider, connection, mutations } = start();
    const seeded = runtime.cluster.seed(platformMesh('pm-a'));
    await provider.connect(connection);
    await until(() => mutations.length === 1 && runtime.watching);
    // the watch starts at the list's resourceVersion
    expect(runtime.watchRvs).toEqual([expect.stringMatching(/^\d+$/)]);

    runtime.send('ADDED', {
      ...platformMesh('pm-new'),
      metadata: { ...platformMesh('pm-new').metadata, resourceVersion: '500' },
    });
    await until(() => mutations.length === 2);
    expect(mutations[1]).toEqual({
      type: 'delta',
      added: [
        expect.objectContaining({
          locationKey: 'platform-mesh:dev',
          entity: expect.objectContaining({
            metadata: expect.objectContaining({
              name: 'dev-pm-new-platform-mesh',
            }),
          }),
        }),
      ],
      removed: [],
    });

    // a status update changes nothing in the entity: no write
    runtime.send('MODIFIED', {
      ...seeded,
      metadata: { ...seeded.metadata, resourceVersion: '501' },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    // a new owner does
    runtime.send('MODIFIED', {
      ...seeded,
      metadata: {
        ...seeded.metadata,
        resourceVersion: '502',
        annotations: { 'platform-mesh.io/owner': 'group:default/team-a' },
      },
    });
    await until(() => mutations.length === 3);
    expect(mutations[2].added[0].entity.spec.owner).toBe(
      'group:default/team-a',
    );
    expect(mutations[2].removed).toEqual([]);

    // switched to GitOps: its entity comes from the repository now
    runtime.send('MODIFIED', {
      ...platformMesh('pm-new', {
        'platform-mesh.io/catalog-entity': 'repository',
      }),
    });
    runtime.send('DELETED', {
      ...seeded,
      metadata: { ...seeded.metadata, resourceVersion: '503' },
    });
    await until(() => mutations.length === 5);
    expect(mutations[3]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:default/dev-pm-new-platform-mesh',
          locationKey: 'platform-mesh:dev',
        },
      ],
    });
    expect(mutations[4].removed).toEqual([
      {
        entityRef: 'resource:default/dev-pm-a-platform-mesh',
        locationKey: 'platform-mesh:dev',
      },
    ]);
    // the next watch resumes from the last resourceVersion seen
    runtime.drop();
    await until(() => runtime.watchRvs.length === 2);
    expect(runtime.watchRvs[1]).toBe('503');
  });

  it('keeps the entities when the cluster cannot be read, and logs it without secrets', async () => {
    const { runtime, provider, connection, mutations, logger } = start();
    runtime.cluster.seed(platformMesh('pm-a'));
    runtime.failLists(true);
    await provider.connect(connection);
    await until(() => (logger.warn as jest.Mock).mock.calls.length >= 2);
    expect(mutations).toEqual([]); // no full mutation from a failed read
    expect(await provider.refresh()).toBe(false);
    expect(mutations).toEqual([]);

    runtime.failLists(false);
    await until(() => mutations.length === 1);
    expect(names(mutations[0].entities)).toEqual(['dev-pm-a-platform-mesh']);

    // the cluster fails again: neither the scheduled refresh nor the watch's re-list removes anything
    runtime.failLists(true);
    expect(await provider.refresh()).toBe(false);
    (logger.warn as jest.Mock).mockClear();
    runtime.send('ERROR', { kind: 'Status', code: 410, reason: 'Expired' });
    await until(() => (logger.warn as jest.Mock).mock.calls.length >= 1);
    expect(mutations).toHaveLength(1);

    const logged = (logger.warn as jest.Mock).mock.calls
      .map(call => String(call[0]))
      .join('\n');
    expect(logged).toMatch(
      /target "dev".*pm-runtime.*entities stay as last read/,
    );
    expect(logged).not.toContain(RUNTIME_TOKEN);
  });

  it('applies what changed while the watch was down as a delta after the re-list, and a full mutation on refresh', async () => {
    const { runtime, provider, connection, mutations } = start();
    runtime.cluster.seed(platformMesh('pm-a'));
    runtime.cluster.seed(platformMesh('pm-b'));
    await provider.connect(connection);
    await until(() => mutations.length === 1 && runtime.watching);

    // pm-b deleted and pm-c created while no watch was open; the watch then expires (410)
    runtime.cluster.objects.clear();
    runtime.cluster.seed(platformMesh('pm-a'));
    runtime.cluster.seed(platformMesh('pm-c'));
    runtime.send('ERROR', { kind: 'Status', code: 410, reason: 'Expired' });
    await until(() => mutations.length === 2);
    expect(mutations[1].type).toBe('delta');
    expect(names(mutations[1].added)).toEqual(['dev-pm-c-platform-mesh']);
    expect(mutations[1].removed).toEqual([
      {
        entityRef: 'resource:default/dev-pm-b-platform-mesh',
        locationKey: 'platform-mesh:dev',
      },
    ]);

    expect(await provider.refresh()).toBe(true);
    expect(mutations[2].type).toBe('full');
    expect(names(mutations[2].entities)).toEqual([
      'dev-pm-a-platform-mesh',
      'dev-pm-c-platform-mesh',
    ]);
  });

  it('watches only the namespace when the target allows exactly one', async () => {
    const { runtime, provider, connection, mutations } = start(['pm-only']);
    runtime.cluster.seed(platformMesh('pm-only'));
    await provider.connect(connection);
    await until(() => mutations.length === 1 && runtime.watching);
    const paths = runtime.cluster.apiRequests.map(r => r.path);
    expect(paths).toContain(
      '/apis/core.platform-mesh.io/v1alpha1/namespaces/pm-only/platformmeshes',
    );
    expect(paths).not.toContain(
      '/apis/core.platform-mesh.io/v1alpha1/platformmeshes',
    );
  });
});
