/** One stored object and the resourceVersion it had. */
interface Entry<T> {
  value: T;
  resourceVersion?: string;
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * The objects of one informer, indexed by namespace (`''` for cluster-scoped objects) and name.
 * Reads of one namespace cost that namespace only: the arrays returned are built once after a
 * change and then shared, so they must not be mutated.
 */
export class NamespacedStore<T> {
  private readonly byNamespace = new Map<string, Map<string, Entry<T>>>();
  private readonly arrays = new Map<string, readonly T[]>();
  private everything: readonly T[] | undefined;
  private count = 0;

  /** Number of objects stored. */
  get size(): number {
    return this.count;
  }

  /** One object, or undefined. */
  get(namespace: string, name: string): T | undefined {
    return this.byNamespace.get(namespace)?.get(name)?.value;
  }

  /** The objects of one namespace (a shared array: do not mutate). */
  itemsIn(namespace: string): readonly T[] {
    const cached = this.arrays.get(namespace);
    if (cached) return cached;
    const entries = this.byNamespace.get(namespace);
    if (!entries) return NO_ITEMS;
    const items = [...entries.values()].map(e => e.value);
    this.arrays.set(namespace, items);
    return items;
  }

  /** Every object (a shared array, rebuilt only after a change: do not mutate). */
  all(): readonly T[] {
    if (!this.everything) {
      const items: T[] = [];
      for (const entries of this.byNamespace.values()) {
        for (const entry of entries.values()) items.push(entry.value);
      }
      this.everything = items;
    }
    return this.everything;
  }

  /** The namespaces that hold at least one object. */
  namespaces(): IterableIterator<string> {
    return this.byNamespace.keys();
  }

  /**
   * Stores an object; true when that changed the store: the object is new, or its resourceVersion
   * differs from the stored one's or is unknown (then nothing can tell that it is the same).
   */
  set(
    namespace: string,
    name: string,
    value: T,
    resourceVersion: string | undefined,
  ): boolean {
    let entries = this.byNamespace.get(namespace);
    const old = entries?.get(name);
    if (
      old &&
      resourceVersion !== undefined &&
      old.resourceVersion === resourceVersion
    ) {
      return false;
    }
    if (!entries) {
      entries = new Map();
      this.byNamespace.set(namespace, entries);
    }
    if (!old) this.count += 1;
    entries.set(name, { value, resourceVersion });
    this.invalidate(namespace);
    return true;
  }

  /** Removes an object; true when it was stored. */
  delete(namespace: string, name: string): boolean {
    const entries = this.byNamespace.get(namespace);
    if (!entries?.delete(name)) return false;
    this.count -= 1;
    if (entries.size === 0) this.byNamespace.delete(namespace);
    this.invalidate(namespace);
    return true;
  }

  /**
   * The namespaces in which `next` differs from this store: an object added, removed, or with a
   * different (or unknown) resourceVersion.
   */
  changedNamespaces(next: NamespacedStore<T>): Set<string> {
    const changed = new Set<string>();
    for (const [namespace, entries] of this.byNamespace) {
      if (!sameEntries(entries, next.byNamespace.get(namespace))) {
        changed.add(namespace);
      }
    }
    for (const namespace of next.byNamespace.keys()) {
      if (!this.byNamespace.has(namespace)) changed.add(namespace);
    }
    return changed;
  }

  private invalidate(namespace: string): void {
    this.arrays.delete(namespace);
    this.everything = undefined;
  }
}

function sameEntries<T>(
  a: Map<string, Entry<T>>,
  b: Map<string, Entry<T>> | undefined,
): boolean {
  if (!b || a.size !== b.size) return false;
  for (const [name, entry] of a) {
    const other = b.get(name);
    if (
      !other ||
      entry.resourceVersion === undefined ||
      other.resourceVersion !== entry.resourceVersion
    ) {
      return false;
    }
  }
  return true;
}
