import { mockServices } from '@backstage/backend-test-utils';
import { ResourceInformer } from './ResourceInformer';
import {
  ResourceExpiredError,
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';

const cm = (name: string, rv: string, extra: object = {}) => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
  ...extra,
});

type Step =
  | { list: { items: unknown[]; resourceVersion: string } }
  | { listError: Error }
  | { watch: WatchEvent[]; end?: Error };

/** A transport that plays a script of list/watch answers and records the calls it got. */
class ScriptedTransport implements ResourceTransport {
  readonly description = 'test configmaps';
  readonly calls: string[] = [];
  private pending: Array<() => void> = [];
  constructor(private readonly steps: Step[]) {}

  async list() {
    this.calls.push('list');
    const step = this.steps.shift();
    if (!step) return this.hang();
    if ('listError' in step) throw step.listError;
    if (!('list' in step))
      throw new Error(`expected list, got ${JSON.stringify(step)}`);
    return step.list;
  }

  async watch(
    rv: string,
    onEvent: (e: WatchEvent) => void,
    signal: AbortSignal,
  ) {
    this.calls.push(`watch@${rv}`);
    const step = this.steps.shift();
    if (!step) return this.hang(signal);
    if (!('watch' in step))
      throw new Error(`expected watch, got ${JSON.stringify(step)}`);
    for (const event of step.watch) onEvent(event);
    if (step.end) throw step.end;
    return undefined;
  }

  /** Blocks like an idle watch until aborted. */
  private hang(signal?: AbortSignal): Promise<never> {
    return new Promise((_, reject) => {
      this.pending.push(() => reject(new Error('aborted')));
      signal?.addEventListener('abort', () => reject(new Error('aborted')));
    });
  }
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) {
    await new Promise(r => setTimeout(r, 5));
  }
  expect(check()).toBe(true);
}

function informerFor(
  transport: ResourceTransport,
  logger = mockServices.logger.mock(),
) {
  return new ResourceInformer<{ name: string; value?: string }>({
    transport,
    logger,
    transform: (raw: any) => {
      if (raw.bad) throw new Error('bad object');
      return { name: raw.metadata.name, value: raw.value };
    },
    backoffMs: () => 1,
  });
}

describe('ResourceInformer', () => {
  it('lists, then applies watch events from the list resourceVersion', async () => {
    const transport = new ScriptedTransport([
      { list: { items: [cm('a', '1'), cm('b', '2')], resourceVersion: '10' } },
      {
        watch: [
          { type: 'MODIFIED', object: cm('a', '11', { value: 'x' }) },
          { type: 'DELETED', object: cm('b', '12') },
          { type: 'ADDED', object: cm('c', '13') },
        ],
      },
    ]);
    const informer = informerFor(transport);
    informer.start();
    await until(() => transport.calls.length >= 3);
    await informer.stop();

    expect(transport.calls).toEqual(['list', 'watch@10', 'watch@13']);
    expect(informer.state().items).toEqual([
      { name: 'a', value: 'x' },
      { name: 'c', value: undefined },
    ]);
    expect(informer.state().synced).toBe(true);
    expect(informer.state().error).toBeUndefined();
  });

  it('resumes from the last seen resourceVersion after a disconnect', async () => {
    const transport = new ScriptedTransport([
      { list: { items: [], resourceVersion: '5' } },
      {
        watch: [{ type: 'ADDED', object: cm('a', '6') }],
        end: new TransportError({ type: 'unreachable', message: 'ECONNRESET' }),
      },
      {
        watch: [
          { type: 'BOOKMARK', object: { metadata: { resourceVersion: '9' } } },
        ],
      },
    ]);
    const informer = informerFor(transport);
    informer.start();
    await until(() => transport.calls.length >= 4);
    await informer.stop();
    expect(transport.calls).toEqual(['list', 'watch@5', 'watch@6', 'watch@9']);
    expect(informer.state().items).toEqual([{ name: 'a', value: undefined }]);
  });

  it('lists again after 410 Gone, from the transport or as an ERROR event', async () => {
    const transport = new ScriptedTransport([
      { list: { items: [cm('old', '1')], resourceVersion: '1' } },
      { watch: [], end: new ResourceExpiredError('gone') },
      { list: { items: [cm('new', '20')], resourceVersion: '20' } },
      { watch: [{ type: 'ERROR', object: { kind: 'Status', code: 410 } }] },
      { list: { items: [cm('newer', '30')], resourceVersion: '30' } },
    ]);
    const informer = informerFor(transport);
    informer.start();
    await until(() => transport.calls.length >= 6);
    await informer.stop();
    expect(transport.calls).toEqual([
      'list',
      'watch@1',
      'list',
      'watch@20',
      'list',
      'watch@30',
    ]);
    expect(informer.state().items).toEqual([
      { name: 'newer', value: undefined },
    ]);
  });

  it('keeps the last items and reports a typed error while the cluster is unreachable', async () => {
    const down = new TransportError({
      type: 'unreachable',
      message: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    const transport = new ScriptedTransport([
      { list: { items: [cm('a', '1')], resourceVersion: '1' } },
      { watch: [], end: down },
      { watch: [], end: down },
    ]);
    const informer = informerFor(transport);
    informer.start();
    await until(() => transport.calls.length >= 4);
    const state = informer.state();
    await informer.stop();
    expect(state.items).toEqual([{ name: 'a', value: undefined }]);
    expect(state.error).toEqual({
      type: 'unreachable',
      message: 'connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('reports a failed first list as an error and retries', async () => {
    const transport = new ScriptedTransport([
      {
        listError: new TransportError({
          type: 'forbidden',
          message: 'configmaps is forbidden',
          statusCode: 403,
        }),
      },
      { list: { items: [cm('a', '1')], resourceVersion: '1' } },
    ]);
    const informer = informerFor(transport);
    informer.start();
    await until(() => informer.state().synced);
    await informer.stop();
    expect(informer.state().items).toHaveLength(1);
    expect(informer.state().error).toBeUndefined();
  });

  it('ignores malformed objects with a warning instead of crashing', async () => {
    const logger = mockServices.logger.mock();
    const transport = new ScriptedTransport([
      {
        list: {
          items: [cm('a', '1'), { metadata: {} }, 'junk'],
          resourceVersion: '1',
        },
      },
      { watch: [{ type: 'ADDED', object: cm('b', '2', { bad: true }) }] },
    ]);
    const informer = informerFor(transport, logger);
    informer.start();
    await until(() => transport.calls.length >= 3);
    await informer.stop();
    expect(informer.state().items).toEqual([{ name: 'a', value: undefined }]);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      'ignoring malformed object resource=test configmaps',
    );
  });
});
