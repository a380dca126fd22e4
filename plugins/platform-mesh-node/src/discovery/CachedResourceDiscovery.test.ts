import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { KubernetesClusterClient } from '../client/KubernetesClusterClient';
import { ClusterRequestError } from '../client/ClusterRequestError';
import { DispatchCredentialProvider } from '../credentials/DispatchCredentialProvider';
import { CachedResourceDiscovery } from './CachedResourceDiscovery';

const URL_ = 'http://127.0.0.1:17200';
const TOKEN = 'discovery-token-0123456789';

const server = setupServer();
registerMswTestHooks(server);

describe('CachedResourceDiscovery', () => {
  let fake: FakeCluster;
  let client: KubernetesClusterClient;
  let now: number;
  let discovery: CachedResourceDiscovery;

  beforeEach(() => {
    fake = new FakeCluster(URL_, TOKEN, [
      ...CORE_RESOURCES,
      PLATFORM_MESH_RESOURCE,
      HELM_RELEASE_RESOURCE,
      { ...HELM_RELEASE_RESOURCE, version: 'v2beta2' },
    ]);
    server.use(...fake.handlers());
    client = new KubernetesClusterClient({
      cluster: {
        name: 'infra',
        url: URL_,
        authProvider: 'serviceAccount',
        serviceAccountToken: TOKEN,
        skipTLSVerify: false,
        configPath: 'test',
      },
      credentialProvider: new DispatchCredentialProvider(),
      requestTimeoutMs: 1000,
      discoveryTtlMs: 60_000,
    });
    now = 1_000_000;
    discovery = new CachedResourceDiscovery({
      clusterName: 'infra',
      requestJson: r => client.requestJson(r),
      ttlMs: 60_000,
      negativeTtlMs: 5_000,
      now: () => now,
    });
  });

  const paths = () => fake.requests.map(r => r.path);

  it('resolves a core kind from /api/v1', async () => {
    await expect(
      discovery.resolve({ apiVersion: 'v1', kind: 'ConfigMap' }),
    ).resolves.toEqual({
      group: '',
      version: 'v1',
      kind: 'ConfigMap',
      plural: 'configmaps',
      namespaced: true,
      verbs: ['get', 'list', 'watch', 'create', 'patch'],
    });
    await expect(
      discovery.resolve({ group: '', kind: 'Namespace' }),
    ).resolves.toMatchObject({
      plural: 'namespaces',
      namespaced: false,
    });
    expect(paths()).toEqual(['/api/v1', '/api', '/apis']);
  });

  it('resolves the preferred version of a group and serves repeats from the cache', async () => {
    const first = await discovery.resolve({
      group: 'helm.toolkit.fluxcd.io',
      kind: 'HelmRelease',
    });
    expect(first).toMatchObject({
      version: 'v2',
      plural: 'helmreleases',
      namespaced: true,
    });
    const requestsAfterFirst = fake.requests.length;
    expect(paths()).toEqual([
      '/api',
      '/apis',
      '/apis/helm.toolkit.fluxcd.io/v2',
    ]);

    await discovery.resolve({
      group: 'helm.toolkit.fluxcd.io',
      kind: 'HelmRelease',
    });
    await discovery.resolve({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
    });
    expect(fake.requests).toHaveLength(requestsAfterFirst);
  });

  it('needs exactly one request for a GVK and none when cached', async () => {
    await discovery.resolve({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
    });
    expect(paths()).toEqual(['/apis/core.platform-mesh.io/v1alpha1']);
    await discovery.resolve({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
    });
    expect(paths()).toHaveLength(1);
  });

  it('resolves an explicit, non-preferred version', async () => {
    await expect(
      discovery.resolve({
        apiVersion: 'helm.toolkit.fluxcd.io/v2beta2',
        kind: 'HelmRelease',
      }),
    ).resolves.toMatchObject({ version: 'v2beta2' });
  });

  it('shares one request between concurrent look-ups', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () =>
        discovery.resolve({ apiVersion: 'v1', kind: 'Secret' }),
      ),
    );
    expect(paths()).toEqual(['/api/v1']);
  });

  it('fetches again after the lifetime', async () => {
    await discovery.resolve({ apiVersion: 'v1', kind: 'Secret' });
    now += 60_001;
    await discovery.resolve({ apiVersion: 'v1', kind: 'Secret' });
    expect(paths()).toEqual(['/api/v1', '/api/v1']);
  });

  it.each([
    [
      { group: 'source.toolkit.fluxcd.io', kind: 'OCIRepository' },
      'API group source.toolkit.fluxcd.io is not served (is the CRD for OCIRepository installed?)',
    ],
    [
      { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository' },
      'source.toolkit.fluxcd.io/v1 is not served (is the CRD for OCIRepository installed?)',
    ],
    [
      { apiVersion: 'helm.toolkit.fluxcd.io/v2beta1', kind: 'HelmRelease' },
      'helm.toolkit.fluxcd.io/v2beta1 is not served (is the CRD for HelmRelease installed?)',
    ],
    [
      { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmChart' },
      'kind HelmChart is not served by helm.toolkit.fluxcd.io/v2 (is its CRD installed?)',
    ],
  ])('fails with crd-missing for %j', async (type, message) => {
    const error = await discovery.resolve(type).catch(e => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.clusterError).toMatchObject({ type: 'crd-missing', message });
    expect(error.cluster).toBe('infra');
  });

  it('remembers "not served" only briefly, so a new CRD is found', async () => {
    const type = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
    };
    await expect(discovery.resolve(type)).rejects.toThrow('not served');
    await expect(discovery.resolve(type)).rejects.toThrow('not served');
    expect(paths()).toHaveLength(1);
    now += 5_001;
    await expect(discovery.resolve(type)).rejects.toThrow('not served');
    expect(paths()).toHaveLength(2);
  });

  it('does not cache transient failures', async () => {
    let fail = true;
    fake.intercept(() =>
      fail
        ? HttpResponse.json(
            { kind: 'Status', code: 503, message: 'unavailable' },
            { status: 503 },
          )
        : undefined,
    );
    await expect(
      discovery.resolve({ apiVersion: 'v1', kind: 'Secret' }),
    ).rejects.toThrow('unavailable');
    fail = false;
    await expect(
      discovery.resolve({ apiVersion: 'v1', kind: 'Secret' }),
    ).resolves.toMatchObject({ plural: 'secrets' });
  });

  it('forgets everything on invalidate', async () => {
    await discovery.resolve({ apiVersion: 'v1', kind: 'Secret' });
    await discovery.resolve({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
    });
    discovery.invalidate('helm.toolkit.fluxcd.io');
    await discovery.resolve({ apiVersion: 'v1', kind: 'Secret' });
    await discovery.resolve({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
    });
    expect(paths()).toEqual([
      '/api/v1',
      '/apis/helm.toolkit.fluxcd.io/v2',
      '/apis/helm.toolkit.fluxcd.io/v2',
    ]);
    discovery.invalidate();
    await discovery.resolve({ apiVersion: 'v1', kind: 'Secret' });
    expect(paths()).toHaveLength(4);
  });

  it('is what the client uses, per cluster', async () => {
    await client.list({ apiVersion: 'v1', kind: 'ConfigMap' });
    await client.list({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(paths()).toEqual([
      '/api/v1',
      '/api/v1/configmaps',
      '/api/v1/configmaps',
    ]);
  });

  it('asks again when fresh: a CRD deleted after the last look-up is missing at once', async () => {
    const type = { group: 'core.platform-mesh.io', kind: 'PlatformMesh' };
    await expect(discovery.resolve(type)).resolves.toMatchObject({
      plural: 'platformmeshes',
    });
    (fake as any).resources = CORE_RESOURCES;
    // well within the TTL: the cache still answers from memory...
    now += 1_000;
    await expect(discovery.resolve(type)).resolves.toMatchObject({
      plural: 'platformmeshes',
    });
    fake.requests.length = 0;
    // ...a fresh look-up asks the server (group list and group version) and sees it gone
    await expect(
      discovery.resolve(type, { fresh: true }),
    ).rejects.toMatchObject({ clusterError: { type: 'crd-missing' } });
    expect(paths()).toEqual(['/api', '/apis']);
    await expect(
      discovery.resolve(
        { apiVersion: 'core.platform-mesh.io/v1alpha1', kind: 'PlatformMesh' },
        { fresh: true },
      ),
    ).rejects.toMatchObject({ clusterError: { type: 'crd-missing' } });
    expect(paths()).toEqual([
      '/api',
      '/apis',
      '/apis/core.platform-mesh.io/v1alpha1',
    ]);
  });
});
