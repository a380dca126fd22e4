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
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import { parse } from 'yaml';
import { adminClients } from './__testUtils__/devClusters';
import {
  readExampleTemplate,
  runTemplateTask,
  startTemplateBackend,
} from './__testUtils__/templateBackend';

jest.setTimeout(180_000);

const TEMPLATE = readExampleTemplate('platform-mesh-remote');
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
    // an Argo CD infra cluster has Argo CD installed: its namespace exists
    await admin.operator.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } },
      { fieldManager: 'pm-it-administrator' },
    );
    ({ server } = await startTemplateBackend({
      templates: [TEMPLATE],
      platformMesh: {
        targets: KINDS.map(k => ({
          name: k.target,
          ...k.config,
          namespace: k.namespace,
        })),
      },
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
    const task = await runTemplateTask(
      server,
      'template:default/platform-mesh-remote',
      {
        ...formDefaults(),
        target,
        namespace,
        owner: 'group:default/platform-team',
      },
      { timeoutMs: 90_000 },
    );
    const { log } = task;
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
