/*
 * The instance provider against a real kube-apiserver (packages/dev-clusters), with the harness's
 * status-reader identity: a PlatformMesh created in this file's namespace reaches the catalog
 * connection within seconds as a delta, and its deletion removes the entity. The target allows a
 * pattern, so the provider lists and watches all namespaces and must filter out every other
 * PlatformMesh on the shared runtime cluster (the seeded scenarios).
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  clusterEntry,
  eventually,
  secretMaterial,
} from '@internal/dev-clusters/lib/testing';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { recordingConnection } from '../__testUtils__/fakeRuntime';
import { PlatformMeshInstanceEntityProvider } from './PlatformMeshInstanceEntityProvider';

jest.setTimeout(60_000);

const NAMESPACE = 'pm-it-catalog';
const NAME = `pm-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const ENTITY_REF = `resource:default/it-${NAMESPACE}-${NAME}`;

const admin = clientsFor([clusterEntry('admin', 'runtime', 'admin')]).admin;

function readerClusters() {
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: [
              clusterEntry('it-runtime', 'runtime', 'reader'),
              clusterEntry('it-operator', 'operator', 'reader'),
            ],
            targets: [
              {
                name: 'it',
                operatorCluster: 'it-operator',
                runtimeCluster: 'it-runtime',
                deploymentTechnology: 'fluxcd',
                namespaces: [NAMESPACE, `${NAMESPACE}-*`],
              },
            ],
            requestTimeoutSeconds: 10,
          },
        },
      }),
    ),
  });
}

const deletePlatformMesh = () =>
  admin
    .requestJson({
      method: 'DELETE',
      path: `/apis/core.platform-mesh.io/v1alpha1/namespaces/${NAMESPACE}/platformmeshes/${NAME}`,
    })
    .catch(() => undefined);

describe('PlatformMeshInstanceEntityProvider on a real API server', () => {
  beforeAll(async () => {
    await admin.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE },
    });
  });
  afterAll(deletePlatformMesh);

  it('emits the entity of a new PlatformMesh within seconds and removes it when it is deleted', async () => {
    const logger = mockServices.logger.mock();
    const clusters = readerClusters();
    const provider = new PlatformMeshInstanceEntityProvider({
      target: clusters.getTarget('it'),
      clusters,
      logger,
      defaultOwner: 'group:default/platform-team',
    });
    const { connection, mutations } = recordingConnection();
    try {
      await provider.connect(connection);
      await eventually(async () => (mutations.length >= 1 ? true : undefined));
      expect(mutations[0].type).toBe('full');
      // the seeded PlatformMeshes of other namespaces are not this target's
      expect(
        mutations[0].entities.map(
          (e: any) =>
            e.entity.metadata.annotations['platform-mesh.io/instance'],
        ),
      ).toEqual(
        mutations[0].entities.map(() =>
          expect.stringMatching(/^it\/pm-it-catalog\//),
        ),
      );

      const created = Date.now();
      await admin.apply({
        apiVersion: 'core.platform-mesh.io/v1alpha1',
        kind: 'PlatformMesh',
        metadata: {
          name: NAME,
          namespace: NAMESPACE,
          annotations: {
            'platform-mesh.io/owner': 'user:default/guest',
            'platform-mesh.io/source-template':
              'template:default/platform-mesh-remote',
          },
        },
        spec: {
          exposure: {
            baseDomain: 'portal.localhost',
            port: 8443,
            protocol: 'https',
          },
        },
      } as any);
      const added = await eventually(async () =>
        mutations
          .filter(m => m.type === 'delta')
          .flatMap(m => m.added)
          .find(
            (a: any) => a.entity.metadata.name === `it-${NAMESPACE}-${NAME}`,
          ),
      );
      const addedAfterMs = Date.now() - created;
      expect(addedAfterMs).toBeLessThan(5000);
      expect(added.entity).toMatchObject({
        kind: 'Resource',
        metadata: {
          annotations: {
            'platform-mesh.io/instance': `it/${NAMESPACE}/${NAME}`,
            'backstage.io/source-template':
              'template:default/platform-mesh-remote',
          },
          links: [{ url: 'https://portal.localhost:8443' }],
        },
        spec: {
          type: 'platform-mesh-instance',
          owner: 'user:default/guest',
          dependsOn: [
            'resource:default/it-operator',
            'resource:default/it-runtime',
          ],
        },
      });

      const deleted = Date.now();
      await deletePlatformMesh();
      await eventually(async () =>
        mutations.some(
          m =>
            m.type === 'delta' &&
            m.removed.some((r: any) => r.entityRef === ENTITY_REF),
        )
          ? true
          : undefined,
      );
      expect(Date.now() - deleted).toBeLessThan(5000);
      // eslint-disable-next-line no-console
      console.log(
        `catalog provider on a real API server: added after ${addedAfterMs} ms, removed after ${
          Date.now() - deleted
        } ms`,
      );

      const everything = JSON.stringify([
        mutations,
        (logger.warn as jest.Mock).mock.calls,
      ]);
      for (const secret of secretMaterial())
        expect(everything).not.toContain(secret);
    } finally {
      await provider.stop();
      clusters.close();
    }
  });
});
