/*
 * The periodic re-list (`cache.resyncSeconds`): every informer lists again on its own, and the new
 * list replaces the store at once, so an event the watch missed cannot stay wrong.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ResourceInformer } from './ResourceInformer';
import type { ResourceTransport } from './transport';

const cm = (name: string) => ({ metadata: { name, namespace: 'ns' } });

/** Lists whatever `objects` holds now; its watches deliver nothing (every event is "missed"). */
function silentTransport(objects: { current: unknown[] }) {
  const calls: string[] = [];
  const transport: ResourceTransport = {
    description: 'test configmaps',
    list: async () => {
      calls.push('list');
      return {
        items: objects.current,
        resourceVersion: String(calls.length),
      };
    },
    watch: (rv, _onEvent, signal, established) => {
      calls.push(`watch@${rv}`);
      established?.();
      return new Promise<void>(resolve =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    },
  };
  return { transport, calls };
}

async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline)
    await new Promise(r => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('ResourceInformer periodic re-list', () => {
  it('lists again every resyncMs and replaces what the watch missed', async () => {
    const objects = { current: [cm('a'), cm('b')] };
    const { transport, calls } = silentTransport(objects);
    const informer = new ResourceInformer<any>({
      transport,
      logger: mockServices.logger.mock(),
      transform: raw => raw,
      resyncMs: 100,
    });
    informer.start();
    await until(() => informer.state().items.length === 2);
    // changed on the cluster, but the watch never says so
    objects.current = [cm('b'), cm('c')];
    const started = Date.now();
    await until(() =>
      informer
        .state()
        .items.map(i => i.metadata.name)
        .includes('c'),
    );
    const waited = Date.now() - started;
    await informer.stop();

    expect(informer.state().items.map(i => i.metadata.name)).toEqual([
      'b',
      'c',
    ]);
    expect(waited).toBeLessThan(1000);
    // list, watch from its resourceVersion, list again, watch from the new one, ... (a watch
    // the silent fake ends is opened again from the same resourceVersion before the re-list on a
    // slow machine: one entry per distinct step)
    const steps = calls.filter((call, i) => call !== calls[i - 1]);
    expect(steps.slice(0, 4)).toEqual(['list', 'watch@1', 'list', 'watch@3']);
    expect(informer.state().error).toBeUndefined();
  });

  it('does not re-list without resyncMs', async () => {
    const { transport, calls } = silentTransport({ current: [cm('a')] });
    const informer = new ResourceInformer<any>({
      transport,
      logger: mockServices.logger.mock(),
      transform: raw => raw,
    });
    informer.start();
    await until(() => calls.length === 2);
    await new Promise(r => setTimeout(r, 200));
    await informer.stop();
    expect(calls).toEqual(['list', 'watch@1']);
  });

  it('spreads the re-lists of informers started together (±10 % jitter)', async () => {
    const firstRelist: number[] = [];
    const informers = Array.from({ length: 8 }, () => {
      let lists = 0;
      const { transport } = silentTransport({ current: [] });
      const list = transport.list.bind(transport);
      transport.list = async signal => {
        lists += 1;
        if (lists === 2) firstRelist.push(Date.now());
        return list(signal);
      };
      return new ResourceInformer<any>({
        transport,
        logger: mockServices.logger.mock(),
        transform: raw => raw,
        resyncMs: 400,
      });
    });
    informers.forEach(i => i.start());
    await until(() => firstRelist.length === 8, 2000);
    await Promise.all(informers.map(i => i.stop()));
    const spread = Math.max(...firstRelist) - Math.min(...firstRelist);
    expect(spread).toBeGreaterThan(5);
    expect(spread).toBeLessThanOrEqual(100);
  });
});
