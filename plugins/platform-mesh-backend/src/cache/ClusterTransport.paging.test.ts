/*
 * The informer's (re)list in pages through the real -node client over HTTP (msw): a collection
 * larger than the per-response byte cap arrives complete, an expired continue token (410)
 * restarts the list without leaving objects of the abandoned pages behind, and a re-list that
 * cannot complete keeps the previous store and sets the error.
 */
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ClusterTransport,
  type ClusterTransportOptions,
} from './ClusterTransport';
import { ResourceInformer } from './ResourceInformer';
import { roleRead } from './roleRead';
import { configMaps } from './watchSpecs';

const BASE = 'http://127.0.0.1:17105';
const TOKEN = 'paging-runtime-token-never-in-logs';

const cm = (i: number, padding = '') => ({
  metadata: {
    name: `cm-${i}`,
    namespace: `ns-${i % 7}`,
    resourceVersion: `${i}`,
  },
  data: { padding },
});
const range = (n: number, padding = '') =>
  Array.from({ length: n }, (_, i) => cm(i, padding));

interface Collection {
  /** What a list without continue token sees now (a new snapshot). */
  objects: () => Array<ReturnType<typeof cm>>;
  /** Answers a continue token with 410 Gone (once per listed token, or always). */
  expire?: (token: string) => boolean;
}

describe('ClusterTransport paging', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function fakeCluster(collection: Collection) {
    const lists: Array<{ limit: string | null; continue: string | null }> = [];
    const snapshots = new Map<string, Array<ReturnType<typeof cm>>>();
    server.use(
      http.get(`${BASE}/api`, () => HttpResponse.json({ versions: ['v1'] })),
      http.get(`${BASE}/apis`, () => HttpResponse.json({ groups: [] })),
      http.get(`${BASE}/api/v1`, () =>
        HttpResponse.json({
          resources: [
            {
              name: 'configmaps',
              namespaced: true,
              kind: 'ConfigMap',
              verbs: ['get', 'list', 'watch'],
            },
          ],
        }),
      ),
      http.get(`${BASE}/api/v1/configmaps`, ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('watch') === 'true') {
          // an idle watch until the informer stops
          return new HttpResponse(
            new ReadableStream({
              start(c) {
                request.signal.addEventListener('abort', () => c.close());
              },
            }),
          );
        }
        const token = url.searchParams.get('continue');
        lists.push({ limit: url.searchParams.get('limit'), continue: token });
        if (token && collection.expire?.(token)) {
          return HttpResponse.json(
            {
              kind: 'Status',
              code: 410,
              reason: 'Expired',
              message: 'too old',
            },
            { status: 410 },
          );
        }
        // kube-apiserver pages one snapshot: keep it per list, keyed by the snapshot id
        const [snap, offset] = token
          ? token.split(':')
          : [`s${lists.length}`, '0'];
        if (!token) snapshots.set(snap, collection.objects());
        const objects = snapshots.get(snap)!;
        const start = Number(offset);
        const end = Math.min(
          objects.length,
          start + Number(url.searchParams.get('limit')),
        );
        return HttpResponse.json({
          kind: 'ConfigMapList',
          metadata: {
            resourceVersion: `${1000 + lists.length}`,
            ...(end < objects.length ? { continue: `${snap}:${end}` } : {}),
          },
          items: objects.slice(start, end),
        });
      }),
    );
    return lists;
  }

  function informer(options: ClusterTransportOptions, resyncMs?: number) {
    const clusters = new DefaultPlatformMeshClustersService({
      config: readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [
              {
                name: 'runtime',
                url: BASE,
                authProvider: 'serviceAccount',
                serviceAccountToken: TOKEN,
              },
            ],
            requestTimeoutSeconds: 2,
          },
        }),
      ),
    });
    const logger = mockServices.logger.mock();
    const inf = new ResourceInformer<any>({
      transport: new ClusterTransport(
        async () => clusters.getClient('runtime'),
        'runtime',
        configMaps,
        options,
      ),
      logger,
      transform: raw => raw,
      backoffMs: () => 5,
      resyncMs,
    });
    return { inf, logger, close: () => clusters.close() };
  }

  async function until(check: () => boolean) {
    for (let i = 0; i < 300 && !check(); i++)
      await new Promise(r => setTimeout(r, 10));
    expect(check()).toBe(true);
  }

  it('lists 1,200 objects in 3 pages of 500, indexed by namespace', async () => {
    const lists = fakeCluster({ objects: () => range(1200) });
    const { inf, close } = informer({ pageLimit: 500 });
    inf.start();
    await until(() => inf.state().synced);
    await inf.stop();
    close();
    expect(lists.map(l => l.limit)).toEqual(['500', '500', '500']);
    expect(inf.size).toBe(1200);
    expect(inf.itemsIn('ns-3')).toHaveLength(171);
    expect(inf.get('ns-5', 'cm-1195')?.metadata.name).toBe('cm-1195');
  });

  it('reads a collection over the byte cap in full: the cap applies to each page', async () => {
    // 60 objects of ~2 KiB = ~120 KiB in all, with a 48 KiB cap per response
    fakeCluster({ objects: () => range(60, 'x'.repeat(2000)) });
    const { inf, close } = informer({
      pageLimit: 20,
      maxBytesPerPage: 48 * 1024,
    });
    inf.start();
    await until(() => inf.state().synced);
    await inf.stop();
    close();
    expect(inf.size).toBe(60);
    expect(inf.state().error).toBeUndefined();
  });

  it('halves the page when one page is over the byte cap, and still completes', async () => {
    const lists = fakeCluster({ objects: () => range(60, 'x'.repeat(2000)) });
    const { inf, close } = informer({
      pageLimit: 40,
      maxBytesPerPage: 48 * 1024,
    });
    inf.start();
    await until(() => inf.state().synced);
    await inf.stop();
    close();
    expect(inf.size).toBe(60);
    expect(lists.map(l => l.limit)).toEqual(['40', '20', '20', '20']);
  });

  it('restarts the list after a 410 mid-paging and keeps nothing of the abandoned pages', async () => {
    let listings = 0;
    let expired = false;
    fakeCluster({
      // the first snapshot has cm-0..1199, the second lost cm-0..99 (deleted meanwhile)
      objects: () => (listings++ === 0 ? range(1200) : range(1200).slice(100)),
      expire: token => {
        if (expired || !token.endsWith(':1000')) return false;
        expired = true;
        return true;
      },
    });
    const { inf, close } = informer({ pageLimit: 500 });
    inf.start();
    await until(() => inf.state().synced);
    await inf.stop();
    close();
    expect(inf.size).toBe(1100);
    expect(inf.get('ns-0', 'cm-0')).toBeUndefined();
    expect(inf.state().error).toBeUndefined();
  });

  it('keeps the previous store and sets the error when a re-list cannot complete', async () => {
    let listings = 0;
    fakeCluster({
      objects: () => {
        listings += 1;
        return range(30);
      },
      // after the first complete list, every continue token has expired
      expire: () => listings > 1,
    });
    const { inf, close } = informer({ pageLimit: 10 }, 100);
    const synced: number[] = [];
    inf.start();
    await until(() => inf.state().synced);
    synced.push(inf.size);
    const version = inf.version;
    await until(() => inf.state().error !== undefined);
    const state = inf.state();
    await inf.stop();
    close();
    expect(synced).toEqual([30]);
    expect(state.items).toHaveLength(30);
    expect(inf.namespaceVersion('ns-1')).toBeLessThanOrEqual(version);
    expect(state.error).toEqual({
      type: 'unknown',
      resource: 'configmaps',
      message:
        'the list could not complete: its continue token expired 4 times',
    });
    // a read error next to the data: the required-reads logic answers unknown on it
    expect(
      roleRead('runtime', [{ resource: 'configmaps', state }]).resourceErrors,
    ).toEqual([state.error]);
    expect(JSON.stringify(state.error)).not.toContain(TOKEN);
  });
});
