/*
 * The whole plugin in a test backend (startTestBackend) over msw-faked clusters: auth and
 * permissions on every route, the status shape, and each typed per-cluster error next to what the
 * other clusters returned.
 */
import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  APPLICATION_RESOURCE,
  CORE_RESOURCES,
  FakeCluster,
  FLUX_RESOURCES,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import supertest from 'supertest';
import { healthyClusters, SECRET_TOKEN } from './__testUtils__/fixtures';
import { platformMeshPlugin } from './plugin';

const base = (port: number) => `http://127.0.0.1:${port}`;
const HEALTHY = healthyClusters();
const operatorPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'platform-mesh-operator-7d9f',
    namespace: 'platform-mesh-system',
    labels: { app: 'platform-mesh-operator' },
  },
};
type Failure =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'crd-missing';
const FAILING: Array<[string, Failure, number, string]> = [
  ['down', 'network', 17211, 'unreachable'],
  ['slow', 'timeout', 17212, 'timeout'],
  ['unauth', 'unauthorized', 17213, 'unauthorized'],
  ['denied', 'forbidden', 17214, 'forbidden'],
  ['nocrd', 'crd-missing', 17215, 'crd-missing'],
];

const cluster = (name: string, port: number) => ({
  name,
  url: base(port),
  authProvider: 'serviceAccount',
  serviceAccountToken: `${SECRET_TOKEN}-${port}`,
});

const config = {
  platformMesh: {
    requestTimeoutSeconds: 5, // under full-suite load a healthy fake can take over 3 s
    clusters: [
      cluster('pm-operator', 17201),
      cluster('pm-runtime', 17202),
      cluster('pm-infra', 17203),
      ...FAILING.map(([name, , port]) => cluster(`infra-${name}`, port)),
    ],
    targets: [
      {
        name: 'dev',
        operatorCluster: 'pm-operator',
        runtimeCluster: 'pm-runtime',
        infraCluster: 'pm-infra',
        deploymentTechnology: 'fluxcd',
        namespaces: ['pm-healthy'],
      },
      ...FAILING.map(([name]) => ({
        name,
        operatorCluster: 'pm-operator',
        runtimeCluster: 'pm-runtime',
        infraCluster: `infra-${name}`,
        deploymentTechnology: 'fluxcd',
        namespaces: ['pm-healthy'],
      })),
    ],
  },
};

/** OCM Resources, served on the runtime cluster as the dev clusters do. */
const OCM_RESOURCE = {
  group: 'delivery.ocm.software',
  version: 'v1alpha1',
  kind: 'Resource',
  plural: 'resources',
  namespaced: true,
};

const ALL_KINDS = [
  ...CORE_RESOURCES,
  OCM_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  HELM_RELEASE_RESOURCE,
  ...FLUX_RESOURCES,
  APPLICATION_RESOURCE,
];

/** A fake API server holding `objects`, failing every call the given way. */
function fake(port: number, objects: any[], failure?: Failure) {
  const api = new FakeCluster(
    base(port),
    failure === 'unauthorized' ? 'another-token' : `${SECRET_TOKEN}-${port}`,
    failure === 'crd-missing'
      ? ALL_KINDS.filter(r => !r.group.endsWith('fluxcd.io'))
      : ALL_KINDS,
  );
  objects.forEach(o => api.seed(o));
  api.podLog = 'line 1\nline 2\n';
  if (failure === 'network') api.intercept(() => HttpResponse.error());
  if (failure === 'timeout') {
    api.intercept(async () => {
      await delay('infinite');
      return undefined;
    });
  }
  if (failure === 'forbidden') {
    api.intercept(() =>
      HttpResponse.json(
        {
          kind: 'Status',
          status: 'Failure',
          code: 403,
          reason: 'Forbidden',
          message: 'forbidden: User "backstage" cannot list resource',
        },
        { status: 403 },
      ),
    );
  }
  return api.handlers();
}

/** The fake clusters; given to setupServer so that msw's reset after each test keeps them. */
const handlers = [
  ...fake(17201, [...HEALTHY['pm-operator'], operatorPod]),
  ...fake(17202, HEALTHY['pm-runtime']),
  ...fake(17203, HEALTHY['pm-infra']),
  ...FAILING.flatMap(([, failure, port]) =>
    fake(
      port,
      failure === 'crd-missing'
        ? HEALTHY['pm-infra'].filter(o => !o.apiVersion.includes('fluxcd.io'))
        : [],
      failure,
    ),
  ),
  // the test backend itself (supertest) is not a cluster
  http.all('*', ({ request }) => {
    const port = Number(new URL(request.url).port);
    return port >= 17200 && port < 17300 ? undefined : passthrough();
  }),
];

// each test starts from two whole backends and polls until the cache settles: the default 5 s is
// too little on a loaded 2-core machine (the one-backend test has the same budget)
jest.setTimeout(60_000);

describe('platformMeshPlugin', () => {
  const server = setupServer(...handlers);
  registerMswTestHooks(server);

  async function start(decision: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
    const { server: app } = await startTestBackend({
      features: [
        platformMeshPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: config }),
        // a request without credentials is unauthenticated (the default would be a mock user)
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.permissions.mock({
          authorize: async reqs =>
            reqs.map(() => ({ result: decision })) as any,
          authorizeConditional: async reqs =>
            reqs.map(() => ({ result: decision })) as any,
        }).factory,
      ],
    });
    return app;
  }

  let allowed: any;
  let denied: any;
  beforeAll(async () => {
    allowed = await start(AuthorizeResult.ALLOW);
    denied = await start(AuthorizeResult.DENY);
  });

  const get = (app: any, path: string) =>
    supertest(app)
      .get(`/api/platform-mesh${path}`)
      .set('Authorization', mockCredentials.user.header());

  async function statusOnce(
    app: any,
    target: string,
    done: (body: any) => boolean,
  ) {
    // a deadline, not a count of tries: on a loaded machine each request takes longer
    const deadline = Date.now() + 60_000;
    let last: unknown;
    while (Date.now() < deadline) {
      const res = await get(
        app,
        `/instances/${target}/pm-healthy/platform-mesh/status`,
      );
      last = res.body;
      if (res.status === 200 && done(res.body)) return res.body;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(
      `status of ${target} never settled in 60 s; last answer: ${JSON.stringify(
        (last as any)?.clusters?.infra,
      )}`,
    );
  }

  it('answers 401 without credentials on every route', async () => {
    const app = allowed;
    for (const path of [
      '/targets',
      '/targets/dev/instances',
      '/instances/dev/pm-healthy/platform-mesh/status',
      '/instances/dev/pm-healthy/platform-mesh/operator-logs',
    ]) {
      expect(
        (await supertest(app).get(`/api/platform-mesh${path}`)).status,
      ).toBe(401);
    }
  });

  it('answers 403 without permission on every route', async () => {
    const app = denied;
    for (const path of [
      '/targets',
      '/instances/dev/pm-healthy/platform-mesh/status',
      '/instances/dev/pm-healthy/platform-mesh/operator-logs',
    ]) {
      expect((await get(app, path)).status).toBe(403);
    }
    expect((await get(app, '/targets/dev/instances')).body.items).toEqual([]);
  });

  it('answers the status with the contract shape', async () => {
    const app = allowed;
    const body = await statusOnce(
      app,
      'dev',
      // settled: every cluster read (a read that timed out under load is retried)
      b =>
        b.releases.length === 2 &&
        b.secrets.every((s: any) => s.present) &&
        Object.values(b.clusters).every((c: any) => c.reachable && !c.error),
    );
    expect(body.instance).toMatchObject({
      target: 'dev',
      namespace: 'pm-healthy',
      name: 'platform-mesh',
      overall: 'healthy',
    });
    expect(body.conditions.map((c: any) => c.step)).toEqual([
      'DeploymentSubroutine',
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
      'WaitSubroutine',
      'Ready',
    ]);
    expect(Object.keys(body.clusters)).toEqual([
      'operator',
      'runtime',
      'infra',
    ]);
    expect(JSON.stringify(body)).not.toContain(SECRET_TOKEN);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it.each(FAILING)(
    'reports infra "%s" as a typed %s error, next to what the other clusters returned',
    async (target, _failure, _port, type) => {
      const app = allowed;
      const body = await statusOnce(
        app,
        target,
        // settled: the other clusters read (a read that timed out under load is retried)
        b =>
          b.clusters.infra.error?.type === type &&
          b.clusters.runtime.reachable &&
          b.clusters.operator.reachable,
      );
      expect(body.clusters.infra.name).toBe(`infra-${target}`);
      expect(body.clusters.infra.reachable).toBe(
        ['unreachable', 'timeout', 'unauthorized'].includes(type)
          ? false
          : true,
      );
      expect(body.clusters.runtime).toMatchObject({
        name: 'pm-runtime',
        reachable: true,
      });
      expect(body.clusters.operator).toMatchObject({
        name: 'pm-operator',
        reachable: true,
      });
      expect(body.conditions).toHaveLength(6);
      expect(body.instance.generation).toBe(1);
      // Ready=True on the runtime cluster, but the releases were not read: never "healthy"
      expect(body.instance.overall).toBe('unknown');
      expect(body.diagnostics).toContainEqual(
        expect.objectContaining({ id: 'read-failed', cluster: 'infra' }),
      );
      expect(JSON.stringify(body)).not.toContain(SECRET_TOKEN);
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    },
  );

  it('reads the operator logs on request', async () => {
    const app = allowed;
    const res = await get(
      app,
      '/instances/dev/pm-healthy/platform-mesh/operator-logs?tailLines=2',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: {
        cluster: 'pm-operator',
        namespace: 'platform-mesh-system',
        labelSelector: 'app=platform-mesh-operator',
      },
      pods: [
        {
          name: 'platform-mesh-operator-7d9f',
          lines: ['line 1', 'line 2'],
          truncated: false,
        },
      ],
    });
  });

  it('registers the get-platform-mesh-status action', async () => {
    const app = allowed;
    const res = await supertest(app)
      .get('/api/platform-mesh/.backstage/actions/v1/actions')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.actions.map((a: any) => a.id)).toEqual([
      'platform-mesh:get-platform-mesh-status',
    ]);
  });
});
