import net from 'node:net';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { FakeCluster } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { readPlatformMeshConfig } from './config/readPlatformMeshConfig';
import { DefaultPlatformMeshClustersService } from './service/DefaultPlatformMeshClustersService';

const server = setupServer();
registerMswTestHooks(server);

const TOKEN = 'sha256~VERY-SECRET-BEARER-TOKEN-0123456789abcdef';
const PROVIDER_TOKEN = 'provider-issued-secret-token-abcdef0123456789';
const URL_ = 'http://127.0.0.1:17400';

describe('credentials never leak', () => {
  it('into thrown errors, failure data or log lines', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer(s => sockets.push(s));
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const closed = net.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>(resolve => closed.close(() => resolve()));
    server.use(
      http.all(`http://127.0.0.1:${silentPort}/*`, () => passthrough()),
      http.all(`http://127.0.0.1:${closedPort}/*`, () => passthrough()),
    );

    const logger = mockServices.logger.mock();
    const cluster = (name: string, url: string, extra: object = {}) => ({
      name,
      url,
      authProvider: 'serviceAccount',
      serviceAccountToken: TOKEN,
      ...extra,
    });
    const clusters = new DefaultPlatformMeshClustersService({
      config: readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [
              cluster('good', URL_),
              cluster('rejecting', 'http://127.0.0.1:17401'),
              cluster('silent', `http://127.0.0.1:${silentPort}`),
              cluster('down', `http://127.0.0.1:${closedPort}`),
              cluster('custom', URL_, {
                authProvider: 'broken',
                serviceAccountToken: undefined,
              }),
            ],
            requestTimeoutSeconds: 0.3,
          },
        }),
      ),
      logger,
    });
    clusters.addCredentialProvider('broken', {
      async getCredential() {
        throw new Error(`vault refused token ${PROVIDER_TOKEN}`);
      },
    });

    const good = new FakeCluster(URL_, TOKEN);
    good.intercept(async r => {
      if (r.path.endsWith('/forbidden')) {
        return HttpResponse.json(
          { kind: 'Status', code: 403, message: `denied for Bearer ${TOKEN}` },
          { status: 403 },
        );
      }
      if (r.path.endsWith('/slow')) {
        await delay(2000);
      }
      return undefined;
    });
    good.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'owned', namespace: 'ns' },
    });
    good.setConflict(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'owned', namespace: 'ns' },
      },
      [{ field: '.data.x', manager: 'kubectl' }],
    );
    server.use(
      ...good.handlers(),
      http.all('http://127.0.0.1:17401/*', () =>
        HttpResponse.json(
          { kind: 'Status', code: 401, message: 'Unauthorized' },
          { status: 401 },
        ),
      ),
    );

    const thrown: unknown[] = [];
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (error) {
        thrown.push(error);
      }
    };
    await attempt(() =>
      clusters.getClient('rejecting').requestJson({ path: '/api' }),
    );
    await attempt(() =>
      clusters.getClient('silent').requestJson({ path: '/api' }),
    );
    await attempt(() =>
      clusters.getClient('down').requestJson({ path: '/api' }),
    );
    await attempt(() =>
      clusters.getClient('custom').requestJson({ path: '/api' }),
    );
    await attempt(() =>
      clusters.getClient('good').requestJson({ path: '/api/v1/forbidden' }),
    );
    await attempt(() =>
      clusters.getClient('good').requestJson({ path: '/api/v1/slow' }),
    );
    await attempt(() =>
      clusters.getClient('good').get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'missing',
        namespace: 'ns',
      }),
    );
    expect(thrown).toHaveLength(7);
    expect(thrown.map(e => (e as any).clusterError.type)).toEqual([
      'unauthorized',
      'timeout',
      'unreachable',
      'unauthorized',
      'forbidden',
      'timeout',
      'not-found',
    ]);

    const applied = await clusters.applyEngine.apply([
      {
        cluster: 'good',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'owned', namespace: 'ns' },
          data: { x: '1' },
        },
      },
      {
        cluster: 'rejecting',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', namespace: 'ns' },
        },
      },
      {
        cluster: 'down',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', namespace: 'ns' },
        },
      },
      {
        cluster: 'custom',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', namespace: 'ns' },
        },
      },
    ]);
    expect(applied.dryRun.failures.map(f => f.error.type)).toEqual([
      'conflict',
      'unauthorized',
      'unreachable',
      'unauthorized',
    ]);

    const everything = [
      ...thrown.flatMap(e => [
        String(e),
        (e as Error).stack,
        JSON.stringify(e),
        JSON.stringify((e as any).status),
      ]),
      JSON.stringify(applied),
      ...Object.values(logger).flatMap(fn =>
        jest.isMockFunction(fn)
          ? fn.mock.calls.map(call => JSON.stringify(call))
          : [],
      ),
    ].join('\n');
    expect(everything).toContain('denied for Bearer [redacted]');
    expect(everything).toContain(
      'the credential provider for authProvider "broken" failed',
    );
    for (const secret of [TOKEN, PROVIDER_TOKEN]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/127\.0\.0\.1:\d+/);

    sockets.forEach(s => s.destroy());
    await new Promise<void>(resolve => silent.close(() => resolve()));
    clusters.close();
  });

  it('into configuration errors', () => {
    let error: unknown;
    try {
      readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [
              {
                name: 'a',
                url: `https://x:${TOKEN}@127.0.0.1`,
                serviceAccountToken: TOKEN,
                caData: TOKEN,
              },
            ],
          },
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain(
      'platformMesh.clusters[0].url: must not contain credentials',
    );
    expect(`${String(error)}${(error as Error).stack}`).not.toContain(TOKEN);
  });
});
