/*
 * GET /targets/:target/instances answers with a strong ETag and 304 to a request that already
 * holds the same bytes; the tag follows the caller's view (the permission filter) and the data.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupServer } from 'msw/node';
import { helmRelease } from '../__testUtils__/fixtures';
import type { StatusCache } from '../cache/StatusCache';
import { routerRig } from './__testUtils__/routerRig';

const LIST = '/targets/dev/instances';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

describe('instance list route: ETag and 304', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it('sends a strong ETag, 304 without a body for it, 200 for another tag', async () => {
    const rig = await routerRig(server);
    cache = rig.cache;
    const first = await rig.get(LIST);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.body.items.map((i: any) => i.name)).toEqual(['platform-mesh']);

    const again = await rig.get(LIST).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);

    const other = await rig.get(LIST).set('If-None-Match', '"other"');
    expect(other.status).toBe(200);
    expect(other.text).toBe(first.text);
  });

  it('changes the ETag when an instance changes', async () => {
    const rig = await routerRig(server);
    cache = rig.cache;
    const { etag } = (await rig.get(LIST)).headers;
    rig.clusters.upsert(
      'pm-infra',
      helmRelease('portal', 'False', 'UpgradeFailed', 'upgrade failed'),
    );
    await settle();
    const changed = await rig.get(LIST).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items[0].overall).toBe('failed');
  });

  it('a caller who may see fewer instances never gets a 304 for the full list', async () => {
    const rig = await routerRig(server);
    cache = rig.cache;
    const { etag } = (await rig.get(LIST)).headers;
    rig.decisions['platform-mesh.status.read'] = AuthorizeResult.DENY;
    const denied = await rig.get(LIST).set('If-None-Match', etag);
    expect(denied.status).toBe(200);
    expect(denied.body.items).toEqual([]);
    expect(denied.headers.etag).not.toBe(etag);
  });
});
