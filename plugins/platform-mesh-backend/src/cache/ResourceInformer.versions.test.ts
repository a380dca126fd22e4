/*
 * Per-namespace versions and change events: only an added, changed (other resourceVersion) or
 * deleted object moves a namespace's version; bookmarks, replayed events and re-lists that find
 * the same objects move nothing and call no listener.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ResourceInformer, type InformerChange } from './ResourceInformer';
import type { ResourceTransport, WatchEvent } from './transport';

const obj = (namespace: string, name: string, rv: string) => ({
  metadata: { namespace, name, resourceVersion: rv },
});

/** Lists `objects.current`; the test pushes watch events through `emit`. */
function controlledTransport(objects: { current: unknown[] }) {
  let emit: ((e: WatchEvent) => void) | undefined;
  let endWatch: (() => void) | undefined;
  let lists = 0;
  const transport: ResourceTransport = {
    description: 'test configmaps',
    list: async () => {
      lists += 1;
      return { items: objects.current, resourceVersion: `${lists}` };
    },
    watch: (_rv, onEvent, signal, established) => {
      emit = onEvent;
      established?.();
      return new Promise<void>(resolve => {
        endWatch = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
  };
  return {
    transport,
    emit: (e: WatchEvent) => emit!(e),
    ready: () => emit !== undefined,
    lists: () => lists,
    endWatch: () => endWatch?.(),
  };
}

async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline)
    await new Promise(r => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function start(objects: { current: unknown[] }, resyncMs?: number) {
  const control = controlledTransport(objects);
  const changes: InformerChange[] = [];
  const informer = new ResourceInformer<{ name: string }>({
    transport: control.transport,
    logger: mockServices.logger.mock(),
    transform: (raw: any) => ({ name: raw.metadata.name }),
    onChange: change => changes.push(change),
    resyncMs,
  });
  informer.start();
  return { informer, changes, ...control };
}

const namespacesOf = (changes: InformerChange[]) =>
  changes.map(c => [...c.namespaces].sort());

describe('ResourceInformer versions', () => {
  it('moves the version of the namespace an event changed, and only that one', async () => {
    const t = start({ current: [obj('a', 'x', '1'), obj('b', 'x', '2')] });
    await until(t.ready);
    const a = t.informer.namespaceVersion('a');
    const b = t.informer.namespaceVersion('b');
    expect(a).toBeGreaterThan(0);
    const health = t.informer.healthVersion;
    expect(health).toBe(a); // the first list: synced
    expect(t.changes).toEqual([
      { namespaces: new Set(['a', 'b']), health: true },
    ]);

    t.emit({ type: 'MODIFIED', object: obj('a', 'x', '3') });
    expect(t.informer.namespaceVersion('a')).toBeGreaterThan(a);
    expect(t.informer.namespaceVersion('b')).toBe(b);

    t.emit({ type: 'ADDED', object: obj('c', 'y', '4') });
    t.emit({ type: 'DELETED', object: obj('b', 'x', '5') });
    expect(t.informer.namespaceVersion('b')).toBeGreaterThan(b);
    expect(t.informer.itemsIn('b')).toEqual([]);
    expect(t.informer.get('c', 'y')).toEqual({ name: 'y' });
    expect(namespacesOf(t.changes.slice(1))).toEqual([['a'], ['c'], ['b']]);
    expect(t.informer.healthVersion).toBe(health);
    await t.informer.stop();
  });

  it('does not move on bookmarks, replayed events or deletions of unknown objects', async () => {
    const t = start({ current: [obj('a', 'x', '1')] });
    await until(t.ready);
    const version = t.informer.version;
    const items = t.informer.itemsIn('a');
    const all = t.informer.state().items;

    t.emit({
      type: 'BOOKMARK',
      object: { metadata: { resourceVersion: '9' } },
    });
    t.emit({ type: 'MODIFIED', object: obj('a', 'x', '1') });
    t.emit({ type: 'DELETED', object: obj('a', 'nope', '10') });

    expect(t.informer.version).toBe(version);
    expect(t.informer.namespaceVersion('a')).toBe(version);
    expect(t.changes).toHaveLength(1);
    // nothing changed: the same arrays, no copy
    expect(t.informer.itemsIn('a')).toBe(items);
    expect(t.informer.state().items).toBe(all);
    await t.informer.stop();
  });

  it('does not move on a re-list that finds the same objects; moves only what differs', async () => {
    const objects = { current: [obj('a', 'x', '1'), obj('b', 'x', '2')] };
    const t = start(objects, 60);
    await until(t.ready);
    const first = t.informer.version;
    // periodic re-lists with nothing new
    await until(() => t.lists() >= 3);
    expect(t.informer.version).toBe(first);
    expect(t.changes).toHaveLength(1);

    objects.current = [obj('a', 'x', '1'), obj('b', 'x', '7')];
    const lists = t.lists();
    await until(() => t.lists() > lists && t.changes.length === 2);
    expect(t.changes[1]).toEqual({ namespaces: new Set(['b']), health: false });
    expect(t.informer.namespaceVersion('a')).toBe(first);
    expect(t.informer.namespaceVersion('b')).toBeGreaterThan(first);
    await t.informer.stop();
  });
});
