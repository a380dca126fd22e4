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

describe('PlatformMeshClient conditional status requests', () => {
  const discoveryApi = {
    getBaseUrl: async () => 'http://backstage.test/api/platform-mesh',
  };
  const ref = { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' };

  it('sends If-None-Match with the last ETag and resolves a 304 with the previous status', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ overall: 'healthy' }), {
          headers: { etag: '"v1"' },
        }),
      )
      .mockResolvedValueOnce(new Response(null, { status: 304 }))
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ overall: 'failed' }), {
          headers: { etag: '"v2"' },
        }),
      )
      .mockResolvedValueOnce(new Response(null, { status: 304 }));
    const client = new PlatformMeshClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    const first = await client.getInstanceStatus(ref);
    expect(fetch.mock.calls[0]).toHaveLength(1);

    const second = await client.getInstanceStatus(ref);
    expect(fetch.mock.calls[1][1]).toEqual({
      headers: { 'If-None-Match': '"v1"' },
    });
    expect(second).toBe(first);

    const third = await client.getInstanceStatus(ref);
    expect(fetch.mock.calls[2][1]).toEqual({
      headers: { 'If-None-Match': '"v1"' },
    });
    expect(third).toEqual({ overall: 'failed' });

    await client.getInstanceStatus(ref);
    expect(fetch.mock.calls[3][1]).toEqual({
      headers: { 'If-None-Match': '"v2"' },
    });
  });

  it('forgets the ETag after an error, so the next answer is a full one', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ overall: 'healthy' }), {
          headers: { etag: '"v1"' },
        }),
      )
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ error: { name: 'NotAllowedError' } }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
      )
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ overall: 'healthy' }), {
          headers: { etag: '"v1"' },
        }),
      );
    const client = new PlatformMeshClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await client.getInstanceStatus(ref);
    await expect(client.getInstanceStatus(ref)).rejects.toBeInstanceOf(
      ResponseError,
    );
    await client.getInstanceStatus(ref);
    expect(fetch.mock.calls[2]).toHaveLength(1);
  });
});
