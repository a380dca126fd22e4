/*
 * The whole catalog with the Platform Mesh catalog module, against the local API servers: a
 * PlatformMesh on the runtime cluster becomes an entity the catalog serves by name, with the
 * cluster entities it depends on.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { clusterEntry, eventually } from '@internal/dev-clusters/lib/testing';
import catalogModulePlatformMesh from '@platform-mesh-backstage/plugin-catalog-backend-module-platform-mesh';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import request from 'supertest';

jest.setTimeout(60_000);

const NAMESPACE = 'pm-it-catalog-backend';
const NAME = `pm-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const admin = clientsFor([clusterEntry('admin', 'runtime', 'admin')]).admin;

describe('the catalog with the Platform Mesh entity provider', () => {
  beforeAll(async () => {
    await admin.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE },
    });
    await admin.apply({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: { name: NAME, namespace: NAMESPACE },
      spec: {},
    } as any);
  });
  afterAll(() =>
    admin
      .requestJson({
        method: 'DELETE',
        path: `/apis/core.platform-mesh.io/v1alpha1/namespaces/${NAMESPACE}/platformmeshes/${NAME}`,
      })
      .catch(() => undefined),
  );

  it('serves the instance entity and its clusters', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePlatformMesh,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                platformMesh: { defaultOwner: 'group:default/guests' },
              },
            },
            platformMesh: {
              clusters: [
                clusterEntry('it-operator', 'operator', 'reader'),
                clusterEntry('it-runtime', 'runtime', 'reader'),
              ],
              targets: [
                {
                  name: 'it',
                  operatorCluster: 'it-operator',
                  runtimeCluster: 'it-runtime',
                  deploymentTechnology: 'fluxcd',
                  namespaces: [NAMESPACE],
                },
              ],
              requestTimeoutSeconds: 10,
            },
          },
        }),
      ],
    });
    const name = `it-${NAMESPACE}-${NAME}`;
    const entity = await eventually(async () => {
      const response = await request(server)
        .get(`/api/catalog/entities/by-name/resource/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      return response.status === 200 ? response.body : undefined;
    }, 30_000);
    expect(entity.spec).toMatchObject({
      type: 'platform-mesh-instance',
      owner: 'group:default/guests',
    });
    expect(entity.metadata.annotations['platform-mesh.io/instance']).toBe(
      `it/${NAMESPACE}/${NAME}`,
    );
    expect(entity.relations).toEqual(
      expect.arrayContaining([
        { type: 'dependsOn', targetRef: 'resource:default/it-runtime' },
      ]),
    );

    const cluster = await request(server)
      .get('/api/catalog/entities/by-name/resource/default/it-runtime')
      .set('Authorization', mockCredentials.user.header());
    expect(cluster.status).toBe(200);
    expect(cluster.body.spec.type).toBe('kubernetes-cluster');
  });
});
