/*
 * A watch that goes silent (a stalled cluster or network) is reported as `timeout` after the
 * silence limit (about two bookmark intervals), while bookmarks keep a quiet watch alive; the
 * informer learns of an accepted watch from its 200 headers; an abort during discovery ends the
 * watch without ever sending it. Over the real -node client and HTTP (msw).
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ClusterTransport,
  DEFAULT_SILENCE_LIMIT_MS,
  type ClusterTransportOptions,
} from './ClusterTransport';
import { TransportError } from './transport';
import { configMaps } from './watchSpecs';

const BASE = 'http://127.0.0.1:17103';
const bookmark = (rv: number) =>
  `${JSON.stringify({
    type: 'BOOKMARK',
    object: { kind: 'ConfigMap', metadata: { resourceVersion: String(rv) } },
  })}\n`;

describe('ClusterTransport silence limit', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let watches = 0;

  /** A watch that sends `bookmarks` bookmarks `everyMs` apart, then nothing. */
  function cluster(bookmarks: number, everyMs: number) {
    watches = 0;
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
              verbs: ['list', 'watch'],
            },
          ],
        }),
      ),
      http.get(`${BASE}/api/v1/configmaps`, ({ request }) => {
        watches += 1;
        const stream = new ReadableStream({
          start(controller) {
            let sent = 0;
            const timer = setInterval(() => {
              if (sent >= bookmarks) return;
              sent += 1;
              controller.enqueue(new TextEncoder().encode(bookmark(sent)));
            }, everyMs);
            request.signal.addEventListener('abort', () => {
              clearInterval(timer);
              try {
                controller.close();
              } catch {
                // already closed
              }
            });
          },
        });
        return new HttpResponse(stream, {
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
  }

  function transport(options: ClusterTransportOptions) {
    const clusters = new DefaultPlatformMeshClustersService({
      config: readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [
              {
                name: 'runtime',
                url: BASE,
                authProvider: 'serviceAccount',
                serviceAccountToken: 'silence-test-token-0123',
              },
            ],
            requestTimeoutSeconds: 2,
          },
        }),
      ),
    });
    return {
      clusters,
      transport: new ClusterTransport(
        async () => clusters.getClient('runtime'),
        'runtime',
        configMaps,
        options,
      ),
    };
  }

  it('defaults to two bookmark intervals and some slack', () => {
    expect(DEFAULT_SILENCE_LIMIT_MS).toBe(130_000);
  });

  it('reports a watch silent for the limit as timeout, not earlier, and bookmarks keep it alive', async () => {
    cluster(4, 150); // alive for ~600 ms, then silent
    const { transport: t, clusters } = transport({
      watchTimeoutSeconds: 60,
      silenceLimitMs: 400,
    });
    const events: string[] = [];
    let establishedAt = 0;
    const started = Date.now();
    const error = await t
      .watch(
        '1',
        e => events.push(e.type),
        new AbortController().signal,
        () => {
          establishedAt = Date.now();
        },
      )
      .then(
        () => undefined,
        e => e,
      );
    const elapsed = Date.now() - started;
    clusters.close();

    expect(establishedAt).toBeGreaterThan(0);
    expect(events).toEqual(['BOOKMARK', 'BOOKMARK', 'BOOKMARK', 'BOOKMARK']);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).clusterError).toEqual({
      type: 'timeout',
      message: 'the watch received nothing, not even a bookmark, for 0.4s',
    });
    // 4 bookmarks 150 ms apart, then 400 ms of silence
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });

  it('ends a watch aborted during discovery without sending it', async () => {
    cluster(0, 1000);
    const clusters = new DefaultPlatformMeshClustersService({
      config: readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [
              {
                name: 'runtime',
                url: BASE,
                authProvider: 'serviceAccount',
                serviceAccountToken: 'silence-test-token-0123',
              },
            ],
          },
        }),
      ),
    });
    const controller = new AbortController();
    const t = new ClusterTransport(
      async () => {
        controller.abort(); // e.g. shutdown while the client is being prepared
        return clusters.getClient('runtime');
      },
      'runtime',
      configMaps,
    );
    await expect(
      Promise.race([
        t.watch('1', () => {}, controller.signal),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the watch kept running')), 2000),
        ),
      ]),
    ).resolves.toBeUndefined();
    clusters.close();
    expect(watches).toBe(0);
  });
});
