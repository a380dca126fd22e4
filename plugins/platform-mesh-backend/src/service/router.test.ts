import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  SECRET_TOKEN,
} from '../__testUtils__/fixtures';
import { InformerPool } from '../cache/InformerPool';
import { StatusCache } from '../cache/StatusCache';
import { InstanceAuthorizer } from './InstanceAuthorizer';
import type { OperatorLogsReader } from './OperatorLogsReader';
import { createRouter } from './router';

const STATUS = '/instances/dev/pm-healthy/platform-mesh/status';
const LOGS = '/instances/dev/pm-healthy/platform-mesh/operator-logs';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

async function setup(
  options: {
    decide?: (permission: string) => PolicyDecision;
    entities?: any[];
    fail?: (clusters: FakeClusters) => void;
  } = {},
) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(healthyClusters()))
    clusters.set(cluster, objects);
  options.fail?.(clusters);
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

  const decide = options.decide ?? (() => ({ result: AuthorizeResult.ALLOW }));
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async reqs =>
      reqs.map(r => decide(r.permission.name)) as any,
    authorize: async reqs =>
      reqs.map(r =>
        // a basic permission (no resourceRef) gets the policy's decision
        (r as any).resourceRef === undefined
          ? (decide(r.permission.name) as any)
          : {
              result:
                (r as any).resourceRef ===
                'resource:default/platform-mesh-healthy'
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            },
      ),
  });
  const catalog = {
    getEntities: jest.fn(async () => ({ items: options.entities ?? [] })),
  };
  const auditor = mockServices.auditor.mock();
  const events: Array<{ success: jest.Mock; fail: jest.Mock }> = [];
  auditor.createEvent.mockImplementation(async () => {
    const event = { success: jest.fn(), fail: jest.fn() };
    events.push(event);
    return event;
  });
  const logs: OperatorLogsReader = {
    read: jest.fn(async () => ({
      source: {
        cluster: 'pm-operator',
        namespace: 'platform-mesh-system',
        labelSelector: 'app=platform-mesh-operator',
      },
      pods: [
        {
          name: 'platform-mesh-operator-abc',
          lines: ['reconciled'],
          truncated: false,
        },
      ],
    })),
  };
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
  return { app, cache, catalog, events, logs, logger };
}

const asUser = (r: request.Test) =>
  r.set('Authorization', mockCredentials.user.header());

describe('createRouter', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it.each([['/targets'], ['/targets/dev/instances'], [STATUS], [LOGS]])(
    'answers 401 to an unauthenticated request to %s',
    async path => {
      const s = await setup();
      cache = s.cache;
      const res = await request(s.app).get(path);
      expect(res.status).toBe(401);
    },
  );

  it.each([['/targets'], [STATUS], [LOGS]])(
    'answers 403 without the permission on %s',
    async path => {
      const s = await setup({
        decide: () => ({ result: AuthorizeResult.DENY }),
      });
      cache = s.cache;
      const res = await asUser(request(s.app).get(path));
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    },
  );

  it('lists targets by name only, with no cluster URL', async () => {
    const s = await setup();
    cache = s.cache;
    const res = await asUser(request(s.app).get('/targets'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        name: 'dev',
        operatorCluster: 'pm-operator',
        runtimeCluster: 'pm-runtime',
        infraCluster: 'pm-infra',
        operatorIsInfra: false,
        deploymentTechnology: 'fluxcd',
        namespace: 'platform-mesh-system',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.10');
  });

  it('lists the instances of a target with the runtime cluster state', async () => {
    const s = await setup();
    cache = s.cache;
    const res = await asUser(request(s.app).get('/targets/dev/instances'));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        target: 'dev',
        namespace: 'pm-healthy',
        name: 'platform-mesh',
        overall: 'healthy',
      }),
    ]);
    expect(res.body.cluster).toMatchObject({
      name: 'pm-runtime',
      reachable: true,
    });
  });

  it('answers the status with the contract shape and no secret material', async () => {
    const s = await setup();
    cache = s.cache;
    const res = await asUser(request(s.app).get(STATUS));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'clusters',
      'conditions',
      'diagnostics',
      'instance',
      'ocmResources',
      'releases',
      'secrets',
      'sources',
    ]);
    expect(res.body.instance).toMatchObject({
      target: 'dev',
      overall: 'healthy',
      generation: 1,
    });
    expect(JSON.stringify(res.body)).not.toContain(SECRET_TOKEN);
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.10');
  });

  it('answers 404 for an unknown target and for an instance found on no cluster', async () => {
    const s = await setup();
    cache = s.cache;
    expect(
      (await asUser(request(s.app).get('/instances/nope/ns/name/status')))
        .status,
    ).toBe(404);
    const res = await asUser(
      request(s.app).get('/instances/dev/pm-healthy/other/status'),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'No PlatformMesh pm-healthy/other',
    );
  });

  it('answers a partial status when one cluster is down', async () => {
    const s = await setup({
      fail: c =>
        c.fail('pm-operator', {
          type: 'timeout',
          message: 'request timed out after 10000 ms',
        }),
    });
    cache = s.cache;
    const res = await asUser(request(s.app).get(STATUS));
    expect(res.status).toBe(200);
    expect(res.body.clusters.operator).toEqual({
      name: 'pm-operator',
      reachable: false,
      error: expect.objectContaining({ type: 'timeout' }),
    });
    expect(res.body.releases).toHaveLength(2);
  });

  it('evaluates a conditional decision against the annotated catalog entity', async () => {
    const s = await setup({
      decide: () => ({ result: AuthorizeResult.CONDITIONAL } as any),
      entities: [
        {
          kind: 'Resource',
          metadata: { namespace: 'default', name: 'platform-mesh-healthy' },
        },
      ],
    });
    cache = s.cache;
    expect((await asUser(request(s.app).get(STATUS))).status).toBe(200);
    expect(s.catalog.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          'metadata.annotations.platform-mesh.io/instance':
            'dev/pm-healthy/platform-mesh',
        },
      }),
      expect.anything(),
    );
  });

  it('denies a conditional decision when no entity carries the annotation', async () => {
    const s = await setup({
      decide: () => ({ result: AuthorizeResult.CONDITIONAL } as any),
    });
    cache = s.cache;
    expect((await asUser(request(s.app).get(STATUS))).status).toBe(403);
  });

  it('reads operator logs with its own permission and audits the read', async () => {
    const s = await setup({
      decide: name => ({
        result:
          name === 'platform-mesh.logs.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
    });
    cache = s.cache;
    expect((await asUser(request(s.app).get(STATUS))).status).toBe(200);
    expect((await asUser(request(s.app).get(LOGS))).status).toBe(403);
    expect(s.events[0].fail).toHaveBeenCalled();
    expect(s.logs.read).not.toHaveBeenCalled();
  });

  it('returns bounded operator logs and audits success', async () => {
    const s = await setup();
    cache = s.cache;
    const res = await asUser(request(s.app).get(`${LOGS}?tailLines=20`));
    expect(res.status).toBe(200);
    expect(res.body.pods[0].lines).toEqual(['reconciled']);
    expect(s.logs.read).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'dev' }),
      20,
    );
    expect(s.events[0].success).toHaveBeenCalled();
    expect(
      (await asUser(request(s.app).get(`${LOGS}?tailLines=100000`))).status,
    ).toBe(400);
  });
});
