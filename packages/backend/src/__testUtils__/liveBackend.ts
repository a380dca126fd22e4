/*
 * One backend with the scaffolder, the Platform Mesh actions and the Platform Mesh status plugin,
 * configured for the `live` target of the dev clusters: the clusters where the real Platform
 * Mesh operator and real Flux run (packages/dev-clusters/live/README.md).
 */
import {
  closeSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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

/** The decommission template (examples/templates/platform-mesh-decommission), as the catalog serves it. */
export const DECOMMISSION_TEMPLATE = parse(
  readFileSync(
    join(REPO, 'examples/templates/platform-mesh-decommission/template.yaml'),
    'utf8',
  ),
);

const LIVE_LANE_LOCK = join(
  REPO,
  'packages/dev-clusters/.state/live-lane.lock',
);

function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the live lane's lock: one test file at a time drives the real operator and Flux (the
 * repository's test command runs two Jest workers on small machines, and the lane's files break,
 * restart and repair the one operator all live instances share). Waits while another live
 * process holds it; takes over a lock whose holder is gone. Returns the release function.
 *
 * @param timeoutMs - how long to wait for the other file (the whole lane takes about a minute)
 */
export async function acquireLiveLane(
  timeoutMs = 540_000,
): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LIVE_LANE_LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (holderOf(LIVE_LANE_LOCK) === process.pid)
          unlinkSync(LIVE_LANE_LOCK);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = holderOf(LIVE_LANE_LOCK);
    if (holder === undefined || !isAlive(holder)) {
      try {
        unlinkSync(LIVE_LANE_LOCK); // the holder is gone (a killed worker)
      } catch {
        // another waiter removed it first
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the live lane is still held by process ${holder} after ${timeoutMs} ms`,
      );
    }
    await sleep(1000);
  }
}

/** The `platformMesh` config of the live backend, with the target `live` allowing `namespaces`. */
export function livePlatformMeshConfig(namespaces: string[] = [LIVE_NS]) {
  return {
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
        namespaces,
      },
    ],
    requestTimeoutSeconds: 10,
    cache: { resyncSeconds: 30 },
  };
}

/**
 * A catalog service that answers from `entities` as they are at each call, so a test can add the
 * entity the Platform Mesh catalog entity provider emits after the backend started.
 */
function liveCatalogFactory(entities: object[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy({} as any, {
        get: (_target, method) =>
          method === 'then' || typeof method === 'symbol'
            ? undefined
            : (...args: unknown[]) =>
                (catalogServiceMock({ entities: entities as any }) as any)[
                  method
                ](...args),
      }),
  });
}

/**
 * Starts the live backend with both example templates (remote, decommission) and `entities` (a
 * live list: entities pushed later are served too) in its catalog, and the target `live` allowing
 * `namespaces`.
 */
export async function startLiveBackendWith(options: {
  namespaces: string[];
  entities: object[];
}): Promise<any> {
  const inNamespace = (t: any) => ({
    ...t,
    metadata: { ...t.metadata, namespace: 'default' },
  });
  options.entities.push(
    inNamespace(TEMPLATE),
    inNamespace(DECOMMISSION_TEMPLATE),
  );
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePlatformMesh,
      platformMeshPlugin,
      liveCatalogFactory(options.entities),
      mockServices.rootConfig.factory({
        data: { platformMesh: livePlatformMeshConfig(options.namespaces) },
      }),
    ],
  });
  return server;
}

/** Runs a template (`template:default/<name>`) as a task; returns its status, log and output. */
export async function runTemplateTask(
  server: any,
  templateName: string,
  values: object,
) {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', AUTH)
    .send({ templateRef: `template:default/${templateName}`, values });
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
  }, 600_000);
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

/** The status answer of an instance of target `live`. */
export async function instanceStatus(
  server: any,
  namespace: string,
  name: string,
) {
  const res = await request(server)
    .get(`/api/platform-mesh/instances/live/${namespace}/${name}/status`)
    .set('Authorization', AUTH);
  if (res.status !== 200) {
    throw new Error(`status ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}
