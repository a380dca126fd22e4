/*
 * The decommission I/O against in-memory API servers: stock-taking, dry run first on every
 * cluster, the order (PlatformMesh, releases, sources, OCM Resources, then the apply's objects),
 * waiting for finalizers, idempotency, and no credential in any result or log line.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  PLATFORM_MESH_FINALIZER,
  planDecommission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  CORE_RESOURCES,
  FakeCluster,
  type FakeResource,
  FLUX_RESOURCES,
  HELM_RELEASE_RESOURCE,
  OCM_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  type RecordedRequest,
  withDeletes,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createTestService, TOKENS, URLS } from '../__testUtils__/testService';
import { readDecommissionInventory } from './readDecommissionInventory';
import { runDecommission } from './runDecommission';
import type { DecommissionCandidate } from './types';

const server = setupServer();
registerMswTestHooks(server);

const NS = 'team-a';
const OP_NS = 'platform-mesh-system';
const TOKEN_IN_SECRET = 'eyJhbGciOi.SECRET-TOKEN-VALUE-0123456789';
const OURS = { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' };
const RUNTIME_RESOURCES: FakeResource[] = [
  ...CORE_RESOURCES,
  PLATFORM_MESH_RESOURCE,
  OCM_RESOURCE,
];
const INFRA_RESOURCES: FakeResource[] = [
  ...CORE_RESOURCES,
  HELM_RELEASE_RESOURCE,
  ...FLUX_RESOURCES,
];
const TARGET = {
  operatorCluster: 'operator',
  runtimeCluster: 'runtime',
  infraCluster: 'infra',
  namespaces: [NS, 'team-*'],
  operatorNamespace: OP_NS,
};
const REF = { target: 'dev', namespace: NS, name: 'pm' };
const CANDIDATES: DecommissionCandidate[] = [
  {
    role: 'operator',
    apiVersion: 'v1',
    kind: 'Secret',
    namespace: OP_NS,
    name: 'platform-mesh-kubeconfig',
  },
  {
    role: 'infra',
    apiVersion: 'v1',
    kind: 'Secret',
    namespace: NS,
    name: 'platform-mesh-runtime-secret',
  },
  {
    role: 'runtime',
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    namespace: OP_NS,
    name: 'platform-mesh-operator',
  },
];

/** Marks an object as written by `manager` (the fake's seed records kubectl). */
function by(fake: FakeCluster, object: any, manager: string) {
  const stored = fake.seed(object);
  stored.metadata.managedFields = [{ manager, operation: 'Apply' }];
  return stored;
}

function setup(
  options: { finalizer?: boolean; releaseFinalizer?: boolean } = {},
) {
  const journal: Array<RecordedRequest & { cluster: string }> = [];
  const operator = new FakeCluster(URLS.operator, TOKENS.operator);
  const runtime = new FakeCluster(
    URLS.runtime,
    TOKENS.runtime,
    RUNTIME_RESOURCES,
  );
  const infra = new FakeCluster(URLS.infra, TOKENS.infra, INFRA_RESOURCES);
  const deletes = {
    operator: withDeletes(operator, CORE_RESOURCES),
    runtime: withDeletes(runtime, RUNTIME_RESOURCES),
    infra: withDeletes(infra, INFRA_RESOURCES),
  };
  for (const fake of [operator, runtime, infra]) fake.journal = journal;
  server.use(
    ...deletes.runtime.handlers,
    ...operator.handlers(),
    ...runtime.handlers(),
    ...infra.handlers(),
  );
  by(
    runtime,
    {
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: {
        name: 'pm',
        namespace: NS,
        labels: OURS,
        ...(options.finalizer
          ? {
              finalizers: [
                PLATFORM_MESH_FINALIZER,
                PLATFORM_MESH_FINALIZER,
                'other.example/keep',
              ],
            }
          : {}),
      },
    },
    'backstage-platform-mesh',
  );
  by(
    runtime,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'pm-profile', namespace: NS, labels: OURS },
    },
    'backstage-platform-mesh',
  );
  by(
    runtime,
    {
      apiVersion: 'delivery.ocm.software/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'portal-chart', namespace: NS },
    },
    'platform-mesh-deployment',
  );
  by(
    runtime,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'kcp-webhook-secret', namespace: NS },
      data: { kubeconfig: Buffer.from(TOKEN_IN_SECRET).toString('base64') },
    },
    'platform-mesh-deployment',
  );
  by(
    runtime,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: {
        name: 'rebac-authz-webhook-cert',
        namespace: NS,
        annotations: {
          'cert-manager.io/certificate-name': 'rebac-authz-webhook-cert',
        },
      },
    },
    'cert-manager-certificates-issuing',
  );
  by(
    runtime,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'platform-mesh-operator',
        namespace: OP_NS,
        labels: OURS,
      },
    },
    'backstage-platform-mesh',
  );
  by(
    infra,
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'portal',
        namespace: NS,
        labels: { 'core.platform-mesh.io/operator-created': 'true' },
        ...(options.releaseFinalizer
          ? { finalizers: ['finalizers.fluxcd.io'] }
          : {}),
      },
      spec: {
        chartRef: { kind: 'OCIRepository', name: 'portal' },
        kubeConfig: {
          secretRef: {
            name: 'platform-mesh-runtime-secret',
            key: 'kubeconfig',
          },
        },
      },
    },
    'platform-mesh-deployment',
  );
  by(
    infra,
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: { name: 'portal', namespace: NS },
    },
    'platform-mesh-resource',
  );
  by(
    infra,
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'someone-elses', namespace: NS },
    },
    'kubectl',
  );
  by(
    infra,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-runtime-secret',
        namespace: NS,
        labels: OURS,
      },
      data: {
        kubeconfig: Buffer.from(`token: ${TOKEN_IN_SECRET}`).toString('base64'),
      },
    },
    'backstage-platform-mesh',
  );
  by(
    operator,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-kubeconfig',
        namespace: OP_NS,
        labels: OURS,
      },
      data: {
        kubeconfig: Buffer.from(`token: ${TOKEN_IN_SECRET}`).toString('base64'),
      },
    },
    'backstage-platform-mesh',
  );
  const service = createTestService();
  const getClient = (name: string) => service.getClient(name);
  return { operator, runtime, infra, deletes, journal, getClient };
}

async function planFor(getClient: (name: string) => any) {
  const { inventory, errors } = await readDecommissionInventory({
    getClient,
    target: TARGET,
    ref: REF,
    candidates: CANDIDATES,
  });
  expect(errors).toEqual([]);
  return planDecommission(inventory);
}

const deletesIn = (journal: RecordedRequest[]) =>
  journal.filter(r => r.method === 'DELETE' && !r.dryRun).map(r => r.path);

describe('runDecommission', () => {
  it('dry-runs every deletion on every cluster first, then deletes in order, and finds nothing the second time', async () => {
    const { journal, getClient, infra, runtime, operator } = setup();
    const logs: string[] = [];
    const result = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      waitTimeoutMs: 2000,
      pollIntervalMs: 10,
      log: m => logs.push(m),
    });
    expect(result.failure).toBeUndefined();
    const deletes = journal.filter(r => r.method === 'DELETE');
    const firstWrite = deletes.findIndex(r => !r.dryRun);
    expect(deletes.slice(0, firstWrite).every(r => r.dryRun)).toBe(true);
    expect(deletes.slice(firstWrite).every(r => !r.dryRun)).toBe(true);
    expect(new Set(deletes.filter(r => r.dryRun).map(r => r.cluster))).toEqual(
      new Set([URLS.operator, URLS.runtime, URLS.infra]),
    );
    expect(deletesIn(journal)).toEqual([
      `/apis/core.platform-mesh.io/v1alpha1/namespaces/${NS}/platformmeshes/pm`,
      `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${NS}/helmreleases/portal`,
      `/apis/delivery.ocm.software/v1alpha1/namespaces/${NS}/resources/portal-chart`,
      `/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/ocirepositories/portal`,
      `/api/v1/namespaces/${NS}/secrets/kcp-webhook-secret`,
      `/api/v1/namespaces/${NS}/secrets/rebac-authz-webhook-cert`,
      `/api/v1/namespaces/${NS}/configmaps/pm-profile`,
      `/api/v1/namespaces/${NS}/secrets/platform-mesh-runtime-secret`,
      `/api/v1/namespaces/${OP_NS}/secrets/platform-mesh-kubeconfig`,
      `/api/v1/namespaces/${OP_NS}/serviceaccounts/platform-mesh-operator`,
    ]);
    expect(result.removed).toHaveLength(10);
    // what was not ours stays
    expect(infra.objects.size).toBe(1);
    expect([...infra.objects.values()][0].metadata.name).toBe('someone-elses');
    expect(runtime.objects.size + operator.objects.size).toBe(0);
    // no credential anywhere
    const text = JSON.stringify({ result, logs });
    expect(text).not.toContain(TOKEN_IN_SECRET);
    expect(text).not.toContain(
      Buffer.from(`token: ${TOKEN_IN_SECRET}`).toString('base64'),
    );

    const again = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      waitTimeoutMs: 2000,
      pollIntervalMs: 10,
    });
    expect(again).toEqual({ removed: [], alreadyGone: [] });
  });

  it('deletes the kubeconfig Secrets only once helm-controller has finished uninstalling the release', async () => {
    const { journal, getClient, deletes } = setup({ releaseFinalizer: true });
    const plan = await planFor(getClient);
    let uninstalledAt = -1;
    const timer = setInterval(() => {
      if (
        deletes.infra.deleted.some(d => d.startsWith('helmreleases/')) &&
        uninstalledAt < 0
      ) {
        uninstalledAt = journal.length;
        deletes.infra.finish('helmreleases');
      }
    }, 50);
    try {
      const result = await runDecommission({
        getClient,
        plan,
        waitTimeoutMs: 3000,
        pollIntervalMs: 20,
      });
      expect(result.failure).toBeUndefined();
    } finally {
      clearInterval(timer);
    }
    const secretDelete = journal.findIndex(
      r => r.method === 'DELETE' && !r.dryRun && r.path.includes('/secrets/'),
    );
    expect(uninstalledAt).toBeGreaterThan(0);
    expect(secretDelete).toBeGreaterThan(uninstalledAt);
  });

  it('stops, keeping the kubeconfig Secrets, when a release is not uninstalled in time', async () => {
    const { getClient, operator, infra } = setup({ releaseFinalizer: true });
    const result = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      waitTimeoutMs: 200,
      pollIntervalMs: 20,
    });
    expect(result.failure).toMatchObject({
      reason: 'timeout',
      step: 'releases',
    });
    expect(result.failure!.message).toMatch(
      /HelmRelease team-a\/portal on cluster "infra" \(finalizers: finalizers.fluxcd.io\)/,
    );
    expect(
      infra.get({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'platform-mesh-runtime-secret', namespace: NS },
      }),
    ).toBeDefined();
    expect(operator.objects.size).toBe(1);
  });

  it('a refused dry run deletes nothing and names the object and the cluster', async () => {
    const { journal, getClient } = setup();
    server.use(
      http.delete(
        `${URLS.infra}/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/ocirepositories/portal`,
        ({ request }) =>
          new URL(request.url).searchParams.get('dryRun') === 'All'
            ? HttpResponse.json(
                {
                  kind: 'Status',
                  status: 'Failure',
                  reason: 'Forbidden',
                  code: 403,
                  message:
                    'ocirepositories.source.toolkit.fluxcd.io "portal" is forbidden: User "applier" cannot delete resource',
                },
                { status: 403 },
              )
            : undefined,
      ),
    );
    const result = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      waitTimeoutMs: 200,
      pollIntervalMs: 10,
    });
    expect(result.failure).toMatchObject({
      reason: 'dry-run-failed',
      objects: [
        expect.objectContaining({
          kind: 'OCIRepository',
          name: 'portal',
          cluster: 'infra',
          error: expect.objectContaining({ type: 'forbidden' }),
        }),
      ],
    });
    expect(result.failure!.message).toContain(
      'OCIRepository team-a/portal on cluster "infra"',
    );
    expect(deletesIn(journal)).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('with dryRun lists what would be removed and removes nothing', async () => {
    const { journal, getClient } = setup();
    const result = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      dryRun: true,
      waitTimeoutMs: 200,
    });
    expect(result.failure).toBeUndefined();
    expect(result.removed.map(o => o.kind)).toEqual([
      'PlatformMesh',
      'HelmRelease',
      'Resource',
      'OCIRepository',
      'Secret',
      'Secret',
      'ConfigMap',
      'Secret',
      'Secret',
      'ServiceAccount',
    ]);
    expect(
      journal.filter(
        r => ['DELETE', 'PATCH', 'POST', 'PUT'].includes(r.method) && !r.dryRun,
      ),
    ).toEqual([]);
  });

  it('reports a finalizer the operator does not remove, and removes only it when asked', async () => {
    const held = setup({ finalizer: true });
    const result = await runDecommission({
      getClient: held.getClient,
      plan: await planFor(held.getClient),
      waitTimeoutMs: 150,
      pollIntervalMs: 20,
    });
    expect(result.failure).toMatchObject({
      reason: 'finalizer',
      step: 'platform-mesh',
    });
    expect(result.failure!.message).toContain('removeFinalizer: true');
    expect(deletesIn(held.journal)).toHaveLength(1);

    server.resetHandlers();
    const asked = setup({ finalizer: true });
    asked.runtime.objects.forEach(o => {
      if (o.kind === 'PlatformMesh')
        o.metadata.finalizers = [
          PLATFORM_MESH_FINALIZER,
          PLATFORM_MESH_FINALIZER,
        ];
    });
    const done = await runDecommission({
      getClient: asked.getClient,
      plan: await planFor(asked.getClient),
      waitTimeoutMs: 150,
      pollIntervalMs: 20,
      removeFinalizer: true,
    });
    expect(done.failure).toBeUndefined();
    expect(done.finalizerRemoved).toBe(true);
    expect(asked.deletes.runtime.patches).toEqual([
      {
        object: `platformmeshes/${NS}/pm`,
        body: {
          metadata: { resourceVersion: expect.any(String), finalizers: [] },
        },
      },
    ]);
    expect(deletesIn(asked.journal)).toHaveLength(10);
  });

  it('keeps the other finalizers when removing the operator one', async () => {
    const { getClient, deletes, runtime } = setup({ finalizer: true });
    const result = await runDecommission({
      getClient,
      plan: await planFor(getClient),
      waitTimeoutMs: 100,
      pollIntervalMs: 20,
      removeFinalizer: true,
    });
    expect(deletes.runtime.patches[0].body.metadata.finalizers).toEqual([
      'other.example/keep',
    ]);
    // another controller's finalizer still holds it: the run stops there
    expect(result.failure).toMatchObject({
      reason: 'timeout',
      step: 'platform-mesh',
    });
    expect(
      [...runtime.objects.values()].some(o => o.kind === 'PlatformMesh'),
    ).toBe(true);
  });

  it('returns failed reads as data, per cluster', async () => {
    const { getClient, infra } = setup();
    infra.intercept(r =>
      r.method === 'GET' && r.path.endsWith('/helmreleases')
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
    const { inventory, errors } = await readDecommissionInventory({
      getClient,
      target: TARGET,
      ref: REF,
      candidates: CANDIDATES,
    });
    expect(errors).toEqual([
      expect.objectContaining({
        role: 'infra',
        cluster: 'infra',
        error: expect.objectContaining({ type: 'forbidden' }),
      }),
    ]);
    expect(inventory.objects.some(o => o.object.kind === 'PlatformMesh')).toBe(
      true,
    );
  });
});
