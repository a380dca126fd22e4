import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  clientsFor,
  FakeCluster,
  APPLICATION_RESOURCE,
  CORE_RESOURCES,
  FLUX_RESOURCES,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import express from 'express';
import { http, HttpResponse, passthrough } from 'msw';
import type { SetupServer } from 'msw/node';
import request from 'supertest';
import { FakeClusters } from '../../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  platformMesh,
  SECRET_TOKEN,
} from '../../__testUtils__/fixtures';
import { InformerPool } from '../../cache/InformerPool';
import { StatusCache } from '../../cache/StatusCache';
import { InstanceAuthorizer } from '../InstanceAuthorizer';
import { InstanceReconciler } from '../InstanceReconciler';
import type { ReconcileClusters } from '../readReconcileConfig';
import { createRouter } from '../router';

const NS = 'pm-healthy';
const ARGO_NS = 'pm-argo';
const operatorCreated = { 'core.platform-mesh.io/operator-created': 'true' };

/** The write identities' API servers (fakes behind msw), one per role. */
const WRITER_URLS = {
  runtime: 'http://127.0.0.1:17341',
  infra: 'http://127.0.0.1:17342',
};
/** The write identity's token: it must never appear in an answer, an error or an audit event. */
export const WRITER_TOKEN = `writer-${SECRET_TOKEN}`;

/** An Argo CD target on the same fake clusters, its instance in `pm-argo`. */
const argoTarget: PlatformMeshTarget = {
  ...devTarget,
  name: 'argo',
  deploymentTechnology: 'argocd',
  namespaces: [ARGO_NS],
  namespace: ARGO_NS,
  configPath: 'platformMesh.targets[1]',
};

/** Objects of every reconcilable kind that belong to `dev/pm-healthy/platform-mesh`, plus foreign ones. */
function rigClusters(): Record<string, any[]> {
  const base = healthyClusters();
  const meta = (name: string, namespace = NS, labels?: object) => ({
    name,
    namespace,
    generation: 1,
    ...(labels ? { labels } : {}),
  });
  return {
    ...base,
    'pm-runtime': [
      ...base['pm-runtime'],
      {
        ...platformMesh(),
        metadata: { ...platformMesh().metadata, namespace: ARGO_NS },
      },
      {
        apiVersion: 'delivery.ocm.software/v1alpha1',
        kind: 'Resource',
        metadata: {
          ...meta('portal-chart'),
          managedFields: [{ manager: 'platform-mesh-deployment' }],
        },
        spec: { resource: { byReference: { resource: { name: 'chart' } } } },
      },
    ],
    'pm-infra': [
      ...base['pm-infra'],
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: meta('gateway-api', NS, operatorCreated),
        spec: { sourceRef: { kind: 'GitRepository', name: 'gateway-api' } },
      },
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: meta('gateway-api'),
        spec: { url: 'https://example.invalid/gateway-api' },
      },
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: meta('charts'),
        spec: { url: 'https://example.invalid/charts' },
      },
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: meta('portal', ARGO_NS, operatorCreated),
        spec: { destination: { server: devTarget.runtimeServerUrl } },
      },
      // not the instance's: another namespace
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: meta('foreign', 'pm-other', operatorCreated),
        spec: {},
      },
      // never the instance's: not operator-created
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: meta('hand-made', NS),
        spec: {},
      },
    ],
  };
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

/** A PATCH the write identity's API server received. */
interface ReceivedPatch {
  role: 'runtime' | 'infra';
  path: string;
  contentType: string | null;
  authorization: string | null;
  body: any;
}

/**
 * The router over a fake cache (the instance `dev/pm-healthy/platform-mesh` with every kind), with
 * per-permission decisions, a recording auditor, and write clusters behind msw that record the
 * patches they receive.
 */
export async function routerRig(
  server: SetupServer,
  options: { writeClusters?: Map<string, ReconcileClusters> } = {},
) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(rigClusters()))
    clusters.set(cluster, objects);
  const logger = mockServices.logger.mock();
  const cache = new StatusCache({
    targets: [devTarget, argoTarget],
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

  const decisions: Record<
    string,
    AuthorizeResult.ALLOW | AuthorizeResult.DENY
  > = {};
  const decide = (name: string) => ({
    result: decisions[name] ?? AuthorizeResult.ALLOW,
  });
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async reqs =>
      reqs.map(r => decide(r.permission.name)) as any,
    authorize: async reqs => reqs.map(r => decide(r.permission.name)) as any,
  });

  // supertest's own requests to the router on a loopback port are not cluster calls
  server.use(
    http.all('*', ({ request: req }) =>
      Object.values(WRITER_URLS).some(u => req.url.startsWith(`${u}/`))
        ? undefined
        : passthrough(),
    ),
  );
  const patches: ReceivedPatch[] = [];
  const fakes: FakeCluster[] = [];
  for (const role of ['runtime', 'infra'] as const) {
    const url = WRITER_URLS[role];
    const fake = new FakeCluster(url, WRITER_TOKEN, [
      ...CORE_RESOURCES,
      PLATFORM_MESH_RESOURCE,
      HELM_RELEASE_RESOURCE,
      ...FLUX_RESOURCES,
      APPLICATION_RESOURCE,
    ]);
    fakes.push(fake);
    server.use(
      http.patch(`${url}/*`, async ({ request: req }) => {
        const path = new URL(req.url).pathname;
        if (path.includes('/namespaces/pm-gone/'))
          return HttpResponse.json(
            { kind: 'Status', code: 404, reason: 'NotFound', message: 'gone' },
            { status: 404 },
          );
        const body = (await req.json()) as any;
        patches.push({
          role,
          path,
          contentType: req.headers.get('content-type'),
          authorization: req.headers.get('authorization'),
          body,
        });
        return HttpResponse.json({ metadata: body.metadata });
      }),
      ...fake.handlers(),
    );
  }
  const writers = clientsFor([
    {
      name: 'pm-runtime-writer',
      url: WRITER_URLS.runtime,
      serviceAccountToken: WRITER_TOKEN,
    },
    {
      name: 'pm-infra-writer',
      url: WRITER_URLS.infra,
      serviceAccountToken: WRITER_TOKEN,
    },
  ]);
  const reconciler = new InstanceReconciler({
    getClient: name => (writers as Record<string, any>)[name],
    writeClusters:
      options.writeClusters ??
      new Map([
        ['dev', { runtime: 'pm-runtime-writer', infra: 'pm-infra-writer' }],
        ['argo', { runtime: 'pm-runtime-writer', infra: 'pm-infra-writer' }],
      ]),
    now: () => new Date('2026-11-25T07:00:01.250Z'),
  });
  const auditor = mockServices.auditor.mock();
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
    auditor,
    logs: { read: jest.fn() } as any,
    reconciler,
  });
  const app = express().use(router).use(mockErrorHandler());
  const asUser = (r: request.Test) =>
    r.set('Authorization', mockCredentials.user.header());
  return {
    app,
    cache,
    clusters,
    decisions,
    patches,
    auditor,
    logger,
    asUser,
    reconcile: (instance: string, body: unknown) =>
      asUser(request(app).post(`/instances/${instance}/reconcile`)).send(
        body as object,
      ),
    get: (path: string) => asUser(request(app).get(path)),
  };
}
