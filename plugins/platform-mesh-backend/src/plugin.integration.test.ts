/*
 * The backend plugin against the real local API servers (packages/dev-clusters): every seeded
 * scenario gives its expected health and diagnostics, changes show up without a restart, and a
 * cluster that goes away turns its role unreachable while the others keep answering.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  clusterEntry,
  devClusters,
  eventually,
  ROLES,
  secretMaterial,
  seed,
  startProxy,
} from '@internal/dev-clusters/lib/testing';
import {
  clientsFor,
  writeStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { platformMeshPlugin } from './plugin';

jest.setTimeout(60_000);

const dev = devClusters();
const IT_NS = 'pm-it-backend';
const auth = mockCredentials.user.header();

function target(name: string, extra: object = {}) {
  return {
    name,
    operatorCluster: 'pm-operator',
    runtimeCluster: 'pm-runtime',
    infraCluster: 'pm-infra',
    deploymentTechnology: 'fluxcd',
    namespace: 'platform-mesh-system',
    // the seeded scenarios live in pm-<scenario> namespaces
    namespaces: ['platform-mesh-system', 'pm-*'],
    runtimeServerUrl: dev.runtime.url,
    ...extra,
  };
}

describe('platform-mesh backend against real API servers', () => {
  let server: any;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const logLines: string[] = [];
  const admin = clientsFor(
    ROLES.map(role => clusterEntry(role, role, 'admin')),
  );

  const status = (ref: string) =>
    request(server)
      .get(`/api/platform-mesh/instances/${ref}/status`)
      .set('Authorization', auth);

  /** The status once every role has listed what it watches. */
  const settled = (
    ref: string,
    predicate: (body: any) => boolean = () => true,
  ) =>
    eventually(async () => {
      const res = await status(ref);
      const body = res.body;
      const ready =
        res.status === 200 &&
        ['operator', 'runtime', 'infra'].every(
          r =>
            !body.clusters[r].error?.message?.startsWith(
              'waiting for the first list',
            ),
        );
      return ready && predicate(body) ? body : undefined;
    });

  beforeAll(async () => {
    seed(
      'healthy',
      'progressing',
      'failed',
      'argocd',
      'cr-on-wrong-cluster',
      'flux-secret-missing',
      'source-missing',
    );
    await writeTestObjects();
    proxy = await startProxy(dev.infra.url);

    const logger = mockServices.rootLogger.mock();
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      logger[level].mockImplementation((message: string, meta?: any) => {
        logLines.push(`${message} ${meta ? JSON.stringify(meta) : ''}`);
      });
    }
    logger.child.mockReturnValue(logger);

    ({ server } = await startTestBackend({
      features: [
        platformMeshPlugin,
        catalogServiceMock.factory(),
        mockServices.rootLogger.factory(),
        mockServices.rootConfig.factory({
          data: {
            platformMesh: {
              diagnostics: { gracePeriodSeconds: 0 },
              clusters: [
                clusterEntry('pm-operator', 'operator', 'backstage'),
                clusterEntry('pm-runtime', 'runtime', 'backstage'),
                clusterEntry('pm-infra', 'infra', 'backstage'),
                clusterEntry(
                  'pm-infra-via-proxy',
                  'infra',
                  'backstage',
                  proxy.url,
                ),
              ],
              targets: [
                target('dev'),
                target('argo', { deploymentTechnology: 'argocd' }),
                // the how-to's operator-Secret rows, without touching the Secrets the other tests share
                target('no-operator-secret', {
                  operatorNamespace: `${IT_NS}-empty`,
                }),
                target('wrong-key', { operatorNamespace: IT_NS }),
                target('proxied', { infraCluster: 'pm-infra-via-proxy' }),
              ],
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await proxy?.cut().catch(() => {});
  });

  async function writeTestObjects() {
    // an operator namespace whose runtime-kubeconfig Secret has the wrong key
    await admin.operator.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: IT_NS },
    });
    await admin.operator.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'platform-mesh-kubeconfig', namespace: IT_NS },
      stringData: { config: 'apiVersion: v1\nkind: Config\n' },
    } as any);
  }

  it('answers the healthy scenario as healthy, with every Secret present', async () => {
    const body = await settled('dev/pm-healthy/platform-mesh');
    expect(body.instance.overall).toBe('healthy');
    expect(body.conditions.map((c: any) => c.status)).toEqual([
      'True',
      'True',
      'True',
      'True',
      'True',
      'True',
    ]);
    expect(body.releases.length).toBeGreaterThanOrEqual(6);
    expect(
      body.releases.every((r: any) => r.health === 'healthy' && r.version),
    ).toBe(true);
    expect(body.secrets.every((s: any) => s.present && s.keyPresent)).toBe(
      true,
    );
    expect(body.diagnostics.filter((d: any) => d.severity === 'error')).toEqual(
      [],
    );
  });

  it('answers the progressing scenario with the stopped step and stale later steps', async () => {
    const body = await settled('dev/pm-progressing/platform-mesh');
    expect(body.instance.overall).toBe('progressing');
    const deployment = body.conditions.find(
      (c: any) => c.step === 'DeploymentSubroutine',
    );
    expect(deployment).toMatchObject({
      status: 'False',
      reason: 'Stopped',
      message: 'cert-manager CRD issuers.cert-manager.io is not established',
    });
    expect(body.conditions.filter((c: any) => c.stale).length).toBeGreaterThan(
      0,
    );
  });

  it('answers the failed scenario with the stalled HelmRelease first', async () => {
    const body = await settled('dev/pm-failed/platform-mesh');
    expect(['failed', 'degraded']).toContain(body.instance.overall);
    expect(body.releases[0]).toMatchObject({
      name: 'portal',
      health: 'failed',
      reason: 'RetriesExceeded',
    });
  });

  it.each([
    ['dev/pm-cr-on-wrong-cluster/platform-mesh', 'cr-on-wrong-cluster'],
    ['dev/pm-flux-secret-missing/platform-mesh', 'flux-kubeconfig-secret'],
    ['dev/pm-source-missing/platform-mesh', 'source-missing'],
    ['argo/pm-argocd/platform-mesh', 'argocd-destination'],
    [
      'no-operator-secret/pm-healthy/platform-mesh',
      'operator-kubeconfig-secret',
    ],
    ['wrong-key/pm-healthy/platform-mesh', 'operator-kubeconfig-secret'],
  ])('diagnoses %s with %s and a hint', async (ref, id) => {
    const body = await settled(ref, b =>
      b.diagnostics.some((d: any) => d.id === id),
    );
    const finding = body.diagnostics.find((d: any) => d.id === id);
    expect(finding.severity).toBe('error');
    expect(finding.hint.length).toBeGreaterThan(20);
  });

  it('shows a change made on a cluster within seconds, without a restart', async () => {
    await settled('dev/pm-healthy/platform-mesh');
    const hr = (
      await admin.infra.list(
        { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
        { namespace: 'pm-healthy' },
      )
    ).items.find(o => o.metadata.name === 'iam-service')!;
    const original = hr.status as any;
    const started = Date.now();
    await writeStatus(admin.infra, hr, {
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'UpgradeFailed',
          message: 'it: upgrade failed',
          lastTransitionTime: new Date().toISOString(),
          observedGeneration: hr.metadata.generation,
        },
        {
          type: 'Stalled',
          status: 'True',
          reason: 'RetriesExceeded',
          message: 'it: upgrade failed',
          lastTransitionTime: new Date().toISOString(),
          observedGeneration: hr.metadata.generation,
        },
      ],
    });
    try {
      await settled('dev/pm-healthy/platform-mesh', b =>
        b.releases.some(
          (r: any) => r.name === 'iam-service' && r.health === 'failed',
        ),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await writeStatus(admin.infra, hr, { conditions: original.conditions });
    }
  });

  it('turns a role unreachable when its API server goes away, while the others keep answering', async () => {
    await settled(
      'proxied/pm-healthy/platform-mesh',
      b => b.clusters.infra.reachable,
    );
    await proxy.cut();
    const body = await settled(
      'proxied/pm-healthy/platform-mesh',
      b => !b.clusters.infra.reachable,
    );
    expect(body.clusters.infra).toMatchObject({
      name: 'pm-infra-via-proxy',
      reachable: false,
      error: { type: 'unreachable' },
    });
    expect(body.clusters.runtime.reachable).toBe(true);
    expect(body.clusters.operator.reachable).toBe(true);
    expect(body.conditions).toHaveLength(6);
  });

  it('never puts a token, kubeconfig or cluster URL into a response or a log line', async () => {
    const bodies = await Promise.all(
      [
        'dev/pm-healthy/platform-mesh',
        'dev/pm-failed/platform-mesh',
        'wrong-key/pm-healthy/platform-mesh',
      ].map(async ref => JSON.stringify((await status(ref)).body)),
    );
    bodies.push(
      JSON.stringify(
        (
          await request(server)
            .get('/api/platform-mesh/targets')
            .set('Authorization', auth)
        ).body,
      ),
    );
    const everything = [...bodies, ...logLines].join('\n');
    for (const secret of secretMaterial())
      expect(everything).not.toContain(secret);
    expect(bodies.join('\n')).not.toContain('127.0.0.1');
    expect(everything).not.toContain('apiVersion: v1\nkind: Config');
  });
});
