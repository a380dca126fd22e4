/*
 * The engine's dry-run promises: one dry run per object (the caller's dry run is reused), no
 * read before a dry run that needs no diff, objects in a namespace the apply creates checked
 * after that Namespace and before any other write, and a type that went away reported as
 * crd-missing with its discovery refreshed.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  PLATFORM_MESH_RESOURCE,
  type RecordedRequest,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createTestService, TOKENS, URLS } from '../__testUtils__/testService';
import type { ApplyItem } from './types';

const server = setupServer();
registerMswTestHooks(server);

const NS = 'fresh-ns';

function batch(): ApplyItem[] {
  return [
    {
      cluster: 'runtime',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    },
    {
      cluster: 'runtime',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'live-token', namespace: NS },
        stringData: { token: 'LIVE-TOKEN-abcdefghijklmnop' },
      },
    },
    {
      cluster: 'runtime',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'pm-profile', namespace: NS },
        data: { 'profile.yaml': 'infra: {}\n' },
      },
    },
    {
      cluster: 'runtime',
      object: {
        apiVersion: 'core.platform-mesh.io/v1alpha1',
        kind: 'PlatformMesh',
        metadata: { name: 'pm', namespace: NS },
        spec: {},
      },
    },
  ];
}

describe('DefaultApplyEngine dry runs', () => {
  let runtime: FakeCluster;

  function setup() {
    runtime = new FakeCluster(URLS.runtime, TOKENS.runtime, [
      ...CORE_RESOURCES,
      PLATFORM_MESH_RESOURCE,
    ]);
    // Like a real API server: nothing can be written into a namespace that does not exist.
    runtime.strictNamespaces = true;
    server.use(...runtime.handlers());
    return createTestService().applyEngine;
  }
  const api = () =>
    runtime.requests.filter(
      (r: RecordedRequest) =>
        r.path.startsWith('/api/v1/') || r.path.includes('/namespaces/'),
    );
  const dryRuns = () => api().filter(r => r.method === 'PATCH' && r.dryRun);
  const writes = () => api().filter(r => r.method === 'PATCH' && !r.dryRun);

  it('defers the objects of a new namespace instead of sending dry runs bound to fail', async () => {
    const engine = setup();
    const dry = await engine.dryRun(batch(), { diff: false });
    expect(dry.ok).toBe(true);
    expect(dry.deferred).toEqual([
      { cluster: 'runtime', object: `Secret ${NS}/live-token`, namespace: NS },
      {
        cluster: 'runtime',
        object: `ConfigMap ${NS}/pm-profile`,
        namespace: NS,
      },
      { cluster: 'runtime', object: `PlatformMesh ${NS}/pm`, namespace: NS },
    ]);
    // only the Namespace went to the server; nothing was read
    expect(dryRuns().map(r => r.path)).toEqual([`/api/v1/namespaces/${NS}`]);
    expect(api().filter(r => r.method === 'GET')).toEqual([]);
  });

  it('reuses the caller’s dry run: one dry run per object, no reads', async () => {
    const engine = setup();
    const verified = await engine.dryRun(batch(), { diff: false });
    const result = await engine.apply(batch(), { verified });
    expect(result.ok).toBe(true);
    expect(result.applied.map(r => r.action)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    // 4 dry runs (the Namespace before, the rest once it existed) and 4 writes
    expect(dryRuns()).toHaveLength(4);
    expect(writes()).toHaveLength(4);
    expect(api().filter(r => r.method === 'GET')).toEqual([]);

    // a re-run: everything exists, so nothing is deferred, and still one dry run per object
    runtime.requests.length = 0;
    const again = await engine.dryRun(batch(), { diff: false });
    expect(again.deferred).toEqual([]);
    const rerun = await engine.apply(batch(), { verified: again });
    expect(rerun.applied.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(dryRuns()).toHaveLength(4);
    expect(writes()).toHaveLength(4);
  });

  it('checks the objects of a new namespace before any other write, and says what was written', async () => {
    const engine = setup();
    // An admission policy refusing the profile ConfigMap, dry run or not.
    runtime.intercept(r =>
      r.method === 'PATCH' && r.path.endsWith('/configmaps/pm-profile')
        ? HttpResponse.json(
            {
              kind: 'Status',
              status: 'Failure',
              reason: 'Invalid',
              code: 422,
              message:
                'configmaps "pm-profile" is forbidden: ValidatingAdmissionPolicy \'deny-profile\' denied request',
            },
            { status: 422 },
          )
        : undefined,
    );
    const result = await engine.apply(batch());
    expect(result.ok).toBe(false);
    expect(result.dryRun.ok).toBe(false);
    expect(result.failure).toBeUndefined();
    expect(result.dryRun.failures.map(f => f.object)).toEqual([
      `ConfigMap ${NS}/pm-profile`,
    ]);
    // the Namespace is the only write: the Secret with its token was never written
    expect(result.applied).toEqual([
      expect.objectContaining({
        object: `Namespace ${NS}`,
        action: 'created',
      }),
    ]);
    expect(writes().map(r => r.path)).toEqual([`/api/v1/namespaces/${NS}`]);
    expect(result.notApplied.map(n => n.object)).toEqual([
      `Secret ${NS}/live-token`,
      `ConfigMap ${NS}/pm-profile`,
      `PlatformMesh ${NS}/pm`,
    ]);
  });

  it('reports a type whose CRD went away after discovery as crd-missing, and looks again', async () => {
    const engine = setup();
    runtime.seed(batch()[0].object);
    const plan = await engine.plan(batch());
    expect(plan.ok).toBe(true);
    const discoveryOf = () =>
      runtime.requests.filter(
        r =>
          r.method === 'GET' &&
          r.path === '/apis/core.platform-mesh.io/v1alpha1',
      ).length;
    const before = discoveryOf();
    // the CRD is deleted; the cached discovery still believes it is served
    (runtime as any).resources = CORE_RESOURCES;
    const dry = await engine.dryRun(batch(), { diff: false });
    expect(dry.failures).toEqual([
      {
        cluster: 'runtime',
        object: `PlatformMesh ${NS}/pm`,
        error: expect.objectContaining({
          type: 'crd-missing',
          message: expect.stringContaining(
            'PlatformMesh is no longer served by core.platform-mesh.io/v1alpha1',
          ),
        }),
      },
    ]);
    // the next look-up asks the server again and finds it gone
    const replan = await engine.plan(batch());
    expect(discoveryOf()).toBe(before + 1);
    expect(replan.failures[0].error.type).toBe('crd-missing');
  });
});
