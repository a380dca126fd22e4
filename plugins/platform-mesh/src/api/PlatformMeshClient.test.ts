import { ResponseError } from '@backstage/errors';
import { PlatformMeshClient } from './PlatformMeshClient';

describe('PlatformMeshClient', () => {
  const discoveryApi = {
    getBaseUrl: async () => 'http://backstage.test/api/platform-mesh',
  };

  it('requests the status of an instance at its encoded path', async () => {
    const fetch = jest.fn(
      async (_url: string) => new Response(JSON.stringify({ ok: 1 })),
    );
    const client = new PlatformMeshClient({
      discoveryApi,
      fetchApi: { fetch: fetch as any },
    });
    await expect(
      client.getInstanceStatus({
        target: 'dev',
        namespace: 'pm-healthy',
        name: 'platform-mesh',
      }),
    ).resolves.toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/platform-mesh/instances/dev/pm-healthy/platform-mesh/status',
    );
  });

  it('throws a ResponseError that carries the backend error', async () => {
    const body = {
      error: { name: 'NotAllowedError', message: 'denied' },
      request: { method: 'GET', url: '/api/platform-mesh/targets' },
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
    const error = await client.getTargets().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.name).toBe('NotAllowedError');
  });
});
