/*
 * The client's connection pools: ordinary requests share at most `maxSockets` sockets per cluster,
 * and watches (streams) have their own pool, so open watches never starve a list.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DispatchCredentialProvider } from '../credentials/DispatchCredentialProvider';
import { KubernetesClusterClient } from './KubernetesClusterClient';

/** A plain HTTP server on loopback that holds every answer until released, counting sockets. */
async function holdingServer() {
  const held: http.ServerResponse[] = [];
  const sockets = new Set<unknown>();
  let maxSockets = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.includes('watch=true')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      held.push(res);
      return;
    }
    if (req.url?.startsWith('/fast')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    held.push(res);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    maxSockets = Math.max(maxSockets, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    maxSockets: () => maxSockets,
    release() {
      for (const res of held.splice(0)) {
        if (!res.headersSent)
          res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function clientFor(
  url: string,
  limits: { maxSockets: number; maxStreams: number },
) {
  return new KubernetesClusterClient({
    cluster: {
      name: 'bounded',
      url,
      authProvider: 'serviceAccount',
      serviceAccountToken: 'bounded-sockets-test-token',
      skipTLSVerify: false,
      configPath: 'platformMesh.clusters[0]',
    },
    credentialProvider: new DispatchCredentialProvider(),
    requestTimeoutMs: 5_000,
    discoveryTtlMs: 60_000,
    ...limits,
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++)
    await new Promise(r => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('KubernetesClusterClient connection pools', () => {
  it('opens at most maxSockets sockets for concurrent requests; the rest wait their turn', async () => {
    const server = await holdingServer();
    const client = clientFor(server.url, { maxSockets: 3, maxStreams: 10 });
    try {
      const requests = Array.from({ length: 12 }, (_, i) =>
        client.requestJson({ path: `/held/${i}` }),
      );
      await until(() => server.held.length === 3);
      await new Promise(r => setTimeout(r, 100));
      expect(server.maxSockets()).toBe(3);
      expect(server.held).toHaveLength(3);
      let done = false;
      const all = Promise.all(requests).finally(() => {
        done = true;
      });
      while (!done) {
        server.release();
        await new Promise(r => setTimeout(r, 20));
      }
      await expect(all).resolves.toHaveLength(12);
      expect(server.maxSockets()).toBe(3);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('keeps watches in their own pool: open watches do not block a request', async () => {
    const server = await holdingServer();
    const client = clientFor(server.url, { maxSockets: 2, maxStreams: 10 });
    try {
      const watches = await Promise.all(
        Array.from({ length: 4 }, () =>
          client.requestStream({
            path: '/api/v1/configmaps',
            query: { watch: true },
          }),
        ),
      );
      expect(watches.every(w => w.statusCode === 200)).toBe(true);
      await expect(client.requestJson({ path: '/fast' })).resolves.toEqual({
        ok: true,
      });
      for (const w of watches) w.body.destroy();
    } finally {
      client.close();
      await server.close();
    }
  });
});
