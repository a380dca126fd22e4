/*
 * The watch lifecycle through the real -node client over HTTP (msw): initial list, events
 * applied, disconnect and resume from the last resourceVersion, 410 Gone (as an event and as an
 * HTTP answer) re-listed, malformed objects skipped with a warning.
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
import { ClusterTransport } from './ClusterTransport';
import { ResourceInformer } from './ResourceInformer';
import { configMaps } from './watchSpecs';

const BASE = 'http://127.0.0.1:17102';
const TOKEN = 'runtime-token-never-in-logs-0123';
const cm = (name: string, rv: string) => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
  data: { 'profile.yaml': `name: ${name}` },
});
const event = (type: string, object: unknown) =>
  `${JSON.stringify({ type, object })}\n`;

type WatchAnswer =
  | { lines: string[]; then: 'close' | 'error' | 'hang' }
  | { status: number; body: object };

function streamOf(
  answer: Extract<WatchAnswer, { lines: string[] }>,
  signal: AbortSignal,
) {
  return new ReadableStream({
    start(controller) {
      for (const line of answer.lines)
        controller.enqueue(new TextEncoder().encode(line));
      if (answer.then === 'close') controller.close();
      // after the delivered lines, as a real connection drop (erroring at once discards the queue)
      if (answer.then === 'error')
        setTimeout(() => controller.error(new Error('socket hang up')), 50);
      signal.addEventListener('abort', () => {
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
  });
}

describe('ClusterTransport', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function fakeCluster(
    lists: Array<{ items: unknown[]; rv: string }>,
    watches: WatchAnswer[],
  ) {
    const seen = {
      lists: 0,
      watchRvs: [] as string[],
      auth: new Set<string>(),
    };
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
        seen.auth.add(request.headers.get('authorization') ?? '');
        const url = new URL(request.url);
        if (url.searchParams.get('watch') !== 'true') {
          const list = lists[Math.min(seen.lists, lists.length - 1)];
          seen.lists += 1;
          return HttpResponse.json({
            kind: 'ConfigMapList',
            metadata: { resourceVersion: list.rv },
            items: list.items,
          });
        }
        seen.watchRvs.push(url.searchParams.get('resourceVersion') ?? '');
        expect(url.searchParams.get('allowWatchBookmarks')).toBe('true');
        const answer = watches.shift() ?? { lines: [], then: 'hang' as const };
        if ('status' in answer)
          return HttpResponse.json(answer.body, { status: answer.status });
        return new HttpResponse(streamOf(answer, request.signal), {
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    return seen;
  }

  function informer(logger = mockServices.logger.mock()) {
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
    const transport = new ClusterTransport(
      async () => clusters.getClient('runtime'),
      'runtime',
      configMaps,
    );
    return {
      logger,
      informer: new ResourceInformer<any>({
        transport,
        logger,
        transform: raw => raw,
        backoffMs: () => 5,
      }),
      close: () => clusters.close(),
    };
  }

  async function until(check: () => boolean) {
    for (let i = 0; i < 300 && !check(); i++)
      await new Promise(r => setTimeout(r, 10));
    expect(check()).toBe(true);
  }

  it('lists, applies events, resumes after a disconnect and re-lists after 410 Gone', async () => {
    const seen = fakeCluster(
      [
        { items: [cm('a', '1')], rv: '10' },
        { items: [cm('a', '12'), cm('c', '20')], rv: '20' },
      ],
      [
        {
          lines: [
            event('ADDED', cm('b', '11')),
            event('MODIFIED', cm('a', '12')),
          ],
          then: 'error',
        },
        {
          lines: [
            event('ERROR', { kind: 'Status', code: 410, reason: 'Expired' }),
          ],
          then: 'hang',
        },
      ],
    );
    const { informer: inf, close } = informer();
    inf.start();
    await until(() => seen.watchRvs.length >= 3);
    const state = inf.state();
    await inf.stop();
    close();

    expect(seen.lists).toBe(2);
    expect(seen.watchRvs).toEqual(['10', '12', '20']);
    expect(state.items.map(i => i.metadata.name).sort()).toEqual(['a', 'c']);
    expect(
      state.items.every(i => i.kind === 'ConfigMap' && i.apiVersion === 'v1'),
    ).toBe(true);
    expect(state.error).toBeUndefined();
    expect([...seen.auth]).toEqual([`Bearer ${TOKEN}`]);
  });

  it('re-lists when the watch request itself answers 410', async () => {
    const seen = fakeCluster(
      [
        { items: [cm('a', '1')], rv: '5' },
        { items: [cm('z', '30')], rv: '30' },
      ],
      [
        {
          status: 410,
          body: {
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            message: 'too old resource version: 5 (25)',
          },
        },
      ],
    );
    const { informer: inf, close } = informer();
    inf.start();
    await until(() => seen.watchRvs.length >= 2);
    const state = inf.state();
    await inf.stop();
    close();
    expect(seen.watchRvs).toEqual(['5', '30']);
    expect(state.items.map(i => i.metadata.name)).toEqual(['z']);
  });

  it('skips malformed objects and torn lines with a warning, without dropping the watch', async () => {
    const seen = fakeCluster(
      [{ items: [cm('a', '1')], rv: '3' }],
      [
        {
          lines: [
            '{"type":"ADDED","object":{"metad',
            '\n',
            event('ADDED', { metadata: { namespace: 'ns' } }),
            event('ADDED', cm('d', '4')),
          ],
          then: 'hang',
        },
      ],
    );
    const { informer: inf, logger, close } = informer();
    inf.start();
    await until(() => inf.state().items.length === 2);
    await inf.stop();
    close();
    expect(seen.watchRvs).toEqual(['3']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ignoring malformed object'),
    );
  });

  it('reports a forbidden list as a typed error without the token', async () => {
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
              verbs: ['list'],
            },
          ],
        }),
      ),
      http.get(`${BASE}/api/v1/configmaps`, () =>
        HttpResponse.json(
          {
            kind: 'Status',
            code: 403,
            reason: 'Forbidden',
            message:
              'configmaps is forbidden: User "backstage-reader" cannot list',
          },
          { status: 403 },
        ),
      ),
    );
    const { informer: inf, logger, close } = informer();
    inf.start();
    await until(() => inf.state().error !== undefined);
    const state = inf.state();
    await inf.stop();
    close();
    expect(state.error).toMatchObject({
      type: 'forbidden',
      resource: 'configmaps',
      statusCode: 403,
    });
    const logged = JSON.stringify(logger.warn.mock.calls);
    expect(logged).not.toContain(TOKEN);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });
});
