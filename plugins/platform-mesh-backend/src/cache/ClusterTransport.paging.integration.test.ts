/*
 * Paged lists against a real kube-apiserver (packages/dev-clusters): 1,200 small ConfigMaps of
 * this run, listed by the informer with `limit` 500, arrive complete in exactly 3 requests that
 * follow the server's continue tokens. Prints the time and heap of the list.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { clusterEntry } from '@internal/dev-clusters/lib/testing';
import type {
  ClusterClient,
  ListOptions,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { ClusterTransport } from './ClusterTransport';
import { ResourceInformer } from './ResourceInformer';
import { configMaps, type WatchSpec } from './watchSpecs';

jest.setTimeout(60_000);

/** This file's namespace on the runtime cluster; each run labels its own objects. */
const NS = 'pm-it-paging';
const COUNT = 1200;
const RUN = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const LABEL = `pm-it-paging-run=${RUN}`;

const clients = clientsFor([
  clusterEntry('admin', 'runtime', 'admin'),
  clusterEntry('reader', 'runtime', 'reader'),
]);

/** Runs `fn` over `items`, at most `width` at a time. */
async function bounded<T>(
  items: T[],
  width: number,
  fn: (item: T) => Promise<unknown>,
) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await fn(item);
      }
    }),
  );
}

/** The reader's client, recording the paging options of every list it sends. */
function recording(client: ClusterClient) {
  const lists: ListOptions[] = [];
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'list') {
        return (type: any, options: ListOptions) => {
          lists.push(options);
          return target.list(type, options);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client: wrapped, lists };
}

describe('paged list against a real API server', () => {
  beforeAll(async () => {
    await clients.admin.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    const started = Date.now();
    await bounded(
      Array.from({ length: COUNT }, (_, i) => i),
      16,
      i =>
        clients.admin.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: `cm-${RUN}-${i}`,
            namespace: NS,
            labels: { 'pm-it-paging-run': RUN },
          },
          data: { index: String(i) },
        }),
    );
    // eslint-disable-next-line no-console
    console.log(
      `PAGING seeded ${COUNT} ConfigMaps in ${Date.now() - started} ms`,
    );
  });

  afterAll(async () => {
    await clients.admin.requestJson({
      method: 'DELETE',
      path: `/api/v1/namespaces/${NS}/configmaps`,
      query: { labelSelector: LABEL },
      timeoutMs: 30_000,
    });
  });

  it(`lists ${COUNT} ConfigMaps with limit 500 in 3 requests, complete`, async () => {
    const { client, lists } = recording(clients.reader);
    const spec: WatchSpec = {
      ...configMaps,
      namespace: NS,
      labelSelector: LABEL,
    };
    const informer = new ResourceInformer<any>({
      transport: new ClusterTransport(async () => client, 'reader', spec, {
        pageLimit: 500,
      }),
      logger: mockServices.logger.mock(),
      transform: raw => raw,
    });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    informer.start();
    while (!informer.state().synced && Date.now() - started < 30_000) {
      await new Promise(r => setTimeout(r, 5));
    }
    const ms = Date.now() - started;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    await informer.stop();

    expect(informer.state().error).toBeUndefined();
    expect(informer.size).toBe(COUNT);
    expect(new Set(informer.itemsIn(NS).map(cm => cm.data.index)).size).toBe(
      COUNT,
    );
    expect(lists).toHaveLength(3);
    expect(lists.map(l => l.limit)).toEqual([500, 500, 500]);
    expect(lists[0].continue).toBeUndefined();
    expect(lists[1].continue).toEqual(expect.any(String));
    expect(lists[2].continue).toEqual(expect.any(String));
    expect(lists[2].continue).not.toBe(lists[1].continue);
    // eslint-disable-next-line no-console
    console.log(
      `PAGING listed ${COUNT} ConfigMaps in ${
        lists.length
      } pages: ${ms} ms, heap +${heapMiB.toFixed(1)} MiB`,
    );
  });
});
