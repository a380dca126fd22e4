import { watchKey, type WatchSpec } from './watchSpecs';

/** One watch on one cluster. */
interface ClusterWatch {
  cluster: string;
  spec: WatchSpec;
}

/**
 * Which Secret watches the instances need, per (target, namespace), with a reference count per
 * watch: replacing one namespace's watches costs that namespace's, and the set of watches only
 * changes when a watch gains its first or loses its last namespace. The number of watches is the
 * number of distinct Secret names (per cluster), whatever the number of instances.
 */
export class SecretWatchIndex {
  private readonly byNamespace = new Map<string, Map<string, ClusterWatch>>();
  private readonly counts = new Map<
    string,
    { watch: ClusterWatch; count: number }
  >();

  /**
   * Replaces the watches one namespace of one target needs (none: the namespace holds no
   * instance). True when that opened or released a watch.
   */
  set(
    target: string,
    namespace: string,
    watches: readonly ClusterWatch[],
  ): boolean {
    const slot = `${target}\u0000${namespace}`;
    const before =
      this.byNamespace.get(slot) ?? new Map<string, ClusterWatch>();
    const after = new Map(watches.map(w => [watchKey(w.cluster, w.spec), w]));
    let changed = false;
    for (const key of before.keys()) {
      if (after.has(key)) continue;
      const entry = this.counts.get(key)!;
      entry.count -= 1;
      if (entry.count === 0) {
        this.counts.delete(key);
        changed = true;
      }
    }
    for (const [key, watch] of after) {
      if (before.has(key)) continue;
      const entry = this.counts.get(key);
      if (entry) entry.count += 1;
      else {
        this.counts.set(key, { watch, count: 1 });
        changed = true;
      }
    }
    if (after.size) this.byNamespace.set(slot, after);
    else this.byNamespace.delete(slot);
    return changed;
  }

  /** The namespaces of a target that currently need a watch. */
  namespacesOf(target: string): string[] {
    const prefix = `${target}\u0000`;
    return [...this.byNamespace.keys()]
      .filter(k => k.startsWith(prefix))
      .map(k => k.slice(prefix.length));
  }

  /** Every watch needed, by {@link watchKey}. */
  watches(): Map<string, ClusterWatch> {
    return new Map([...this.counts].map(([key, { watch }]) => [key, watch]));
  }
}
