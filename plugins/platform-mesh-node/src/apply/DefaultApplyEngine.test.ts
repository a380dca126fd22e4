import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  type RecordedRequest,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createTestService, TOKENS, URLS } from '../__testUtils__/testService';
import type { ApplyItem } from './types';

const server = setupServer();
registerMswTestHooks(server);

const KUBECONFIG =
  'apiVersion: v1\nkind: Config\nusers:\n- user:\n    token: RUNTIME-SA-TOKEN-abcdefghijklmnop\n';
const NS = 'platform-mesh-system';

function items(): ApplyItem[] {
  return [
    {
      cluster: 'operator',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'platform-mesh-kubeconfig', namespace: NS },
        stringData: { kubeconfig: KUBECONFIG },
      },
    },
    {
      cluster: 'infra',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'platform-mesh-runtime-secret', namespace: NS },
        stringData: { kubeconfig: KUBECONFIG },
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
        spec: { profileConfigMap: { name: 'pm-profile' } },
      },
    },
  ];
}

describe('DefaultApplyEngine', () => {
  let journal: Array<RecordedRequest & { cluster: string }>;
  let operator: FakeCluster;
  let runtime: FakeCluster;
  let infra: FakeCluster;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  function setup(
    options: {
      runtimeResources?: typeof CORE_RESOURCES;
      timeout?: number;
    } = {},
  ) {
    journal = [];
    operator = new FakeCluster(URLS.operator, TOKENS.operator, CORE_RESOURCES);
    runtime = new FakeCluster(
      URLS.runtime,
      TOKENS.runtime,
      options.runtimeResources ?? [...CORE_RESOURCES, PLATFORM_MESH_RESOURCE],
    );
    infra = new FakeCluster(URLS.infra, TOKENS.infra, [
      ...CORE_RESOURCES,
      HELM_RELEASE_RESOURCE,
    ]);
    for (const fake of [operator, runtime, infra]) {
      fake.journal = journal;
      server.use(...fake.handlers());
    }
    logger = mockServices.logger.mock();
    return createTestService({
      logger,
      requestTimeoutSeconds: options.timeout ?? 2,
    }).applyEngine;
  }

  const nonDryRunWrites = () =>
    journal.filter(r => r.method === 'PATCH' && !r.dryRun);
  const logged = () =>
    JSON.stringify([
      ...logger.info.mock.calls,
      ...logger.warn.mock.calls,
      ...logger.error.mock.calls,
      ...logger.debug.mock.calls,
    ]);

  it('dry-runs every object on every cluster before the first write, then applies in order', async () => {
    const engine = setup();
    const result = await engine.apply(items());

    expect(result.ok).toBe(true);
    expect(result.dryRun.failures).toEqual([]);
    expect(
      result.dryRun.results.map(r => [r.cluster, r.object, r.action]),
    ).toEqual([
      ['operator', `Secret ${NS}/platform-mesh-kubeconfig`, 'created'],
      ['infra', `Secret ${NS}/platform-mesh-runtime-secret`, 'created'],
      ['runtime', `ConfigMap ${NS}/pm-profile`, 'created'],
      ['runtime', `PlatformMesh ${NS}/pm`, 'created'],
    ]);
    expect(result.applied.map(r => [r.cluster, r.object, r.action])).toEqual([
      ['operator', `Secret ${NS}/platform-mesh-kubeconfig`, 'created'],
      ['infra', `Secret ${NS}/platform-mesh-runtime-secret`, 'created'],
      ['runtime', `ConfigMap ${NS}/pm-profile`, 'created'],
      ['runtime', `PlatformMesh ${NS}/pm`, 'created'],
    ]);
    expect(result.notApplied).toEqual([]);

    const patches = journal.filter(r => r.method === 'PATCH');
    const lastDryRun = patches.map(r => r.dryRun).lastIndexOf(true);
    const firstWrite = patches.findIndex(r => !r.dryRun);
    expect(patches.filter(r => r.dryRun)).toHaveLength(4);
    expect(lastDryRun).toBeLessThan(firstWrite);
    expect(nonDryRunWrites().map(r => `${r.cluster}${r.path}`)).toEqual([
      `${URLS.operator}/api/v1/namespaces/${NS}/secrets/platform-mesh-kubeconfig`,
      `${URLS.infra}/api/v1/namespaces/${NS}/secrets/platform-mesh-runtime-secret`,
      `${URLS.runtime}/api/v1/namespaces/${NS}/configmaps/pm-profile`,
      `${URLS.runtime}/apis/core.platform-mesh.io/v1alpha1/namespaces/${NS}/platformmeshes/pm`,
    ]);
    expect(
      patches.every(
        r => r.query.get('fieldManager') === 'backstage-platform-mesh',
      ),
    ).toBe(true);
    expect(patches.every(r => r.query.get('force') === null)).toBe(true);
    expect(operator.get(items()[0].object).data.kubeconfig).toBe(
      Buffer.from(KUBECONFIG).toString('base64'),
    );
  });

  it('reports unchanged and writes nothing new when re-run with the same input', async () => {
    const engine = setup();
    await engine.apply(items());
    const stored = () =>
      [
        operator.get(items()[0].object),
        infra.get(items()[1].object),
        runtime.get(items()[2].object),
        runtime.get(items()[3].object),
      ].map(o => o.metadata.resourceVersion);
    const before = stored();

    const preview = await engine.dryRun(items());
    expect(preview.results.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(preview.results.every(r => r.diff.length === 0)).toBe(true);
    const second = await engine.apply(items());
    expect(second.ok).toBe(true);
    expect(second.applied.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(stored()).toEqual(before);
  });

  it('reports configured with a diff when an object changes', async () => {
    const engine = setup();
    await engine.apply(items());
    const changed = items();
    (changed[2].object as any).data['profile.yaml'] = 'infra: { x: 1 }\n';
    const preview = await engine.dryRun(changed);
    expect(preview.results.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'configured',
      'unchanged',
    ]);
    expect(preview.results[2].diff).toEqual([
      {
        path: 'data["profile.yaml"]',
        change: 'changed',
        before: 'infra: {}\n',
        after: 'infra: { x: 1 }\n',
      },
    ]);
    const result = await engine.apply(changed);
    expect(result.applied.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'configured',
      'unchanged',
    ]);
  });

  it('takes ownership from another field manager as configured', async () => {
    const engine = setup();
    runtime.seed(items()[2].object);
    const result = await engine.apply(items());
    expect(result.dryRun.results[2].action).toBe('configured');
    expect(result.applied[2].action).toBe('configured');
  });

  describe('writes nothing when a dry run fails', () => {
    it('on 403 from one cluster', async () => {
      const engine = setup();
      operator.intercept(r =>
        r.method === 'PATCH'
          ? HttpResponse.json(
              {
                kind: 'Status',
                code: 403,
                reason: 'Forbidden',
                message:
                  'secrets "platform-mesh-kubeconfig" is forbidden: User "reader" cannot patch resource "secrets"',
              },
              { status: 403 },
            )
          : undefined,
      );
      const result = await engine.apply(items());
      expect(result.ok).toBe(false);
      expect(result.dryRun.failures).toEqual([
        {
          cluster: 'operator',
          object: `Secret ${NS}/platform-mesh-kubeconfig`,
          error: expect.objectContaining({
            type: 'forbidden',
            statusCode: 403,
            message: expect.stringContaining('cannot patch'),
          }),
        },
      ]);
      // the other clusters were still dry-run
      expect(result.dryRun.results).toHaveLength(3);
      expect(nonDryRunWrites()).toEqual([]);
      expect(result.applied).toEqual([]);
      expect(result.notApplied).toHaveLength(4);
    });

    it('when a CRD is missing', async () => {
      const engine = setup({ runtimeResources: CORE_RESOURCES });
      const result = await engine.apply(items());
      expect(result.ok).toBe(false);
      expect(result.dryRun.failures).toEqual([
        {
          cluster: 'runtime',
          object: `PlatformMesh ${NS}/pm`,
          error: expect.objectContaining({
            type: 'crd-missing',
            message:
              'core.platform-mesh.io/v1alpha1 is not served (is the CRD for PlatformMesh installed?)',
          }),
        },
      ]);
      expect(nonDryRunWrites()).toEqual([]);
    });

    it('on a field-manager conflict, naming the fields and the manager', async () => {
      const engine = setup();
      runtime.seed(items()[2].object);
      runtime.setConflict(items()[2].object, [
        { field: '.data.profile.yaml', manager: 'kubectl-client-side-apply' },
      ]);
      const result = await engine.apply(items());
      expect(result.ok).toBe(false);
      expect(result.dryRun.failures).toEqual([
        {
          cluster: 'runtime',
          object: `ConfigMap ${NS}/pm-profile`,
          error: {
            type: 'conflict',
            statusCode: 409,
            conflicts: [
              {
                field: '.data.profile.yaml',
                manager: 'kubectl-client-side-apply',
              },
            ],
            managers: ['kubectl-client-side-apply'],
            message:
              'fields owned by another field manager: .data.profile.yaml (owned by "kubectl-client-side-apply"); apply with force to take them over',
          },
        },
      ]);
      expect(nonDryRunWrites()).toEqual([]);

      // only when the caller asks for it
      const forced = await engine.apply(items(), { force: true });
      expect(forced.ok).toBe(true);
      expect(forced.applied[2].action).toBe('configured');
      expect(
        journal.filter(
          r => r.method === 'PATCH' && r.query.get('force') === 'true',
        ),
      ).toHaveLength(8);
    });

    it('on a timeout', async () => {
      const engine = setup({ timeout: 0.3 });
      infra.intercept(async r => {
        if (r.method !== 'PATCH') return undefined;
        await delay(2000);
        return HttpResponse.json({});
      });
      const result = await engine.apply(items());
      expect(result.ok).toBe(false);
      expect(result.dryRun.failures).toEqual([
        {
          cluster: 'infra',
          object: `Secret ${NS}/platform-mesh-runtime-secret`,
          error: {
            type: 'timeout',
            message: 'no answer within 0.3s',
            resource: 'secrets',
          },
        },
      ]);
      expect(nonDryRunWrites()).toEqual([]);
    });

    it('collecting every failure on every cluster at once', async () => {
      const engine = setup({ runtimeResources: CORE_RESOURCES });
      operator.intercept(r =>
        r.method === 'PATCH'
          ? HttpResponse.json(
              {
                kind: 'Status',
                code: 403,
                reason: 'Forbidden',
                message: 'forbidden',
              },
              { status: 403 },
            )
          : undefined,
      );
      runtime.seed(items()[2].object);
      runtime.setConflict(items()[2].object, [
        { field: '.data.profile.yaml', manager: 'helm' },
      ]);
      infra.intercept(() =>
        HttpResponse.json(
          { kind: 'Status', code: 401, message: 'Unauthorized' },
          { status: 401 },
        ),
      );
      const result = await engine.apply(items());
      expect(
        result.dryRun.failures.map(f => [f.cluster, f.error.type]),
      ).toEqual([
        ['operator', 'forbidden'],
        ['infra', 'unauthorized'],
        ['runtime', 'conflict'],
        ['runtime', 'crd-missing'],
      ]);
      expect(nonDryRunWrites()).toEqual([]);
    });
  });

  it('stops at the first failing write and reports what was applied', async () => {
    const engine = setup();
    runtime.intercept(r =>
      r.method === 'PATCH' && !r.dryRun && r.path.includes('/configmaps/')
        ? HttpResponse.json(
            { kind: 'Status', code: 500, message: 'etcd unavailable' },
            { status: 500 },
          )
        : undefined,
    );
    const result = await engine.apply(items());
    expect(result.ok).toBe(false);
    expect(result.dryRun.ok).toBe(true);
    expect(result.applied.map(r => r.object)).toEqual([
      `Secret ${NS}/platform-mesh-kubeconfig`,
      `Secret ${NS}/platform-mesh-runtime-secret`,
    ]);
    expect(result.failure).toEqual({
      cluster: 'runtime',
      object: `ConfigMap ${NS}/pm-profile`,
      error: {
        type: 'unknown',
        message: 'etcd unavailable',
        statusCode: 500,
        resource: 'configmaps',
      },
    });
    expect(result.notApplied).toEqual([
      { cluster: 'runtime', object: `PlatformMesh ${NS}/pm` },
    ]);
    expect(nonDryRunWrites().some(r => r.path.includes('platformmeshes'))).toBe(
      false,
    );
  });

  it('accepts objects whose namespace an earlier object of the same apply creates', async () => {
    const engine = setup();
    runtime.strictNamespaces = true;
    const batch: ApplyItem[] = [
      {
        cluster: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'fresh' },
        },
      },
      {
        cluster: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c', namespace: 'fresh' },
          data: {},
        },
      },
    ];
    const dry = await engine.dryRun(batch);
    expect(dry.ok).toBe(true);
    expect(dry.results[1]).toMatchObject({
      action: 'created',
      notes: [expect.stringContaining('namespace fresh does not exist yet')],
    });
    const result = await engine.apply(batch);
    expect(result.applied.map(r => r.action)).toEqual(['created', 'created']);

    // without the Namespace in the batch, the missing namespace is a failure
    const missing = await engine.dryRun([
      {
        cluster: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c', namespace: 'other' },
          data: {},
        },
      },
    ]);
    expect(missing.failures[0].error).toMatchObject({
      type: 'not-found',
      message: 'namespaces "other" not found',
    });
  });

  it('applies without read access, telling created from unchanged by resourceVersion', async () => {
    const engine = setup();
    runtime.intercept(r =>
      r.method === 'GET' && r.path.includes('/namespaces/')
        ? HttpResponse.json(
            {
              kind: 'Status',
              code: 403,
              reason: 'Forbidden',
              message: 'no get',
            },
            { status: 403 },
          )
        : undefined,
    );
    const preview = await engine.dryRun(items());
    expect(preview.results[2].notes).toEqual([
      'no read access: the change could not be previewed',
    ]);
    const first = await engine.apply(items());
    expect(first.ok).toBe(true);
    expect(first.applied.map(r => r.action)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    const second = await engine.apply(items());
    expect(second.applied.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it('plans: resolves every object and reports scope problems', async () => {
    const engine = setup();
    const plan = await engine.plan([
      ...items(),
      {
        cluster: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'no-ns' },
        },
      },
      {
        cluster: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'x', namespace: 'y' },
        },
      },
    ]);
    expect(
      plan.steps.map(s => [s.cluster, s.resource, s.version, s.namespaced]),
    ).toEqual([
      ['operator', 'secrets', 'v1', true],
      ['infra', 'secrets', 'v1', true],
      ['runtime', 'configmaps', 'v1', true],
      ['runtime', 'platformmeshes.core.platform-mesh.io', 'v1alpha1', true],
    ]);
    expect(
      plan.failures.map(f => [f.object, f.error.type, f.error.message]),
    ).toEqual([
      [
        'ConfigMap no-ns',
        'invalid',
        'ConfigMap is namespaced: metadata.namespace is required',
      ],
      [
        'Namespace y/x',
        'invalid',
        'Namespace is cluster-scoped: remove metadata.namespace',
      ],
    ]);
    expect(journal.filter(r => r.method !== 'GET')).toEqual([]);
  });

  it('rejects malformed input before any cluster call', async () => {
    const engine = setup();
    const error = await engine
      .apply([
        { cluster: 'nowhere', object: items()[2].object },
        {
          cluster: 'runtime',
          object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} } as any,
        },
        { cluster: 'runtime', object: { metadata: { name: 'x' } } as any },
      ])
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot apply: items[0] (ConfigMap ${NS}/pm-profile): unknown cluster "nowhere"; ` +
        'items[1] (ConfigMap (unnamed)): metadata.name is required; ' +
        'items[2] ((no kind) x): apiVersion is required; items[2] ((no kind) x): kind is required',
    );
    expect(journal).toEqual([]);
  });

  it('never puts Secret values or tokens into failures or log lines', async () => {
    const engine = setup();
    const encoded = Buffer.from(KUBECONFIG).toString('base64');
    operator.intercept(r =>
      r.method === 'PATCH'
        ? HttpResponse.json(
            {
              kind: 'Status',
              code: 422,
              reason: 'Invalid',
              message: `Secret "platform-mesh-kubeconfig" is invalid: data[kubeconfig]: Invalid value: "${encoded}" (token RUNTIME-SA-TOKEN-abcdefghijklmnop)`,
              details: {
                causes: [
                  {
                    field: 'data[kubeconfig]',
                    message: `Invalid value: "${KUBECONFIG}"`,
                  },
                ],
              },
            },
            { status: 422 },
          )
        : undefined,
    );
    const result = await engine.apply(items());
    expect(result.dryRun.failures[0].error).toMatchObject({
      type: 'invalid',
      statusCode: 422,
      causes: [
        { field: 'data[kubeconfig]', message: 'Invalid value: "[redacted]"' },
      ],
    });
    const everything = JSON.stringify(result) + logged();
    for (const secret of [
      KUBECONFIG,
      encoded,
      'RUNTIME-SA-TOKEN-abcdefghijklmnop',
      ...Object.values(TOKENS),
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(logged()).toContain(`Secret ${NS}/platform-mesh-kubeconfig`);
  });
});
