/*
 * One Secret watch per Secret name, across namespaces, against a real kube-apiserver
 * (packages/dev-clusters): a field-selector list+watch sees that name in every namespace, follows
 * additions and deletions there, and never sees another Secret or any Secret value.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { clusterEntry, eventually } from '@internal/dev-clusters/lib/testing';
import type { SecretMetadata } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  ClusterClient,
  ClusterRequest,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { ClusterTransport } from './ClusterTransport';
import { InformerPool } from './InformerPool';
import { secretNameWatch, watchKey } from './watchSpecs';

jest.setTimeout(60_000);

/** This file's namespaces on the infra cluster; each run uses its own Secret names. */
const NAMESPACES = [
  'pm-it-secretname-a',
  'pm-it-secretname-b',
  'pm-it-secretname-c',
];
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const WATCHED = `pm-it-kubeconfig-${RUN}`;
const OTHER = `pm-it-other-${RUN}`;
const VALUE = `secret-value-${RUN}-never-stored`;

const clients = clientsFor([
  clusterEntry('admin', 'infra', 'admin'),
  clusterEntry('reader', 'infra', 'reader'),
]);

const secret = (namespace: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
  stringData: { kubeconfig: VALUE },
});

const remove = (namespace: string, name: string) =>
  clients.admin
    .requestJson({
      method: 'DELETE',
      path: `/api/v1/namespaces/${namespace}/secrets/${name}`,
    })
    .catch(() => undefined);

/** The reader's client, recording every watch it opens. */
function recording(client: ClusterClient) {
  const watches: ClusterRequest[] = [];
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'requestStream') {
        return (request: ClusterRequest) => {
          watches.push(request);
          return target.requestStream(request);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client: wrapped, watches };
}

describe('Secret watch by name across namespaces, on a real API server', () => {
  beforeAll(async () => {
    for (const name of NAMESPACES) {
      await clients.admin.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    }
    for (const ns of NAMESPACES.slice(0, 2)) {
      await clients.admin.create(secret(ns, WATCHED) as any);
    }
    for (const ns of NAMESPACES) {
      await clients.admin.create(secret(ns, OTHER) as any);
    }
  });

  afterAll(async () => {
    for (const ns of NAMESPACES) {
      await remove(ns, WATCHED);
      await remove(ns, OTHER);
    }
  });

  it('sees the named Secret in every namespace through one watch, and nothing else', async () => {
    const logger = mockServices.logger.mock();
    const { client, watches } = recording(clients.reader);
    const pool = new InformerPool({
      logger,
      transportFactory: (cluster, spec) =>
        new ClusterTransport(async () => client, cluster, spec),
    });
    const spec = secretNameWatch(WATCHED);
    try {
      const informer = pool.ensure<SecretMetadata>('reader', spec);
      const mine = () => NAMESPACES.filter(ns => informer.get(ns, WATCHED));

      await eventually(async () =>
        informer.state().synced ? true : undefined,
      );
      expect(mine()).toEqual(NAMESPACES.slice(0, 2));
      expect(informer.size).toBe(2);

      await clients.admin.create(secret(NAMESPACES[2], WATCHED) as any);
      await remove(NAMESPACES[0], WATCHED);
      await eventually(async () =>
        mine().join() === NAMESPACES.slice(1).join() ? true : undefined,
      );

      // only the watched name, only key names
      const all = informer.state().items;
      expect(all.map(s => s.name)).toEqual([WATCHED, WATCHED]);
      expect(informer.get(NAMESPACES[1], WATCHED)?.keys).toEqual([
        'kubeconfig',
      ]);
      expect(JSON.stringify(all)).not.toContain(VALUE);
      expect(JSON.stringify(all)).not.toContain(
        Buffer.from(VALUE).toString('base64'),
      );
      expect(NAMESPACES.some(ns => informer.get(ns, OTHER))).toBe(false);

      // one watch, cluster-wide, by field selector: it does not grow with namespaces
      expect(pool.size()).toBe(1);
      expect(watches).toHaveLength(1);
      expect(watches[0].path).toBe('/api/v1/secrets');
      expect(watches[0].query?.fieldSelector).toBe(`metadata.name=${WATCHED}`);
      expect(pool.find('reader', spec)).toBe(informer);
      expect(watchKey('reader', spec)).toContain('|*|');
    } finally {
      await pool.stop();
    }
  });
});
