import type { LoggerService } from '@backstage/backend-plugin-api';
import { ResourceInformer, type InformerState } from './ResourceInformer';
import { transformFor } from './transforms';
import type { ResourceTransport } from './transport';
import { watchKey, type WatchSpec } from './watchSpecs';

/**
 * Creates the transport of one watch on one cluster.
 */
export type TransportFactory = (
  cluster: string,
  spec: WatchSpec,
) => ResourceTransport;

/**
 * Options of {@link InformerPool}.
 */
export interface InformerPoolOptions {
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
  private readonly listeners = new Set<() => void>();
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

  /** Starts the watch if needed. */
  ensure(cluster: string, spec: WatchSpec): ResourceInformer<any> {
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
        onChange: () => this.changed(),
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

  /** Increases on every change of any informer; lets callers memoize derived answers. */
  currentVersion(): number {
    return this.version;
  }

  /** Registers a listener called after every change (debounce in the listener if needed). */
  onChange(listener: () => void): () => void {
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

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
