/*
 * The operator-logs route: the instance must exist and be visible (status.read on it), and the
 * logs are the target operator's, behind the basic platform-mesh.logs.read permission.
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { platformMeshLogsReadPermission } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import express from 'express';
import request from 'supertest';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import { devTarget, healthyClusters } from '../__testUtils__/fixtures';
import { InformerPool } from '../cache/InformerPool';
import { StatusCache } from '../cache/StatusCache';
import { InstanceAuthorizer } from './InstanceAuthorizer';
import type { OperatorLogs, OperatorLogsReader } from './OperatorLogsReader';
import { createRouter } from './router';

const LOGS = '/instances/dev/pm-healthy/platform-mesh/operator-logs';
const OWNED_ENTITY = 'resource:default/platform-mesh-healthy';

const ANSWER: OperatorLogs = {
  source: {
    cluster: 'pm-operator',
    namespace: 'platform-mesh-system',
    labelSelector: 'app=platform-mesh-operator',
  },
  pods: [
    {
      name: 'platform-mesh-operator-a',
      container: 'platform-mesh-operator',
      lines: ['reconciled'],
      truncated: false,
    },
    {
      name: 'platform-mesh-operator-b',
      container: 'platform-mesh-operator',
      lines: [],
      truncated: false,
      error: { type: 'forbidden', message: 'cannot get pods/log' },
    },
  ],
};

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

/**
 * `conditional` decides the conditional (entity) queries; `basic` the queries without a resource.
 * The caller owns the catalog entity annotated with dev/pm-healthy/platform-mesh.
 */
async function setup(options: {
  conditional: (permission: string) => PolicyDecision;
  basic: (permission: string) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
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
  });
  cache.start();
  await settle();
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async reqs =>
      reqs.map(r => options.conditional(r.permission.name)) as any,
    authorize: async reqs =>
      reqs.map(r => {
        const ref = (r as any).resourceRef;
        if (ref === undefined)
          return { result: options.basic(r.permission.name) };
        return {
          result:
            ref === OWNED_ENTITY ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      }),
  });
  const catalog = {
    getEntities: jest.fn(async () => ({
      items: [
        {
          kind: 'Resource',
          metadata: { namespace: 'default', name: 'platform-mesh-healthy' },
        },
      ],
    })),
  };
  const auditor = mockServices.auditor.mock();
  const events: Array<{ success: jest.Mock; fail: jest.Mock }> = [];
  auditor.createEvent.mockImplementation(async () => {
    const event = { success: jest.fn(), fail: jest.fn() };
    events.push(event);
    return event;
  });
  const logs: OperatorLogsReader = { read: jest.fn(async () => ANSWER) };
  const router = await createRouter({
    cache,
    authorizer: new InstanceAuthorizer({
      permissions,
      catalog: catalog as any,
    }),
    permissions,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    auditor,
    logs,
  });
  const app = express().use(router).use(mockErrorHandler());
  const get = (path: string) =>
    request(app).get(path).set('Authorization', mockCredentials.user.header());
  return { cache, events, logs, permissions, get };
}

const allow = () => ({ result: AuthorizeResult.ALLOW } as PolicyDecision);

describe('GET /instances/:target/:namespace/:name/operator-logs', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it('answers 404 for an instance that does not exist, with the status route text', async () => {
    const s = await setup({
      conditional: allow,
      basic: () => AuthorizeResult.ALLOW,
    });
    cache = s.cache;
    const logs = await s.get('/instances/dev/pm-healthy/nope/operator-logs');
    const statusRes = await s.get('/instances/dev/pm-healthy/nope/status');
    expect(logs.status).toBe(404);
    expect(statusRes.status).toBe(404);
    expect(logs.body.error.message).toBe(statusRes.body.error.message);
    expect(s.logs.read).not.toHaveBeenCalled();
    expect(s.events[0].fail).toHaveBeenCalled();
  });

  it("refuses the owner of the instance's entity without the basic logs permission", async () => {
    // "entity owners may do anything on their entities", but operator logs are not granted
    const s = await setup({
      conditional: () => ({ result: AuthorizeResult.CONDITIONAL } as any),
      basic: () => AuthorizeResult.DENY,
    });
    cache = s.cache;
    const res = await s.get(LOGS);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('platform-mesh.logs.read');
    expect(s.permissions.authorize).toHaveBeenCalledWith(
      [{ permission: platformMeshLogsReadPermission }],
      expect.anything(),
    );
    expect(s.logs.read).not.toHaveBeenCalled();
  });

  it('refuses a caller who may not see the instance, whatever the logs permission', async () => {
    const s = await setup({
      conditional: name => ({
        result:
          name === 'platform-mesh.status.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
      basic: () => AuthorizeResult.ALLOW,
    });
    cache = s.cache;
    expect((await s.get(LOGS)).status).toBe(403);
    expect(s.logs.read).not.toHaveBeenCalled();
  });

  it('answers per-pod logs and errors with where they were read, and audits the failed pods', async () => {
    const s = await setup({
      conditional: () => ({ result: AuthorizeResult.CONDITIONAL } as any),
      basic: () => AuthorizeResult.ALLOW,
    });
    cache = s.cache;
    const res = await s.get(`${LOGS}?tailLines=20`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ANSWER);
    expect(s.logs.read).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'dev' }),
      20,
    );
    expect(s.events[0].success).toHaveBeenCalledWith({
      meta: {
        pods: ['platform-mesh-operator-a', 'platform-mesh-operator-b'],
        failedPods: ['platform-mesh-operator-b'],
      },
    });
  });
});
