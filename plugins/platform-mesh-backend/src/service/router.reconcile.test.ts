/*
 * POST /instances/:target/:namespace/:name/reconcile: the annotation each controller needs, written
 * with the target's write credential as a JSON merge patch of annotations only; 403 without the
 * permission or without a configured write credential, 404 for an object that is not the
 * instance's, 400 for a bad body; audited; the token never shows.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupServer } from 'msw/node';
import type { StatusCache } from '../cache/StatusCache';
import { routerRig, WRITER_TOKEN } from './__testUtils__/routerRig';

const DEV = 'dev/pm-healthy/platform-mesh';
const AT = '2026-11-25T07:00:01.250Z';

describe('reconcile route', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  async function rig(options?: Parameters<typeof routerRig>[1]) {
    const r = await routerRig(server, options);
    cache = r.cache;
    return r;
  }

  it.each([
    [
      'HelmRelease',
      'portal',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/pm-healthy/helmreleases/portal',
    ],
    [
      'Kustomization',
      'gateway-api',
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/pm-healthy/kustomizations/gateway-api',
    ],
    [
      'OCIRepository',
      'portal',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/pm-healthy/ocirepositories/portal',
    ],
    [
      'HelmRepository',
      'charts',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/pm-healthy/helmrepositories/charts',
    ],
    [
      'GitRepository',
      'gateway-api',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/pm-healthy/gitrepositories/gateway-api',
    ],
  ])(
    '%s: merge-patches reconcile.fluxcd.io/requestedAt on the infra write cluster',
    async (kind, name, path) => {
      const r = await rig();
      const res = await r.reconcile(DEV, {
        kind,
        namespace: 'pm-healthy',
        name,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        object: {
          role: 'infra',
          cluster: 'pm-infra',
          kind,
          namespace: 'pm-healthy',
          name,
        },
        requestedAt: AT,
        annotations: { 'reconcile.fluxcd.io/requestedAt': AT },
      });
      expect(r.patches).toEqual([
        {
          role: 'infra',
          path,
          contentType: 'application/merge-patch+json',
          authorization: `Bearer ${WRITER_TOKEN}`,
          body: {
            metadata: {
              annotations: { 'reconcile.fluxcd.io/requestedAt': AT },
            },
          },
        },
      ]);
    },
  );

  it('HelmRelease with force and reset: forceAt and resetAt equal requestedAt', async () => {
    const r = await rig();
    const res = await r.reconcile(DEV, {
      kind: 'HelmRelease',
      namespace: 'pm-healthy',
      name: 'portal',
      force: true,
      reset: true,
    });
    expect(res.status).toBe(200);
    const annotations = {
      'reconcile.fluxcd.io/requestedAt': AT,
      'reconcile.fluxcd.io/forceAt': AT,
      'reconcile.fluxcd.io/resetAt': AT,
    };
    expect(res.body.annotations).toEqual(annotations);
    expect(r.patches[0].body).toEqual({ metadata: { annotations } });
  });

  it('Application: an Argo CD refresh, hard when forced', async () => {
    const r = await rig();
    const res = await r.reconcile('argo/pm-argo/platform-mesh', {
      kind: 'Application',
      namespace: 'pm-argo',
      name: 'portal',
      force: true,
    });
    expect(res.status).toBe(200);
    expect(r.patches).toEqual([
      expect.objectContaining({
        role: 'infra',
        path: '/apis/argoproj.io/v1alpha1/namespaces/pm-argo/applications/portal',
        body: {
          metadata: { annotations: { 'argocd.argoproj.io/refresh': 'hard' } },
        },
      }),
    ]);
  });

  it('PlatformMesh: a touch on the runtime write cluster, the instance by default', async () => {
    const r = await rig();
    const res = await r.reconcile(DEV, { kind: 'PlatformMesh' });
    expect(res.status).toBe(200);
    expect(res.body.object).toEqual({
      role: 'runtime',
      cluster: 'pm-runtime',
      kind: 'PlatformMesh',
      namespace: 'pm-healthy',
      name: 'platform-mesh',
    });
    expect(r.patches).toEqual([
      expect.objectContaining({
        role: 'runtime',
        path: '/apis/core.platform-mesh.io/v1alpha1/namespaces/pm-healthy/platformmeshes/platform-mesh',
        body: {
          metadata: {
            annotations: { 'platform-mesh.io/reconcile-requested-at': AT },
          },
        },
      }),
    ]);
  });

  it('403 without platform-mesh.reconcile, and nothing is written', async () => {
    const r = await rig();
    r.decisions['platform-mesh.reconcile'] = AuthorizeResult.DENY;
    const res = await r.reconcile(DEV, { kind: 'PlatformMesh' });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain('platform-mesh.reconcile');
    expect(r.patches).toEqual([]);
    const event = await r.auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalled();
    expect(event.success).not.toHaveBeenCalled();
  });

  it('403 naming the config key when the target has no write credential for the role', async () => {
    const r = await rig({
      writeClusters: new Map([['dev', { runtime: 'pm-runtime-writer' }]]),
    });
    const res = await r.reconcile(DEV, {
      kind: 'HelmRelease',
      namespace: 'pm-healthy',
      name: 'portal',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain(
      'platformMesh.targets[0].reconcile.clusters.infra',
    );
    expect(r.patches).toEqual([]);
  });

  it.each([
    [
      'another namespace',
      { kind: 'HelmRelease', namespace: 'pm-other', name: 'foreign' },
    ],
    [
      'not operator-created',
      { kind: 'HelmRelease', namespace: 'pm-healthy', name: 'hand-made' },
    ],
    [
      'unknown',
      { kind: 'OCIRepository', namespace: 'pm-healthy', name: 'nope' },
    ],
    [
      'another PlatformMesh',
      { kind: 'PlatformMesh', namespace: 'pm-argo', name: 'platform-mesh' },
    ],
    [
      'a kind mismatch',
      { kind: 'Kustomization', namespace: 'pm-healthy', name: 'portal' },
    ],
  ])("404 for an object that is not the instance's (%s)", async (_, body) => {
    const r = await rig();
    const res = await r.reconcile(DEV, body);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(r.patches).toEqual([]);
  });

  it('404 for an unknown instance', async () => {
    const r = await rig();
    const res = await r.reconcile('dev/pm-healthy/nope', {
      kind: 'PlatformMesh',
    });
    expect(res.status).toBe(404);
  });

  it.each([
    ['not an object', [1, 2]],
    ['an unknown kind', { kind: 'Secret', namespace: 'pm-healthy', name: 'x' }],
    ['no name', { kind: 'HelmRelease', namespace: 'pm-healthy' }],
    [
      'a name that is not a string',
      { kind: 'HelmRelease', namespace: 'pm-healthy', name: 3 },
    ],
    [
      'force that is not a boolean',
      {
        kind: 'HelmRelease',
        namespace: 'pm-healthy',
        name: 'portal',
        force: 'yes',
      },
    ],
    [
      'reset on a source',
      {
        kind: 'OCIRepository',
        namespace: 'pm-healthy',
        name: 'portal',
        reset: true,
      },
    ],
  ])('400 for a body with %s', async (_, body) => {
    const r = await rig();
    const res = await r.reconcile(DEV, body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(r.patches).toEqual([]);
  });

  it('400 for a body that is not JSON', async () => {
    const r = await rig();
    const res = await r
      .asUser(require('supertest')(r.app).post(`/instances/${DEV}/reconcile`))
      .set('Content-Type', 'application/json')
      .send('{"kind":');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });

  it('audits who reconciled which object on which cluster, and never shows the token', async () => {
    const r = await rig();
    const res = await r.reconcile(DEV, {
      kind: 'HelmRelease',
      namespace: 'pm-healthy',
      name: 'portal',
    });
    expect(res.status).toBe(200);
    expect(r.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'reconcile',
        severityLevel: 'medium',
        request: expect.anything(),
        meta: {
          instance: DEV,
          object: 'HelmRelease pm-healthy/portal',
          role: 'infra',
        },
      }),
    );
    const event = await r.auditor.createEvent.mock.results[0].value;
    expect(event.success).toHaveBeenCalledWith({
      meta: {
        cluster: 'pm-infra',
        requestedAt: AT,
        annotations: ['reconcile.fluxcd.io/requestedAt'],
      },
    });
    // a second, denied request: its failure is audited, without the token
    r.decisions['platform-mesh.reconcile'] = AuthorizeResult.DENY;
    const failing = await r.reconcile(DEV, { kind: 'PlatformMesh' });
    expect(failing.status).toBe(403);
    const audit = JSON.stringify([
      r.auditor.createEvent.mock.calls.map(([c]: any[]) => c.meta),
      await Promise.all(
        r.auditor.createEvent.mock.results.map(async (x: any) => {
          const e = await x.value;
          return [e.success.mock.calls, e.fail.mock.calls];
        }),
      ),
    ]);
    const logs = JSON.stringify(
      ['info', 'warn', 'error', 'debug'].map(
        l => (r.logger as any)[l].mock.calls,
      ),
    );
    for (const text of [res.text, failing.text, audit, logs]) {
      expect(text).not.toContain(WRITER_TOKEN);
      expect(text).not.toContain('127.0.0.1');
    }
  });
});
