/*
 * The status route answers the cache's serialized bytes with a strong ETag, and `304 Not
 * Modified` without a body to a request that already holds them; the permission check runs on
 * every request, a conditional one included.
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  helmRelease,
} from '../__testUtils__/fixtures';
import { InformerPool } from '../cache/InformerPool';
import { StatusCache } from '../cache/StatusCache';
import { InstanceAuthorizer } from './InstanceAuthorizer';
import { createRouter } from './router';

const STATUS = '/instances/dev/pm-healthy/platform-mesh/status';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

async function setup() {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(healthyClusters()))
    clusters.set(cluster, objects);
  const logger = mockServices.logger.mock();
  const cache = new StatusCache({
    targets: [devTarget],
    pool: new InformerPool({
      transportFactory: clusters.transportFactory,
      logger,
      backoffMs: () => 60_000,
    }),
    logger,
    now: () => new Date('2026-11-25T07:00:00Z'),
  });
  cache.start();
  await settle();
  const decision: { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {
    result: AuthorizeResult.ALLOW,
  };
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async reqs => reqs.map(() => decision) as any,
  });
  const router = await createRouter({
    cache,
    authorizer: new InstanceAuthorizer({
      permissions,
      catalog: { getEntities: async () => ({ items: [] }) } as any,
    }),
    permissions,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    auditor: mockServices.auditor.mock(),
    logs: { read: jest.fn() } as any,
  });
  const app = express().use(router).use(mockErrorHandler());
  const get = (etag?: string) => {
    const r = request(app)
      .get(STATUS)
      .set('Authorization', mockCredentials.user.header());
    return etag ? r.set('If-None-Match', etag) : r;
  };
  return { cache, clusters, decision, permissions, get };
}

describe('status route: ETag and 304', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it('sends a strong ETag of the bytes, and 304 with no body for the same tag', async () => {
    const s = await setup();
    cache = s.cache;
    const first = await s.get();
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong: no W/
    expect(first.body.instance.overall).toBe('healthy');

    const builds = s.cache.memoStats().builds;
    const again = await s.get(etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);

    const other = await s.get('"something-else"');
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(etag);
    expect(other.text).toBe(first.text);
    // neither answer rebuilt the status
    expect(s.cache.memoStats().builds).toBe(builds);
  });

  it('checks the permission on a conditional request too', async () => {
    const s = await setup();
    cache = s.cache;
    const { etag } = (await s.get()).headers;
    const checks = s.permissions.authorizeConditional.mock.calls.length;
    s.decision.result = AuthorizeResult.DENY;
    const denied = await s.get(etag);
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
    expect(denied.headers.etag).not.toBe(etag);
    expect(s.permissions.authorizeConditional.mock.calls.length).toBe(
      checks + 1,
    );
  });

  it('changes the ETag when the instance changes', async () => {
    const s = await setup();
    cache = s.cache;
    const { etag } = (await s.get()).headers;
    s.clusters.upsert(
      'pm-infra',
      helmRelease('portal', 'False', 'UpgradeFailed', 'upgrade failed'),
    );
    await settle();
    const changed = await s.get(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(
      changed.body.releases.find((r: any) => r.name === 'portal'),
    ).toMatchObject({
      name: 'portal',
      health: 'failed',
    });
  });
});
