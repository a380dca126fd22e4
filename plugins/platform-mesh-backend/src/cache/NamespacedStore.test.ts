import { NamespacedStore } from './NamespacedStore';

describe('NamespacedStore', () => {
  it('indexes by namespace and name, cluster-scoped objects under ""', () => {
    const store = new NamespacedStore<string>();
    store.set('a', 'x', 'a/x', '1');
    store.set('a', 'y', 'a/y', '2');
    store.set('b', 'x', 'b/x', '3');
    store.set('', 'node', 'node', '4');
    expect(store.size).toBe(4);
    expect(store.itemsIn('a')).toEqual(['a/x', 'a/y']);
    expect(store.itemsIn('')).toEqual(['node']);
    expect(store.itemsIn('missing')).toEqual([]);
    expect(store.get('b', 'x')).toBe('b/x');
    expect(store.get('a', 'z')).toBeUndefined();
    expect([...store.namespaces()].sort()).toEqual(['', 'a', 'b']);
  });

  it('shares the arrays it returns until something in them changes', () => {
    const store = new NamespacedStore<string>();
    store.set('a', 'x', 'a/x', '1');
    store.set('b', 'x', 'b/x', '1');
    const a = store.itemsIn('a');
    const b = store.itemsIn('b');
    const all = store.all();
    expect(store.itemsIn('a')).toBe(a);
    expect(store.all()).toBe(all);
    store.set('b', 'y', 'b/y', '2');
    expect(store.itemsIn('a')).toBe(a); // another namespace: still the same array
    expect(store.itemsIn('b')).not.toBe(b);
    expect(store.all()).not.toBe(all);
    expect(store.all()).toHaveLength(3);
  });

  it('reports a change only for new objects, another or unknown resourceVersion, and deletions', () => {
    const store = new NamespacedStore<string>();
    expect(store.set('a', 'x', 'v1', '1')).toBe(true);
    expect(store.set('a', 'x', 'v1 again', '1')).toBe(false);
    expect(store.get('a', 'x')).toBe('v1');
    expect(store.set('a', 'x', 'v2', '2')).toBe(true);
    expect(store.set('a', 'x', 'v3', undefined)).toBe(true);
    expect(store.delete('a', 'x')).toBe(true);
    expect(store.delete('a', 'x')).toBe(false);
    expect(store.size).toBe(0);
    expect([...store.namespaces()]).toEqual([]);
  });

  it('names the namespaces in which another store differs', () => {
    const old = new NamespacedStore<string>();
    old.set('same', 'x', '', '1');
    old.set('changed', 'x', '', '1');
    old.set('gone', 'x', '', '1');
    old.set('shrunk', 'x', '', '1');
    old.set('shrunk', 'y', '', '1');
    const next = new NamespacedStore<string>();
    next.set('same', 'x', '', '1');
    next.set('changed', 'x', '', '2');
    next.set('shrunk', 'x', '', '1');
    next.set('new', 'x', '', '1');
    expect([...old.changedNamespaces(next)].sort()).toEqual([
      'changed',
      'gone',
      'new',
      'shrunk',
    ]);
    expect(next.changedNamespaces(next).size).toBe(0);
  });
});
