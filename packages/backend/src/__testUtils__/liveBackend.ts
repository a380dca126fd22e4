/*
 * One backend with the scaffolder, the Platform Mesh actions and the Platform Mesh status plugin,
 * configured for the `live` target of the dev clusters: the clusters where the real Platform
 * Mesh operator and real Flux run (packages/dev-clusters/live/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import platformMeshPlugin from '@platform-mesh-backstage/plugin-platform-mesh-backend';
import scaffolderModulePlatformMesh from '@platform-mesh-backstage/plugin-scaffolder-backend-module-platform-mesh';
import {
  clusterEntry,
  eventually,
  LIVE_ROLES,
} from '@internal/dev-clusters/lib/testing';
import {
  LIVE_NAMESPACE,
  liveProfile,
  liveTemplateValues,
} from '@internal/dev-clusters/lib/live';
import request from 'supertest';
import { parse } from 'yaml';

const REPO = join(__dirname, '../../../..');

/** The example template, as the catalog would serve it. */
export const TEMPLATE = parse(
  readFileSync(
    join(REPO, 'examples/templates/platform-mesh-remote/template.yaml'),
    'utf8',
  ),
);

/** The live instance's profile (packages/dev-clusters/live/profile.yaml). */
export const LIVE_PROFILE = liveProfile();

export const LIVE_NS = LIVE_NAMESPACE;
export const AUTH = mockCredentials.user.header();

/** Starts the backend; the clusters use the `backstage` identity, as the example app does. */
export async function startLiveBackend(): Promise<any> {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePlatformMesh,
      platformMeshPlugin,
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
            clusters: LIVE_ROLES.map(role =>
              clusterEntry(`pm-${role}`, role, 'backstage'),
            ),
            targets: [
              {
                name: 'live',
                operatorCluster: 'pm-live-operator',
                runtimeCluster: 'pm-live-runtime',
                infraCluster: 'pm-live-infra',
                deploymentTechnology: 'fluxcd',
                namespace: LIVE_NS,
              },
            ],
            requestTimeoutSeconds: 10,
            cache: { resyncSeconds: 30 },
          },
        },
      }),
    ],
  });
  return server;
}

/** Template values for the live instance. */
export function liveValues(profile = LIVE_PROFILE) {
  return liveTemplateValues(profile);
}

/** Runs the example template as a task; returns its status, log and output. */
export async function runTemplate(server: any, values: object) {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', AUTH)
    .send({ templateRef: 'template:default/platform-mesh-remote', values });
  if (created.status !== 201) {
    throw new Error(`task not created: ${JSON.stringify(created.body)}`);
  }
  const task = await eventually(async () => {
    const res = await request(server)
      .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
      .set('Authorization', AUTH);
    return ['completed', 'failed'].includes(res.body.status)
      ? res.body
      : undefined;
  }, 120_000);
  const events = await request(server)
    .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
    .set('Authorization', AUTH);
  const log = events.body
    .map((e: any) => e.body?.message ?? '')
    .join('\n') as string;
  const completion = events.body.find((e: any) => e.type === 'completion');
  return {
    status: task.status as string,
    log,
    output: (completion?.body?.output ?? {}) as any,
  };
}

/** The status answer of the live instance. */
export async function liveStatus(server: any) {
  const res = await request(server)
    .get(`/api/platform-mesh/instances/live/${LIVE_NS}/platform-mesh/status`)
    .set('Authorization', AUTH);
  if (res.status !== 200) {
    throw new Error(`status ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}
