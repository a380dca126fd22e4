/*
 * Reads objects from the local API servers as their admin, to check what a browser action
 * changed on the cluster. Loopback only; every request has a timeout.
 */
import { request } from 'node:https';
import { devClusters, type Role } from '@internal/dev-clusters/lib/testing';

const TIMEOUT_MS = 10_000;

/** GET `path` on the cluster of `role` as admin; the parsed JSON object. */
export function getAsAdmin(role: Role, path: string): Promise<any> {
  const cluster = devClusters()[role];
  const url = new URL(path, cluster.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    return Promise.reject(new Error(`refusing a non-loopback cluster URL for ${role}`));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        ca: Buffer.from(cluster.caData, 'base64'),
        headers: {
          authorization: `Bearer ${cluster.tokens.admin}`,
          accept: 'application/json',
        },
        timeout: TIMEOUT_MS,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 300) {
            reject(new Error(`GET ${url.pathname} on ${role}: ${res.statusCode}`));
          } else {
            resolve(JSON.parse(body));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
