/*
 * The informer pool's life cycle: options reach every informer, and after stop() no watch opens
 * again, so a change handled late during shutdown cannot start a watch that the closing client
 * then breaks (which logged "connection lost" warnings on every shutdown).
 */
import { mockServices } from '@backstage/backend-test-utils';
import { InformerPool, type PoolChange } from './InformerPool';
import type { ResourceTransport } from './transport';
import {
  configMaps,
  secretNameWatch,
  secretWatch,
  watchKey,
} from './watchSpecs';

function countingFactory() {
  const opened: string[] = [];
  const lists: string[] = [];
  const factory = (cluster: string): ResourceTransport => ({
    description: `${cluster} test`,
    list: async () => {
      lists.push(cluster);
      return { items: [], resourceVersion: '1' };
    },
    watch: (_rv, _onEvent, signal, established) => {
      opened.push(cluster);
      established?.();
      return new Promise<void>(resolve =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    },
  });
  return { factory, opened, lists };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++)
    await new Promise(r => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('InformerPool', () => {
  it('opens no watch after stop(), and logs no warning while stopping', async () => {
    const logger = mockServices.logger.mock();
    const { factory, opened, lists } = countingFactory();
    const pool = new InformerPool({ transportFactory: factory, logger });
    pool.ensure('a', configMaps);
    await until(() => opened.length === 1);
    await pool.stop();

    // e.g. the status cache following a change it saw just before the stop
    const late = pool.state('b', secretWatch('ns', 'late'));
    await new Promise(r => setTimeout(r, 50));

    expect(late).toEqual({ items: [], synced: false, error: undefined });
    expect(lists).toEqual(['a']);
    expect(opened).toEqual(['a']);
    expect(pool.size()).toBe(0);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('gives every informer the periodic re-list interval', async () => {
    const { factory, lists } = countingFactory();
    const pool = new InformerPool({
      transportFactory: factory,
      logger: mockServices.logger.mock(),
      resyncMs: 60,
    });
    pool.ensure('a', configMaps);
    await until(() => lists.length >= 3);
    await pool.stop();
    expect(lists.every(cluster => cluster === 'a')).toBe(true);
  });

  it('tells listeners which watch changed in which namespaces, and finds open informers without opening any', async () => {
    const secret = (namespace: string) => ({
      metadata: { namespace, name: 'kubeconfig', resourceVersion: '1' },
      data: { kubeconfig: 'eA==' },
    });
    const pool = new InformerPool({
      logger: mockServices.logger.mock(),
      transportFactory: () => ({
        description: 'test secrets',
        list: async () => ({
          items: [secret('a'), secret('b')],
          resourceVersion: '1',
        }),
        watch: (_rv, _onEvent, signal) =>
          new Promise<void>(resolve =>
            signal.addEventListener('abort', () => resolve(), { once: true }),
          ),
      }),
    });
    const changes: PoolChange[] = [];
    pool.onChange(change => changes.push(change));
    const spec = secretNameWatch('kubeconfig');
    expect(pool.find('infra', spec)).toBeUndefined();
    expect(pool.size()).toBe(0);
    const informer = pool.ensure('infra', spec);
    await until(() => changes.length === 1);
    await pool.stop();
    expect(pool.find('infra', spec)).toBeUndefined(); // stopped pools keep nothing
    expect(changes[0]).toEqual({
      cluster: 'infra',
      spec,
      key: watchKey('infra', spec),
      namespaces: new Set(['a', 'b']),
      health: true,
    });
    expect(informer.get('b', 'kubeconfig')).toEqual(
      expect.objectContaining({ namespace: 'b', keys: ['kubeconfig'] }),
    );
    expect(pool.currentVersion()).toBe(1);
  });
});
