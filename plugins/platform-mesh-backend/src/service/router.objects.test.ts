/*
 * GET /instances/:target/:namespace/:name/objects/:role/:kind/:objectNamespace/:objectName: one of
 * the instance's objects as the cache holds it, managedFields removed, no cluster call; never a
 * Secret; nothing that is not the instance's.
 */
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupServer } from 'msw/node';
import type { StatusCache } from '../cache/StatusCache';
import { SECRET_TOKEN } from '../__testUtils__/fixtures';
import { routerRig } from './__testUtils__/routerRig';

const BASE = '/instances/dev/pm-healthy/platform-mesh/objects';

describe('raw object route', () => {
  // handlers stay for the whole file (one rig), so no per-test reset
  const server = setupServer();
  let cache: StatusCache | undefined;
  let rig: Awaited<ReturnType<typeof routerRig>>;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    rig = await routerRig(server);
    cache = rig.cache;
  });
  afterAll(async () => {
    await cache?.stop();
    server.close();
  });

  it.each([
    ['runtime', 'PlatformMesh', 'pm-healthy', 'platform-mesh'],
    ['runtime', 'ConfigMap', 'pm-healthy', 'platform-mesh-profile'],
    ['runtime', 'Resource', 'pm-healthy', 'portal-chart'],
    ['infra', 'HelmRelease', 'pm-healthy', 'portal'],
    ['infra', 'Kustomization', 'pm-healthy', 'gateway-api'],
    ['infra', 'OCIRepository', 'pm-healthy', 'portal'],
    ['infra', 'GitRepository', 'pm-healthy', 'gateway-api'],
  ])(
    'serves %s %s %s/%s from the cache',
    async (role, kind, namespace, name) => {
      const calls = rig.clusters.listCalls;
      const res = await rig.get(`${BASE}/${role}/${kind}/${namespace}/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.body).toMatchObject({
        role,
        cluster: role === 'runtime' ? 'pm-runtime' : 'pm-infra',
        kind,
        namespace,
        name,
        observedAt: expect.any(String),
        object: { kind, metadata: { name, namespace } },
      });
      expect(res.body.object.metadata).not.toHaveProperty('managedFields');
      // no cluster call
      expect(rig.clusters.listCalls).toBe(calls);
    },
  );

  it('never serves a Secret, and says why', async () => {
    const res = await rig.get(
      `${BASE}/infra/Secret/pm-healthy/platform-mesh-runtime-secret`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.message).toMatch(/Secrets are never served/);
    expect(res.text).not.toContain(SECRET_TOKEN);
    expect(res.text).not.toContain('kubeconfig:');
  });

  it.each([
    ['another namespace', 'infra/HelmRelease/pm-other/foreign'],
    ['not operator-created', 'infra/HelmRelease/pm-healthy/hand-made'],
    ['the wrong role', 'runtime/HelmRelease/pm-healthy/portal'],
    ['another instance', 'runtime/PlatformMesh/pm-argo/platform-mesh'],
    [
      'a ConfigMap that is not the profile',
      'runtime/ConfigMap/pm-healthy/other',
    ],
  ])("404 for an object that is not the instance's (%s)", async (_, path) => {
    const res = await rig.get(`${BASE}/${path}`);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('400 for an unknown role', async () => {
    const res = await rig.get(
      `${BASE}/elsewhere/HelmRelease/pm-healthy/portal`,
    );
    expect(res.status).toBe(400);
  });

  it('403 without platform-mesh.status.read', async () => {
    rig.decisions['platform-mesh.status.read'] = AuthorizeResult.DENY;
    try {
      const res = await rig.get(`${BASE}/infra/HelmRelease/pm-healthy/portal`);
      expect(res.status).toBe(403);
      const secret = await rig.get(`${BASE}/infra/Secret/pm-healthy/x`);
      expect(secret.status).toBe(403);
    } finally {
      delete rig.decisions['platform-mesh.status.read'];
    }
  });
});
