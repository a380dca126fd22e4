import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ResourceInformer,
  type InformerChange,
  type InformerState,
} from './ResourceInformer';
import { transformFor } from './transforms';
import type { ResourceTransport } from './transport';
import { watchKey, type WatchSpec } from './watchSpecs';

/**
 * Creates the transport of one watch on one cluster.
 */
type TransportFactory = (cluster: string, spec: WatchSpec) => ResourceTransport;

/**
 * One change of one informer of an {@link InformerPool}.
 */
export interface PoolChange extends InformerChange {
  cluster: string;
  spec: WatchSpec;
  /** {@link watchKey} of the watch. */
  key: string;
}

/**
 * Options of {@link InformerPool}.
 */
interface InformerPoolOptions {
  transportFactory: TransportFactory;
  logger: LoggerService;
  /** Retry delays of every informer (default: jittered, 250 ms doubling to 4 s). */
  backoffMs?: (failures: number) => number;
  /** Periodic full re-list of every informer (`cache.resyncSeconds`), jittered ±10 %. */
  resyncMs?: number;
  /** A watch open at least this long resets an informer's backoff (default 10 s). */
  healthyAfterMs?: number;
}

/**
 * The informers of the status cache, one per distinct (cluster, watch), shared by every target that
 * uses the cluster. Informers are started on first use and run until {@link InformerPool.stop};
 * after a stop the pool opens no watch again (a late caller reads an empty, unsynced state).
 */
export class InformerPool {
  private readonly informers = new Map<string, ResourceInformer<any>>();
  private version = 0;
  private readonly listeners = new Set<(change: PoolChange) => void>();
  private stopped = false;

  constructor(private readonly options: InformerPoolOptions) {}

  /** Starts the watch if needed; returns what it knows now. */
  state<T = any>(cluster: string, spec: WatchSpec): InformerState<T> {
    return this.ensure(cluster, spec).state();
  }

  /**
   * What a watch knows, without starting it: an unknown watch reads as not listed yet. For watches
   * that follow requests (named Secrets), so that no request can make the backend open a watch.
   */
  peek<T = any>(cluster: string, spec: WatchSpec): InformerState<T> {
    return (
      this.informers.get(watchKey(cluster, spec))?.state() ?? {
        items: [],
        synced: false,
      }
    );
  }

  /**
   * The informer of a watch if it is open, without starting it; for the indexed reads
   * (`itemsIn`, `get`, `namespaceVersion`) of watches that follow requests.
   */
  find<T = any>(
    cluster: string,
    spec: WatchSpec,
  ): ResourceInformer<T> | undefined {
    return this.informers.get(watchKey(cluster, spec));
  }

  /** Starts the watch if needed. */
  ensure<T = any>(cluster: string, spec: WatchSpec): ResourceInformer<T> {
    const key = watchKey(cluster, spec);
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new ResourceInformer({
        transport: this.options.transportFactory(cluster, spec),
        transform: transformFor(spec.resource, this.options.logger),
        logger: this.options.logger,
        backoffMs: this.options.backoffMs,
        resyncMs: this.options.resyncMs,
        healthyAfterMs: this.options.healthyAfterMs,
        onChange: change => this.changed({ ...change, cluster, spec, key }),
      });
      if (this.stopped) return informer; // never started, never kept
      this.informers.set(key, informer);
      informer.start();
    }
    return informer;
  }

  /** Stops informers whose key is not in `keep` (e.g. Secrets no longer referenced). */
  async retain(
    keep: Set<string>,
    predicate: (key: string) => boolean,
  ): Promise<void> {
    const stopping: Promise<void>[] = [];
    for (const [key, informer] of this.informers) {
      if (predicate(key) && !keep.has(key)) {
        this.informers.delete(key);
        stopping.push(informer.stop());
      }
    }
    await Promise.all(stopping);
  }

  /**
   * Increases on every change of any informer (objects added, changed or deleted; synced or error
   * changed), never on bookmarks or re-lists that find nothing new; lets callers memoize derived
   * answers. For per-namespace memos use {@link ResourceInformer.namespaceVersion}.
   */
  currentVersion(): number {
    return this.version;
  }

  /**
   * Registers a listener called after every change, with what changed (debounce in the listener
   * if needed).
   */
  onChange(listener: (change: PoolChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Number of open informers (for metrics and tests). */
  size(): number {
    return this.informers.size;
  }

  /** Stops every informer; the pool stays stopped (see the class comment). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.informers.values()].map(i => i.stop()));
    this.informers.clear();
  }

  private changed(change: PoolChange): void {
    this.version += 1;
    for (const listener of this.listeners) listener(change);
  }
}
