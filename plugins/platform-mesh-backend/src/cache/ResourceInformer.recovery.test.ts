/*
 * How fast an informer says "reachable" again after a blip: the error clears as soon as a watch is
 * re-established (no event needed), the backoff starts over after a watch stayed healthy, and a
 * stop is silent.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ResourceInformer } from './ResourceInformer';
import {
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';

type Watch = (
  onEvent: (e: WatchEvent) => void,
  signal: AbortSignal,
  onEstablished?: () => void,
) => Promise<void>;

const down = () =>
  new TransportError({ type: 'unreachable', message: 'connection refused' });

/** Resolves when the signal aborts, like an idle watch. */
const idle = (signal: AbortSignal) =>
  new Promise<void>(resolve =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );

/** Lists one object, then plays the given watches in order (idle ones after the script). */
function transportOf(watches: Watch[]): ResourceTransport & { calls: number } {
  const t = {
    description: 'test configmaps',
    calls: 0,
    list: async () => ({
      items: [{ metadata: { name: 'a', namespace: 'ns' } }],
      resourceVersion: '1',
    }),
    watch: (
      _rv: string,
      onEvent: (e: WatchEvent) => void,
      signal: AbortSignal,
      onEstablished?: () => void,
    ) => {
      const next: Watch =
        watches[t.calls] ??
        ((_e, s, established) => {
          established?.();
          return idle(s);
        });
      t.calls += 1;
      return next(onEvent, signal, onEstablished);
    },
  };
  return t as ResourceTransport & { calls: number };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 300 && !check(); i++)
    await new Promise(r => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('ResourceInformer recovery', () => {
  it('clears the error when a watch is re-established, before any event arrives', async () => {
    const transport = transportOf([
      async () => {
        throw down();
      },
      // established (200 headers), then silent: no event, no bookmark
      (_e, signal, established) => {
        established?.();
        return idle(signal);
      },
    ]);
    const states: Array<string | undefined> = [];
    const informer: ResourceInformer<unknown> = new ResourceInformer({
      transport,
      logger: mockServices.logger.mock(),
      transform: raw => raw,
      backoffMs: () => 1,
      onChange: () => states.push(informer.state().error?.type),
    });
    informer.start();
    await until(() => transport.calls >= 2);
    await until(() => informer.state().error === undefined);
    await informer.stop();
    expect(states).toContain('unreachable');
    expect(states[states.length - 1]).toBeUndefined();
  });

  it('starts the backoff over after a watch stayed healthy for healthyAfterMs', async () => {
    const fail: Watch = async () => {
      throw down();
    };
    const healthyThenCut: Watch = async (_e, _s, established) => {
      established?.();
      await new Promise(r => setTimeout(r, 40));
      throw down();
    };
    const transport = transportOf([fail, fail, fail, healthyThenCut, fail]);
    const asked: number[] = [];
    const informer = new ResourceInformer({
      transport,
      logger: mockServices.logger.mock(),
      transform: raw => raw,
      backoffMs: n => {
        asked.push(n);
        return 1;
      },
      healthyAfterMs: 20,
    });
    informer.start();
    await until(() => transport.calls >= 6);
    await informer.stop();
    expect(asked).toEqual([1, 2, 3, 1, 2]);
  });

  it('logs an outage once, not on every retry', async () => {
    const logger = mockServices.logger.mock();
    const fail: Watch = async () => {
      throw down();
    };
    const transport = transportOf([fail, fail, fail, fail]);
    const informer = new ResourceInformer({
      transport,
      logger,
      transform: raw => raw,
      backoffMs: () => 1,
    });
    informer.start();
    await until(() => transport.calls >= 5);
    await informer.stop();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'cannot read resource=test configmaps error=unreachable: connection refused',
    );
  });

  it('logs nothing at warn or error level when stopped, even when the transport rejects on abort', async () => {
    const logger = mockServices.logger.mock();
    const transport = transportOf([
      (_e, signal, established) => {
        established?.();
        return new Promise<void>((_, reject) =>
          signal.addEventListener('abort', () =>
            reject(
              new TransportError({
                type: 'unreachable',
                message:
                  'the connection to the API server was lost during the watch',
              }),
            ),
          ),
        );
      },
    ]);
    const informer = new ResourceInformer({
      transport,
      logger,
      transform: raw => raw,
    });
    informer.start();
    await until(() => informer.state().synced && transport.calls === 1);
    await informer.stop();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });
});
