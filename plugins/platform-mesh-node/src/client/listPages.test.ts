/*
 * Paged lists over HTTP (msw): continue tokens followed to the end, an expired token (410)
 * restarting the list, a page over the byte cap asked for again smaller, and nothing but the
 * last complete listing delivered.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DispatchCredentialProvider } from '../credentials/DispatchCredentialProvider';
import { ClusterRequestError } from './ClusterRequestError';
import { KubernetesClusterClient } from './KubernetesClusterClient';
import { listPages } from './listPages';

const BASE = 'http://127.0.0.1:17104';
const TOKEN = 'paging-test-token-0123456789abcdef';
const CONFIGMAPS = { apiVersion: 'v1', kind: 'ConfigMap' };

const server = setupServer();
registerMswTestHooks(server);

const cm = (i: number, padding = '') => ({
  metadata: { name: `cm-${i}`, namespace: 'ns', resourceVersion: `${i}` },
  data: { padding },
});

interface Seen {
  limit: string | null;
  continue: string | null;
  resourceVersion: string | null;
}

/**
 * A collection served like kube-apiserver pages it: the continue token is the offset, tagged with
 * the snapshot; `expire` lists continue tokens to answer once with 410 Gone.
 */
function serve(
  objects: Array<ReturnType<typeof cm>>,
  options: { expire?: string[]; rv?: () => string } = {},
) {
  const seen: Seen[] = [];
  const expire = new Set(options.expire ?? []);
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
      const query = {
        limit: url.searchParams.get('limit'),
        continue: url.searchParams.get('continue'),
        resourceVersion: url.searchParams.get('resourceVersion'),
      };
      seen.push(query);
      if (query.continue && expire.delete(query.continue)) {
        return HttpResponse.json(
          {
            kind: 'Status',
            status: 'Failure',
            reason: 'Expired',
            code: 410,
            message: 'The provided continue parameter is too old',
          },
          { status: 410 },
        );
      }
      const start = query.continue ? Number(query.continue.split(':')[1]) : 0;
      const limit = Number(query.limit ?? objects.length);
      const end = Math.min(objects.length, start + limit);
      return HttpResponse.json({
        kind: 'ConfigMapList',
        apiVersion: 'v1',
        metadata: {
          resourceVersion: options.rv?.() ?? '1000',
          ...(end < objects.length ? { continue: `snap:${end}` } : {}),
        },
        items: objects.slice(start, end),
      });
    }),
  );
  return seen;
}

function client() {
  return new KubernetesClusterClient({
    cluster: {
      name: 'runtime',
      url: BASE,
      authProvider: 'serviceAccount',
      serviceAccountToken: TOKEN,
      skipTLSVerify: false,
      configPath: 'platformMesh.clusters[0]',
    },
    credentialProvider: new DispatchCredentialProvider(),
    requestTimeoutMs: 2000,
    discoveryTtlMs: 60_000,
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => cm(i));

describe('listPages', () => {
  it('follows continue tokens with a limit until the collection is complete', async () => {
    const seen = serve(range(1200));
    const names: string[] = [];
    const result = await listPages(client(), CONFIGMAPS, {
      limit: 500,
      onPage: items => names.push(...items.map(i => i.metadata.name)),
    });
    expect(names).toHaveLength(1200);
    expect(new Set(names).size).toBe(1200);
    expect(result).toEqual({
      resourceVersion: '1000',
      requests: 3,
      items: 1200,
      restarts: 0,
    });
    expect(seen.map(s => [s.limit, s.continue])).toEqual([
      ['500', null],
      ['500', 'snap:500'],
      ['500', 'snap:1000'],
    ]);
    // a quorum read: resourceVersion=0 would be served from the watch cache, ignoring limit
    expect(seen.every(s => s.resourceVersion === null)).toBe(true);
  });

  it('starts over from the first page when a continue token expires (410 Gone)', async () => {
    let snapshot = 1000;
    const seen = serve(range(1200), {
      expire: ['snap:1000'],
      rv: () => `${snapshot++}`,
    });
    const delivered: string[] = [];
    const restarted = jest.fn(() => delivered.splice(0));
    const result = await listPages(client(), CONFIGMAPS, {
      limit: 500,
      onPage: items => delivered.push(...items.map(i => i.metadata.name)),
      onRestart: restarted,
    });
    expect(restarted).toHaveBeenCalledTimes(1);
    expect(delivered).toHaveLength(1200);
    expect(result.restarts).toBe(1);
    expect(result.items).toBe(1200);
    // pages 1, 2, the expired 3rd, then 1, 2, 3 again
    expect(seen.map(s => s.continue)).toEqual([
      null,
      'snap:500',
      'snap:1000',
      null,
      'snap:500',
      'snap:1000',
    ]);
    // the snapshot of the restarted list's first page (1000, 1001 were the abandoned one's)
    expect(result.resourceVersion).toBe('1002');
  });

  it('gives up with a typed error (not 410) when the token keeps expiring', async () => {
    serve(range(30));
    // every continue token is expired: the list can never complete
    server.use(
      http.get(`${BASE}/api/v1/configmaps`, ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('continue')) {
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
        return HttpResponse.json({
          kind: 'ConfigMapList',
          metadata: { resourceVersion: '1', continue: 'snap:10' },
          items: range(10),
        });
      }),
    );
    const error = await listPages(client(), CONFIGMAPS, {
      limit: 10,
      maxRestarts: 2,
      onPage: () => undefined,
    }).catch(e => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.clusterError.type).toBe('unknown');
    expect(error.clusterError.statusCode).toBeUndefined();
    expect(error.clusterError.message).toBe(
      'the list could not complete: its continue token expired 3 times',
    );
    expect(JSON.stringify(error.clusterError)).not.toContain(TOKEN);
  });

  it('asks again with half the limit when a page is over the byte cap, and completes', async () => {
    // 40 objects of about 1 KiB: 20 per page are ~20 KiB, over a 12 KiB cap; 10 per page fit
    const objects = Array.from({ length: 40 }, (_, i) =>
      cm(i, 'x'.repeat(1000)),
    );
    const seen = serve(objects);
    const names: string[] = [];
    const result = await listPages(client(), CONFIGMAPS, {
      limit: 20,
      maxBytesPerPage: 12 * 1024,
      onPage: items => names.push(...items.map(i => i.metadata.name)),
    });
    expect(names).toHaveLength(40);
    expect(result.items).toBe(40);
    expect(seen.map(s => [s.limit, s.continue])).toEqual([
      ['20', null],
      ['10', null],
      ['10', 'snap:10'],
      ['10', 'snap:20'],
      ['10', 'snap:30'],
    ]);
  });

  it('fails with responseTooLarge when even one object is over the cap', async () => {
    serve([cm(0, 'x'.repeat(4000))]);
    const error = await listPages(client(), CONFIGMAPS, {
      limit: 4,
      maxBytesPerPage: 1024,
      onPage: () => undefined,
    }).catch(e => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.responseTooLarge).toBe(true);
    expect(error.clusterError.message).toBe('the response exceeded 1024 bytes');
  });
});
