/*
 * The example template (examples/templates/platform-mesh-remote/template.yaml) through the real
 * scaffolder backend with this module, against the local clusters: the template editor's dry run
 * (nothing written), then a real task that creates the instance, as a platform engineer would run
 * it in the example app.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import request from 'supertest';
import { parse } from 'yaml';
import { adminClients } from './__testUtils__/devClusters';
import {
  dryRunTemplate,
  readExampleTemplate,
  runTemplateTask,
  startTemplateBackend,
} from './__testUtils__/templateBackend';

jest.setTimeout(120_000);

const TEMPLATE = readExampleTemplate('platform-mesh-remote');
const NS = 'pm-it-scaffolder-template';
const auth = mockCredentials.user.header();

const values = (extra: object = {}) => ({
  target: 'it-template',
  name: 'platform-mesh',
  namespace: NS,
  baseDomain: 'portal.localhost',
  port: 8443,
  services: TEMPLATE.spec.parameters[0].properties.services.default,
  owner: 'group:default/platform-team',
  waitForReady: false,
  force: false,
  ...extra,
});

describe('the platform-mesh-remote template in the scaffolder', () => {
  let server: any;
  const admin = adminClients();

  beforeAll(async () => {
    await admin.runtime
      .requestJson({
        method: 'DELETE',
        path: `/apis/core.platform-mesh.io/v1alpha1/namespaces/${NS}/platformmeshes/platform-mesh`,
      })
      .catch(() => undefined);
    ({ server } = await startTemplateBackend({
      templates: [TEMPLATE],
      platformMesh: {
        targets: [
          {
            name: 'it-template',
            operatorCluster: 'pm-operator',
            runtimeCluster: 'pm-runtime',
            infraCluster: 'pm-infra',
            deploymentTechnology: 'fluxcd',
            namespace: NS,
          },
        ],
      },
    }));
  });

  it('lists the actions with their examples', async () => {
    const res = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    const ours = res.body.filter((a: any) => a.id.startsWith('platform-mesh:'));
    expect(ours.map((a: any) => a.id)).toEqual(
      expect.arrayContaining([
        'platform-mesh:apply',
        'platform-mesh:render',
        'platform-mesh:describe',
      ]),
    );
    for (const action of ours.filter((a: any) =>
      ['platform-mesh:apply', 'platform-mesh:render'].includes(a.id),
    )) {
      expect(action.description.length).toBeGreaterThan(100);
      expect(action.examples.length).toBeGreaterThanOrEqual(4);
      expect(action.schema.input.required).toEqual(['target', 'name']);
    }
    const describe = ours.find((a: any) => a.id === 'platform-mesh:describe');
    expect(describe.schema.input.required).toEqual(['target', 'name']);
    expect(describe.examples.length).toBeGreaterThanOrEqual(2);
  });

  it('dry-runs in the template editor without writing anything', async () => {
    const res = await dryRunTemplate(server, TEMPLATE, values());
    expect(res.status).toBe(200);
    const log = res.body.log.map((l: any) => l.body.message).join('\n');
    expect(log).toContain('Preflight passed on 3 cluster(s)');
    expect(log).toContain('nothing was written');
    // the entity the catalog entity provider emits for the instance (default name pattern)
    expect(res.body.output.links[0].url).toBe(
      `/catalog/default/resource/it-template-${NS}-platform-mesh`,
    );
    expect(res.body.output.text[0].content).toContain(
      `it-template/${NS}/platform-mesh`,
    );
    const files = res.body.directoryContents.map((f: any) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'platform-mesh/README.md',
        'platform-mesh/helm-values.operator.yaml',
        'platform-mesh/catalog-info.yaml',
      ]),
    );
    expect(
      await admin.runtime.tryGet({
        group: 'core.platform-mesh.io',
        kind: 'PlatformMesh',
        namespace: NS,
        name: 'platform-mesh',
      }),
    ).toBeUndefined();
  });

  it('creates the instance when run as a task', async () => {
    const task = await runTemplateTask(
      server,
      'template:default/platform-mesh-remote',
      values(),
    );
    const { log } = task;
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    expect(log).toMatch(/Applied \d+ objects in \d+ ms/);
    // eslint-disable-next-line no-console
    console.log(
      `template task: ${log.match(/Applied \d+ objects in \d+ ms[^\n]*/)![0]}`,
    );
    for (const secret of secretMaterial()) expect(log).not.toContain(secret);

    const pm: any = await admin.runtime.get({
      group: 'core.platform-mesh.io',
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'platform-mesh',
    });
    // what the catalog entity provider reads: the owner and the template from the form
    expect(pm.metadata.annotations).toMatchObject({
      'platform-mesh.io/owner': 'group:default/platform-team',
      'platform-mesh.io/source-template':
        'template:default/platform-mesh-remote',
    });
    expect(pm.spec.exposure).toEqual({
      baseDomain: 'portal.localhost',
      port: 8443,
      protocol: 'https',
    });
    const fluxSecret: any = await admin.infra.get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: NS,
      name: 'platform-mesh-runtime-secret',
    });
    const kubeconfig = Buffer.from(
      fluxSecret.data.kubeconfig,
      'base64',
    ).toString('utf8');
    expect(log).not.toContain(parse(kubeconfig).users[0].user.token);
  });
});
