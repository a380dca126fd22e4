import { ResponseError } from '@backstage/errors';
import { PlatformMeshClient } from './PlatformMeshClient';

const discoveryApi = {
  getBaseUrl: async () => 'http://backstage.test/api/platform-mesh',
};
const ref = { target: 'dev', namespace: 'pm-failed', name: 'platform-mesh' };

describe('PlatformMeshClient reconcile and objects', () => {
  it('posts the reconcile request as JSON and returns the result', async () => {
    const result = {
      object: {
        role: 'infra',
        cluster: 'pm-infra',
        kind: 'HelmRelease',
        namespace: 'pm-failed',
        name: 'portal',
      },
      requestedAt: '2025-01-01T00:00:00Z',
      annotations: { 'reconcile.fluxcd.io/requestedAt': '2025-01-01T00:00:00Z' },
    };
    const fetch = jest.fn(async () => new Response(JSON.stringify(result)));
    const client = new PlatformMeshClient({ discoveryApi, fetchApi: { fetch } });
    await expect(
      client.reconcile(ref, {
        kind: 'HelmRelease',
        namespace: 'pm-failed',
        name: 'portal',
        force: true,
      }),
    ).resolves.toEqual(result);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/platform-mesh/instances/dev/pm-failed/platform-mesh/reconcile',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          kind: 'HelmRelease',
          namespace: 'pm-failed',
          name: 'portal',
          force: true,
        }),
      },
    );
  });

  it('throws the backend 403 as a ResponseError with its message', async () => {
    const body = {
      error: {
        name: 'NotAllowedError',
        message:
          'Reconcile is off for target dev: set platformMesh.targets.dev.reconcile',
      },
      response: { statusCode: 403 },
    };
    const client = new PlatformMeshClient({
      discoveryApi,
      fetchApi: {
        fetch: (async () =>
          new Response(JSON.stringify(body), {
            status: 403,
            headers: { 'content-type': 'application/json' },
          })) as any,
      },
    });
    const error = await client
      .reconcile(ref, { kind: 'PlatformMesh' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toContain('platformMesh.targets.dev');
  });

  it('reads an object at its encoded path', async () => {
    const fetch = jest.fn(
      async () => new Response(JSON.stringify({ kind: 'HelmRelease' })),
    );
    const client = new PlatformMeshClient({ discoveryApi, fetchApi: { fetch } });
    await client.getObject(ref, {
      role: 'infra',
      kind: 'HelmRelease',
      namespace: 'pm-failed',
      name: 'portal',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/platform-mesh/instances/dev/pm-failed/platform-mesh/objects/infra/HelmRelease/pm-failed/portal',
    );
  });

  it('never requests a Secret', async () => {
    const fetch = jest.fn();
    const client = new PlatformMeshClient({ discoveryApi, fetchApi: { fetch } });
    await expect(
      client.getObject(ref, {
        role: 'infra',
        kind: 'Secret',
        namespace: 'pm-failed',
        name: 'platform-mesh-runtime-secret',
      }),
    ).rejects.toThrow('never requested');
    expect(fetch).not.toHaveBeenCalled();
  });
});
