/*
 * The scaffolder template integration tests' shared setup: an example template as the catalog
 * serves it, a test backend with the scaffolder and this module over the local clusters, and a
 * scaffolder task run to its end over HTTP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { JsonObject } from '@backstage/types';
import {
  clusterEntry,
  devClusters,
  ROLES,
} from '@internal/dev-clusters/lib/testing';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModulePlatformMesh } from '../module';

/** A template entity read from `examples/templates`; its spec is left loose for the tests. */
type ExampleTemplate = Omit<Entity, 'spec'> & { spec: any };

/** The HTTP server of a backend from {@link startTemplateBackend}, for supertest. */
type TemplateServer = TestBackend['server'];

/**
 * One `platformMesh.targets` entry. `operatorNamespace` defaults to `<namespace>-system` and
 * `runtimeServerUrl` to the local runtime API server.
 */
interface TemplateTarget {
  name: string;
  namespace: string;
  operatorCluster: string;
  runtimeCluster: string;
  infraCluster?: string;
  deploymentTechnology: string;
  operatorNamespace?: string;
  runtimeServerUrl?: string;
}

/** What {@link runTemplateTask} returns once the task has ended. */
interface TemplateTaskResult {
  /** `completed` or `failed` */
  status: string;
  /** the messages of the task's events, one a line */
  log: string;
  /** the task's output (empty when it has none) */
  output: Record<string, any>;
}

const AUTH = mockCredentials.user.header();
const TASKS = '/api/scaffolder/v2/tasks';

/**
 * Reads `examples/templates/<dir>/template.yaml` as the catalog would serve it.
 *
 * @param dir - the template's folder, e.g. `platform-mesh-remote`
 */
export function readExampleTemplate(dir: string): ExampleTemplate {
  const file = join(
    __dirname,
    '../../../../examples/templates',
    dir,
    'template.yaml',
  );
  return parse(readFileSync(file, 'utf8'));
}

/**
 * Starts a test backend with the scaffolder, this module and a catalog holding the given
 * templates (in namespace `default`), configured with the given targets over clusters
 * `pm-<role>` of the local API servers (identity `applier`, unless `clusters` is given).
 *
 * @param options.config - more root config next to `platformMesh`, e.g. `integrations`
 * @param options.features - more backend features, e.g. stand-in actions
 */
export async function startTemplateBackend(options: {
  templates: ExampleTemplate[];
  platformMesh: { clusters?: JsonObject[]; targets: TemplateTarget[] };
  config?: JsonObject;
  features?: BackendFeature[];
}): Promise<TestBackend> {
  const runtimeServerUrl = devClusters().runtime.url;
  const { templates, platformMesh, config = {}, features = [] } = options;
  const clusters =
    platformMesh.clusters ??
    ROLES.map(role => clusterEntry(`pm-${role}`, role, 'applier'));
  const targets = platformMesh.targets.map(target => ({
    operatorNamespace: `${target.namespace}-system`,
    runtimeServerUrl,
    ...target,
  }));
  const entities = templates.map(template => ({
    ...template,
    metadata: { ...template.metadata, namespace: 'default' },
  }));
  return startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePlatformMesh,
      ...features,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { ...config, platformMesh: { clusters, targets } },
      }),
    ],
  });
}

/**
 * Runs the template's dry run (`POST /api/scaffolder/v2/dry-run`), as the template editor does,
 * with no secrets and no files; returns the HTTP response.
 */
export function dryRunTemplate(
  server: TemplateServer,
  template: ExampleTemplate,
  values: object,
) {
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', AUTH)
    .send({ template, values, secrets: {}, directoryContents: [] });
}

/**
 * Creates a scaffolder task for the template and waits for it to end.
 *
 * @param templateRef - e.g. `template:default/platform-mesh-remote`
 * @param options.timeoutMs - how long the task may run (default 60 s)
 * @throws when the task is not created, or has not ended by the deadline
 */
export async function runTemplateTask(
  server: TemplateServer,
  templateRef: string,
  values: object,
  options: { timeoutMs?: number } = {},
): Promise<TemplateTaskResult> {
  const { timeoutMs = 60_000 } = options;
  const get = (path: string) =>
    request(server).get(path).set('Authorization', AUTH);
  const created = await request(server)
    .post(TASKS)
    .set('Authorization', AUTH)
    .send({ templateRef, values });
  if (created.status !== 201) {
    const reason = `HTTP ${created.status}: ${JSON.stringify(created.body)}`;
    throw new Error(`${templateRef}: task not created (${reason})`);
  }
  const id: string = created.body.id;
  const deadline = Date.now() + timeoutMs;
  let status: string | undefined;
  for (;;) {
    status = (await get(`${TASKS}/${id}`)).body.status;
    if (status === 'completed' || status === 'failed') break;
    if (Date.now() > deadline) {
      throw new Error(
        `${templateRef}: task ${id} has not ended within ${timeoutMs} ms (status ${status})`,
      );
    }
    await sleep(200);
  }
  const events: any[] = (await get(`${TASKS}/${id}/events`)).body;
  return {
    status,
    log: events.map(e => e.body?.message ?? '').join('\n'),
    output: events.find(e => e.type === 'completion')?.body?.output ?? {},
  };
}
