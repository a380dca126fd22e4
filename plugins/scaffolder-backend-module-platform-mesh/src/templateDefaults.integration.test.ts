/*
 * The example template (examples/templates/platform-mesh-remote/template.yaml) with nothing but
 * its defaults (and the required owner) on each kind of target it offers, as real tasks against
 * the local API servers: three clusters with Flux, Operator == Infra, and Argo CD (which used to
 * fail on its own defaults: cnpg-operator had no repoURL). Each kind gets its own namespaces.
 *
 * The Argo CD target uses the operator API server as its infra cluster, so that the Argo CD
 * cluster Secret the apply writes (argocd/platform-mesh-cluster-secret, one per infra cluster)
 * does not touch the one the dev-clusters seed keeps on the infra server for target `argo`; the
 * test creates the `argocd` namespace there, as an Argo CD installation would have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  clusterEntry,
  devClusters,
  eventually,
  secretMaterial,
} from '@internal/dev-clusters/lib/testing';
import request from 'supertest';
import { parse } from 'yaml';
import { adminClients } from './__testUtils__/devClusters';
import { scaffolderModulePlatformMesh } from './module';

jest.setTimeout(180_000);

const TEMPLATE = parse(
  readFileSync(
    join(
      __dirname,
      '../../../examples/templates/platform-mesh-remote/template.yaml',
    ),
    'utf8',
  ),
);
const auth = mockCredentials.user.header();
const NS = 'pm-it-scaffolder-defaults';

/** The form's defaults, as the scaffolder UI submits them. */
function formDefaults(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const page of TEMPLATE.spec.parameters) {
    for (const [key, property] of Object.entries<any>(page.properties)) {
      if (property.default !== undefined) values[key] = property.default;
    }
  }
  return values;
}

const KINDS = [
  {
    kind: 'three clusters (Flux)',
    target: 'it-defaults-dev',
    namespace: `${NS}-dev`,
    config: {
      operatorCluster: 'pm-operator',
      runtimeCluster: 'pm-runtime',
      infraCluster: 'pm-infra',
      deploymentTechnology: 'fluxcd',
    },
    cnpg: { enabled: true },
  },
  {
    kind: 'Operator == Infra (Flux)',
    target: 'it-defaults-colocated',
    namespace: `${NS}-colocated`,
    config: {
      operatorCluster: 'pm-infra',
      runtimeCluster: 'pm-runtime',
      deploymentTechnology: 'fluxcd',
    },
    cnpg: { enabled: true },
  },
  {
    kind: 'Argo CD',
    target: 'it-defaults-argo',
    namespace: `${NS}-argo`,
    config: {
      operatorCluster: 'pm-infra',
      runtimeCluster: 'pm-runtime',
      infraCluster: 'pm-operator',
      deploymentTechnology: 'argocd',
    },
    cnpg: {
      enabled: true,
      helmRepo: true,
      repoURL: 'ghcr.io/cloudnative-pg/charts',
      chart: 'cloudnative-pg',
    },
  },
];

describe('the platform-mesh-remote template with its defaults on every kind of target', () => {
  let server: any;
  const admin = adminClients();

  beforeAll(async () => {
    const dev = devClusters();
    // an Argo CD infra cluster has Argo CD installed: its namespace exists
    await admin.operator.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } },
      { fieldManager: 'pm-it-administrator' },
    );
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModulePlatformMesh,
        catalogServiceMock.factory({
          entities: [
            {
              ...TEMPLATE,
              metadata: { ...TEMPLATE.metadata, namespace: 'default' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            platformMesh: {
              clusters: (['operator', 'runtime', 'infra'] as const).map(role =>
                clusterEntry(`pm-${role}`, role, 'applier'),
              ),
              targets: KINDS.map(k => ({
                name: k.target,
                ...k.config,
                namespace: k.namespace,
                operatorNamespace: `${k.namespace}-system`,
                runtimeServerUrl: dev.runtime.url,
              })),
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    // the Argo CD cluster Secret of this test's infra cluster (nobody else uses it there)
    await admin.operator
      .requestJson({
        method: 'DELETE',
        path: '/api/v1/namespaces/argocd/secrets/platform-mesh-cluster-secret',
      })
      .catch(() => undefined);
  });

  it.each(KINDS)('succeeds on $kind', async ({ target, namespace }) => {
    const started = Date.now();
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({
        templateRef: 'template:default/platform-mesh-remote',
        values: {
          ...formDefaults(),
          target,
          namespace,
          owner: 'group:default/platform-team',
        },
      });
    expect(created.status).toBe(201);
    const task = await eventually(async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', auth);
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    }, 90_000);
    const events = await request(server)
      .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
      .set('Authorization', auth);
    const log = events.body.map((e: any) => e.body?.message ?? '').join('\n');
    // on failure, the task log is the message
    expect(task.status === 'completed' ? 'completed' : log).toBe('completed');
    for (const secret of secretMaterial()) expect(log).not.toContain(secret);
    // eslint-disable-next-line no-console
    console.log(
      `defaults on ${target}: completed in ${Date.now() - started} ms`,
    );

    const profile: any = await admin.runtime.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace,
      name: 'platform-mesh-profile',
    });
    const services = parse(profile.data['profile.yaml']).components.services;
    // Argo CD pulls cnpg-operator from the upstream chart repository; Flux gets it through OCM
    const { cnpg } = KINDS.find(k => k.target === target)!;
    expect(services['cnpg-operator']).toMatchObject(cnpg);
    expect(services['cnpg-operator'].repoURL).toBe(
      (cnpg as { repoURL?: string }).repoURL,
    );
  });
});
