import net from 'node:net';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import type { PlatformMeshClusterDetails } from '../config/types';
import { DispatchCredentialProvider } from '../credentials/DispatchCredentialProvider';
import { ClusterRequestError } from './ClusterRequestError';
import { KubernetesClusterClient } from './KubernetesClusterClient';

const TOKEN = 'client-test-token-0123456789abcdef';
const URL_ = 'http://127.0.0.1:17100';

const server = setupServer();
registerMswTestHooks(server);

function details(
  extra: Partial<PlatformMeshClusterDetails> = {},
): PlatformMeshClusterDetails {
  return {
    name: 'runtime',
    url: URL_,
    authProvider: 'serviceAccount',
    serviceAccountToken: TOKEN,
    skipTLSVerify: false,
    configPath: 'platformMesh.clusters[0]',
    ...extra,
  };
}

function client(
  extra: Partial<PlatformMeshClusterDetails> = {},
  timeoutMs = 1000,
  credentials = new DispatchCredentialProvider(),
) {
  return new KubernetesClusterClient({
    cluster: details(extra),
    credentialProvider: credentials,
    requestTimeoutMs: timeoutMs,
    discoveryTtlMs: 60_000,
  });
}

async function failure(
  promise: Promise<unknown>,
): Promise<ClusterRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterRequestError);
    const e = error as ClusterRequestError;
    // never a credential, never the cluster URL or port
    const text = `${e.message}\n${e.stack}\n${JSON.stringify(e.clusterError)}`;
    expect(text).not.toContain(TOKEN);
    expect(e.clusterError.message).not.toMatch(/127\.0\.0\.1|:\d{4,5}\b/);
    return e;
  }
  throw new Error('expected the call to fail');
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>(resolve => s.close(() => resolve()));
  return port;
}

describe('KubernetesClusterClient', () => {
  let fake: FakeCluster;
  beforeEach(() => {
    fake = new FakeCluster(URL_, TOKEN, [
      ...CORE_RESOURCES,
      PLATFORM_MESH_RESOURCE,
      HELM_RELEASE_RESOURCE,
    ]);
    server.use(...fake.handlers());
  });

  it('sends the bearer token and reads an object', async () => {
    fake.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'ns' },
      data: { k: 'v' },
    });
    const c = client();
    const cm = await c.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'a',
      namespace: 'ns',
    });
    expect(cm.data).toEqual({ k: 'v' });
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1',
      'GET /api/v1/namespaces/ns/configmaps/a',
    ]);
    expect(
      fake.requests.every(r => r.authorization === `Bearer ${TOKEN}`),
    ).toBe(true);
  });

  it('honours a path prefix in the cluster URL', async () => {
    const prefixed = new FakeCluster(`${URL_}/k8s/clusters/c-1`, TOKEN);
    server.use(...prefixed.handlers());
    const c = client({ url: `${URL_}/k8s/clusters/c-1` });
    await c.list({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(prefixed.requests.map(r => r.path)).toEqual([
      '/api/v1',
      '/api/v1/configmaps',
    ]);
  });

  it('lists with label selector and resourceVersion, using the preferred version', async () => {
    fake.seed({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'a', namespace: 'ns', labels: { x: '1' } },
    });
    fake.seed({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'b', namespace: 'ns' },
    });
    const c = client();
    const list = await c.list(
      { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
      { namespace: 'ns', labelSelector: 'x=1', resourceVersion: '0' },
    );
    expect(list.items.map(i => i.metadata.name)).toEqual(['a']);
    const last = fake.requests[fake.requests.length - 1];
    expect(last.path).toBe(
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/ns/helmreleases',
    );
    expect(last.query.get('labelSelector')).toBe('x=1');
    expect(last.query.get('resourceVersion')).toBe('0');
  });

  it('server-side applies with our field manager, no force, and dryRun=All when asked', async () => {
    const c = client();
    const object = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'ns' },
      data: { k: 'v' },
    };
    await c.apply(object, { dryRun: true });
    await c.apply(object, { force: true, fieldManager: 'someone' });
    const patches = fake.requests.filter(r => r.method === 'PATCH');
    expect(
      patches.map(r => [
        r.contentType,
        r.query.get('fieldManager'),
        r.query.get('force'),
        r.query.get('dryRun'),
      ]),
    ).toEqual([
      ['application/apply-patch+yaml', 'backstage-platform-mesh', null, 'All'],
      ['application/apply-patch+yaml', 'someone', 'true', null],
    ]);
  });

  it('creates a TokenRequest and a SelfSubjectAccessReview, and reads pod logs', async () => {
    fake.seed({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'op', namespace: 'ns' },
    });
    fake.accessReview = attrs => ({
      allowed: attrs.verb === 'get',
      reason: 'rbac',
    });
    fake.now = () => Date.parse('2030-01-01T00:00:00Z');
    const c = client();
    const minted = await c.requestServiceAccountToken('ns', 'op', {
      audiences: ['x'],
      expirationSeconds: 600,
    });
    expect(fake.mintedTokens).toHaveLength(1);
    expect(minted).toEqual({
      token: fake.mintedTokens[0],
      expirationTimestamp: '2030-01-01T00:10:00.000Z',
    });
    await expect(
      c.selfSubjectAccessReview({ verb: 'get', resource: 'secrets' }),
    ).resolves.toEqual({
      allowed: true,
      denied: undefined,
      reason: 'rbac',
    });
    await expect(
      c.selfSubjectAccessReview({ verb: 'patch', resource: 'secrets' }),
    ).resolves.toMatchObject({
      allowed: false,
    });
    fake.podLog = 'a\nb\nc\nd\n';
    await expect(
      c.podLogs({
        namespace: 'ns',
        pod: 'op-1',
        tailLines: 2,
        limitBytes: 1000,
      }),
    ).resolves.toBe('c\nd\n');
    const paths = fake.apiRequests.map(r => `${r.method} ${r.path}?${r.query}`);
    expect(paths).toEqual([
      'POST /api/v1/namespaces/ns/serviceaccounts/op/token?',
      'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews?',
      'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews?',
      'GET /api/v1/namespaces/ns/pods/op-1/log?tailLines=2&limitBytes=1000',
    ]);
  });

  it('streams a response for watches', async () => {
    server.use(
      http.get(`${URL_}/api/v1/namespaces/ns/configmaps`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('watch')).toBe('true');
        return new HttpResponse(
          '{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n{"type":"DELETED","object":{"metadata":{"name":"a"}}}\n',
        );
      }),
    );
    const c = client();
    const response = await c.requestStream({
      path: '/api/v1/namespaces/ns/configmaps',
      query: { watch: true },
    });
    expect(response.statusCode).toBe(200);
    let text = '';
    for await (const chunk of response.body) text += chunk.toString();
    expect(
      text
        .trim()
        .split('\n')
        .map(l => JSON.parse(l).type),
    ).toEqual(['ADDED', 'DELETED']);
  });

  it('exposes the in-memory KubeConfig for library helpers', async () => {
    const kc = await client().getKubeConfig();
    expect(kc.getCurrentCluster()).toMatchObject({
      server: URL_,
      skipTLSVerify: true,
    });
    expect(kc.getCurrentUser()?.token).toBe(TOKEN);
  });

  describe('error mapping', () => {
    it('maps a closed port to unreachable', async () => {
      const port = await closedPort();
      server.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
      const e = await failure(
        client({ url: `http://127.0.0.1:${port}` }).requestJson({
          path: '/api',
        }),
      );
      expect(e.clusterError).toEqual({
        type: 'unreachable',
        message: 'connection refused (ECONNREFUSED)',
      });
      expect(e.cluster).toBe('runtime');
    });

    it('maps a server that never answers to timeout', async () => {
      const sockets: net.Socket[] = [];
      const silent = net.createServer(socket => sockets.push(socket));
      await new Promise<void>(resolve =>
        silent.listen(0, '127.0.0.1', resolve),
      );
      const { port } = silent.address() as net.AddressInfo;
      server.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
      try {
        const started = Date.now();
        const e = await failure(
          client({ url: `http://127.0.0.1:${port}` }, 300).requestJson({
            path: '/api',
          }),
        );
        expect(e.clusterError).toEqual({
          type: 'timeout',
          message: 'no answer within 0.3s',
        });
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        sockets.forEach(s => s.destroy());
        await new Promise<void>(resolve => silent.close(() => resolve()));
      }
    });

    it('maps a slow response to timeout', async () => {
      server.use(
        http.get(`${URL_}/api`, async () => {
          await delay(2000);
          return HttpResponse.json({ versions: ['v1'] });
        }),
      );
      const e = await failure(
        client({}, 200).requestJson({ path: '/api', resource: 'api' }),
      );
      expect(e.clusterError).toMatchObject({
        type: 'timeout',
        resource: 'api',
      });
    });

    it('maps 401 to unauthorized', async () => {
      const wrong = client({ serviceAccountToken: 'wrong-token-0123456789' });
      const e = await failure(
        wrong.list({ apiVersion: 'v1', kind: 'ConfigMap' }),
      );
      expect(e.clusterError).toEqual({
        type: 'unauthorized',
        message: 'the API server rejected our credentials (Unauthorized)',
        statusCode: 401,
      });
      expect(e.message).not.toContain('wrong-token-0123456789');
    });

    it('maps 403 to forbidden with the server message', async () => {
      fake.intercept(r =>
        r.method === 'GET' && r.path.endsWith('/secrets')
          ? HttpResponse.json(
              {
                kind: 'Status',
                status: 'Failure',
                reason: 'Forbidden',
                code: 403,
                message:
                  'secrets is forbidden: User "system:serviceaccount:pm:reader" cannot list resource "secrets" in API group "" in the namespace "ns"',
                details: { kind: 'secrets' },
              },
              { status: 403 },
            )
          : undefined,
      );
      const e = await failure(
        client().list(
          { apiVersion: 'v1', kind: 'Secret' },
          { namespace: 'ns' },
        ),
      );
      expect(e.clusterError).toEqual({
        type: 'forbidden',
        message: expect.stringContaining('cannot list resource "secrets"'),
        statusCode: 403,
        resource: 'secrets',
      });
    });

    it('maps a missing object to not-found', async () => {
      const c = client();
      const e = await failure(
        c.get({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'nope',
          namespace: 'ns',
        }),
      );
      expect(e.clusterError).toEqual({
        type: 'not-found',
        message: 'configmaps "nope" not found',
        statusCode: 404,
        resource: 'configmaps',
      });
      await expect(
        c.tryGet({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'nope',
          namespace: 'ns',
        }),
      ).resolves.toBeUndefined();
    });

    it('maps a collection of an unserved API group to crd-missing', async () => {
      const c = client();
      const raw = await failure(
        c.requestJson({
          path: '/apis/source.toolkit.fluxcd.io/v1/namespaces/ns/ocirepositories',
          resource: 'ocirepositories.source.toolkit.fluxcd.io',
        }),
      );
      expect(raw.clusterError).toEqual({
        type: 'crd-missing',
        message:
          'the API server does not serve ocirepositories.source.toolkit.fluxcd.io (is its CRD installed?)',
        statusCode: 404,
        resource: 'ocirepositories.source.toolkit.fluxcd.io',
      });
      // the same through discovery: the group is not served at all
      const viaDiscovery = await failure(
        c.list({ group: 'source.toolkit.fluxcd.io', kind: 'OCIRepository' }),
      );
      expect(viaDiscovery.clusterError.type).toBe('crd-missing');
      // a served group without that resource
      const resourceMissing = await failure(
        c.requestJson({
          path: '/apis/core.platform-mesh.io/v1alpha1/namespaces/ns/others',
        }),
      );
      expect(resourceMissing.clusterError.type).toBe('crd-missing');
    });

    it('maps other statuses to unknown with the status code', async () => {
      fake.intercept(() =>
        HttpResponse.json(
          {
            kind: 'Status',
            code: 500,
            reason: 'InternalError',
            message: 'etcdserver: request timed out',
          },
          { status: 500 },
        ),
      );
      const e = await failure(client().requestJson({ path: '/api' }));
      expect(e.clusterError).toEqual({
        type: 'unknown',
        message: 'etcdserver: request timed out',
        statusCode: 500,
      });
    });

    it('scrubs a credential the server echoes back', async () => {
      fake.intercept(() =>
        HttpResponse.json(
          {
            kind: 'Status',
            code: 400,
            message: `bad header Authorization: Bearer ${TOKEN}`,
          },
          { status: 400 },
        ),
      );
      const e = await failure(client().requestJson({ path: '/api' }));
      expect(e.clusterError.message).toBe(
        'bad header Authorization: [redacted]',
      );
      expect(JSON.stringify(e.status)).not.toContain(TOKEN);
    });

    it('fails as unauthorized when no credential provider handles the authProvider', async () => {
      const e = await failure(
        client({ authProvider: 'oidc' }).requestJson({ path: '/api' }),
      );
      expect(e.clusterError.type).toBe('unauthorized');
      expect(e.clusterError.message).toContain(
        'no credential provider for authProvider "oidc"',
      );
      expect(fake.requests).toHaveLength(0);
    });

    it('rejects a response larger than the limit', async () => {
      fake.podLog = 'x'.repeat(200_000);
      const e = await failure(
        client().podLogs({ namespace: 'ns', pod: 'p', limitBytes: 10 }),
      );
      expect(e.clusterError).toMatchObject({
        type: 'unknown',
        message: expect.stringContaining('exceeded'),
      });
    });

    it('reports a cancelled request', async () => {
      server.use(
        http.get(`${URL_}/api`, async () => {
          await delay(2000);
          return HttpResponse.json({});
        }),
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const e = await failure(
        client({}, 5000).requestJson({
          path: '/api',
          signal: controller.signal,
        }),
      );
      expect(e.clusterError).toEqual({
        type: 'unknown',
        message: 'the request was cancelled',
      });
    });
  });

  it('uses a registered credential provider', async () => {
    const credentials = new DispatchCredentialProvider();
    credentials.addCredentialProvider('custom', {
      async getCredential(cluster) {
        expect(cluster.name).toBe('runtime');
        return { type: 'bearer token', token: TOKEN };
      },
    });
    expect(() =>
      credentials.addCredentialProvider('custom', { getCredential: jest.fn() }),
    ).toThrow(/already registered/);
    const c = client(
      { authProvider: 'custom', serviceAccountToken: undefined },
      1000,
      credentials,
    );
    await c.requestJson({ path: '/api' });
    expect(fake.requests[0].authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('KubernetesClusterClient discovery refresh', () => {
  it('looks a group up again when a served resource turns out missing, but not on every miss', async () => {
    const fake = new FakeCluster(URL_, TOKEN, [
      ...CORE_RESOURCES,
      PLATFORM_MESH_RESOURCE,
    ]);
    server.use(...fake.handlers());
    const c = client();
    const type = {
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
    };
    await c.list(type);
    // the CRD is removed behind our back
    fake.intercept(r =>
      r.path.startsWith('/apis/core.platform-mesh.io')
        ? new HttpResponse('404 page not found', { status: 404 })
        : undefined,
    );
    await expect(c.list(type)).rejects.toThrow('crd-missing');
    await expect(c.list(type)).rejects.toThrow('crd-missing');
    await expect(c.list(type)).rejects.toThrow('crd-missing');
    expect(fake.requests.map(r => r.path)).toEqual([
      '/apis/core.platform-mesh.io/v1alpha1',
      '/apis/core.platform-mesh.io/v1alpha1/platformmeshes',
      '/apis/core.platform-mesh.io/v1alpha1/platformmeshes',
      // discovery was dropped for the group: asked once, then "not served" is remembered
      '/apis/core.platform-mesh.io/v1alpha1',
    ]);
  });
});
