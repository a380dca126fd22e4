import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { jittered } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  ResourceExpiredError,
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';
import { watchRetryDelayMs } from './backoff';
import { NamespacedStore } from './NamespacedStore';

/**
 * What an informer knows right now. `items` stay available (and `error` is set) while the cluster
 * cannot be reached, so callers can show stale data next to the error.
 */
export interface InformerState<T> {
  /**
   * Every object, as one array shared by all callers until the next change: do not mutate. Prefer
   * {@link ResourceInformer.itemsIn} and {@link ResourceInformer.get}, which cost one namespace.
   */
  items: T[];
  /** A full list has completed at least once. */
  synced: boolean;
  /** When the data was last confirmed current (list completed or event received), ISO 8601. */
  observedAt?: string;
  error?: ClusterError;
}

/**
 * Options of {@link ResourceInformer}.
 */
interface ResourceInformerOptions<T> {
  transport: ResourceTransport;
  /**
   * Projects a raw object to what is kept in memory; returns undefined to drop it. Runs on every
   * object as it arrives, so for Secrets it is where values are thrown away. A throw counts as a
   * malformed object: it is logged and skipped.
   */
  transform: (raw: unknown) => T | undefined;
  logger: LoggerService;
  /**
   * Called after every change: objects added, changed or deleted (in `change.namespaces`), or
   * `synced`/`error` changed (`change.health`). Not called for bookmarks, for events or re-lists
   * that find every object at the resourceVersion already stored, or for a mere refresh of
   * `observedAt`.
   */
  onChange?: (change: InformerChange) => void;
  /** Delay before retrying after the n-th consecutive failure (default: {@link watchRetryDelayMs}). */
  backoffMs?: (failures: number) => number;
  /**
   * Interval of the periodic full re-list (±10 % jitter), which replaces the store at once so that
   * a missed event cannot stay wrong for longer than this. Unset or 0: no periodic re-list.
   */
  resyncMs?: number;
  /** A watch open at least this long resets the failure count of the backoff (default 10 s). */
  healthyAfterMs?: number;
  now?: () => Date;
}

/**
 * What one change of an informer touched.
 */
export interface InformerChange {
  /** Namespaces in which an object was added, changed or deleted (`''`: cluster-scoped). */
  namespaces: ReadonlySet<string>;
  /** `synced` or `error` changed. */
  health: boolean;
}

const DEFAULT_HEALTHY_AFTER_MS = 10_000;
const NONE: ReadonlySet<string> = new Set();

/**
 * A list+watch cache of one resource on one cluster: lists once, then watches from the list's
 * resourceVersion, resumes from the last seen resourceVersion after a disconnect, lists again after
 * `410 Gone` and every `resyncMs`, and backs off (with jitter) on errors without ever throwing to
 * its caller. The error clears as soon as the cluster answers again (a watch re-established counts);
 * stopping is not an error and logs nothing.
 *
 * The store is indexed by namespace, and versioned: {@link ResourceInformer.namespaceVersion}
 * increases only when an object of that namespace is added, changed (another resourceVersion) or
 * deleted, so a cache of answers derived from one namespace stays valid across bookmarks, re-lists
 * that find nothing new, and changes elsewhere. A list is read in pages when the transport can
 * (see {@link ResourceTransport.list}); a list that fails keeps the previous store and sets the
 * error.
 */
export class ResourceInformer<T> {
  private readonly options: ResourceInformerOptions<T>;
  private store = new NamespacedStore<T>();
  private readonly versions = new Map<string, number>();
  private globalVersion = 0;
  private lastHealthVersion = 0;
  private resourceVersion: string | undefined;
  private synced = false;
  private observedAt: string | undefined;
  private error: ClusterError | undefined;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private nextResyncAt = Infinity;

  constructor(options: ResourceInformerOptions<T>) {
    this.options = options;
  }

  /** Starts the list+watch loop in the background (idempotent). */
  start(): void {
    if (this.running) return;
    this.controller = new AbortController();
    this.running = this.loop(this.controller.signal);
  }

  /** Stops the loop and closes the watch. Logs nothing: a stop is not a failure. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }

  /**
   * What the informer knows now. Cheap: `items` is the store's shared array (rebuilt only after a
   * change), not a copy.
   */
  state(): InformerState<T> {
    return {
      items: this.store.all() as T[],
      synced: this.synced,
      observedAt: this.observedAt,
      error: this.error,
    };
  }

  /** The objects of one namespace (`''` for cluster-scoped ones); a shared array, do not mutate. */
  itemsIn(namespace: string): readonly T[] {
    return this.store.itemsIn(namespace);
  }

  /** One object, or undefined. */
  get(namespace: string, name: string): T | undefined {
    return this.store.get(namespace, name);
  }

  /** The namespaces that hold at least one object. */
  namespaces(): IterableIterator<string> {
    return this.store.namespaces();
  }

  /** Number of objects stored. */
  get size(): number {
    return this.store.size;
  }

  /** Increases on every change (see {@link ResourceInformerOptions.onChange}), never otherwise. */
  get version(): number {
    return this.globalVersion;
  }

  /**
   * The {@link ResourceInformer.version} at which `synced` or `error` last changed (0: never). With
   * {@link ResourceInformer.namespaceVersion}, the key of an answer derived from one namespace.
   */
  get healthVersion(): number {
    return this.lastHealthVersion;
  }

  /**
   * The {@link ResourceInformer.version} at which an object of `namespace` last changed (0: never).
   * Equal values mean the namespace's objects are the same.
   */
  namespaceVersion(namespace: string): number {
    return this.versions.get(namespace) ?? 0;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoffMs ?? watchRetryDelayMs;
    const healthyAfterMs =
      this.options.healthyAfterMs ?? DEFAULT_HEALTHY_AFTER_MS;
    let failures = 0;
    while (!signal.aborted) {
      // one attempt: aborted by stop() or when the periodic re-list is due
      const attempt = new AbortController();
      const abortAttempt = () => attempt.abort();
      signal.addEventListener('abort', abortAttempt, { once: true });
      let resyncTimer: ReturnType<typeof setTimeout> | undefined;
      let establishedAt: number | undefined;
      try {
        if (this.resourceVersion === undefined || this.resyncDue()) {
          await this.relist(attempt.signal);
        }
        resyncTimer = this.scheduleResync(attempt);
        await this.options.transport.watch(
          this.resourceVersion!,
          event => this.apply(event),
          attempt.signal,
          () => {
            establishedAt = Date.now();
            if (this.markCurrent()) this.changed(NONE, true);
          },
        );
        failures = 0;
      } catch (e) {
        if (signal.aborted) return;
        if (establishedAt && Date.now() - establishedAt >= healthyAfterMs) {
          failures = 0;
        }
        if (attempt.signal.aborted) continue; // the periodic re-list is due
        if (e instanceof ResourceExpiredError) {
          this.options.logger.info(
            `watch expired, listing again resource=${this.options.transport.description}`,
          );
          this.resourceVersion = undefined;
          continue;
        }
        failures += 1;
        this.setError(toClusterError(e));
        await sleep(backoff(failures), signal);
      } finally {
        clearTimeout(resyncTimer);
        signal.removeEventListener('abort', abortAttempt);
      }
    }
  }

  private resyncDue(): boolean {
    return Date.now() >= this.nextResyncAt;
  }

  /** Aborts the watch of this attempt when the next periodic re-list is due. */
  private scheduleResync(
    attempt: AbortController,
  ): ReturnType<typeof setTimeout> | undefined {
    if (!Number.isFinite(this.nextResyncAt)) return undefined;
    const timer = setTimeout(
      () => attempt.abort(),
      Math.max(0, this.nextResyncAt - Date.now()),
    );
    timer.unref?.();
    return timer;
  }

  private async relist(signal: AbortSignal): Promise<void> {
    // built aside and swapped in at once: readers never see a half-filled store, and a list that
    // fails half-way leaves the previous one in place
    let next = new NamespacedStore<T>();
    const { items, resourceVersion } = await this.options.transport.list(
      signal,
      {
        page: raw => {
          for (const object of raw) this.put(object, next);
        },
        restart: () => {
          next = new NamespacedStore<T>();
        },
      },
    );
    for (const raw of items) {
      this.put(raw, next);
    }
    const changed = this.store.changedNamespaces(next);
    // nothing new: keep the old store and the arrays already built from it
    if (changed.size > 0) this.store = next;
    this.resourceVersion = resourceVersion;
    const wasSynced = this.synced;
    this.synced = true;
    const { resyncMs } = this.options;
    this.nextResyncAt = resyncMs ? Date.now() + jittered(resyncMs) : Infinity;
    const errorCleared = this.markCurrent();
    this.changed(changed, !wasSynced || errorCleared);
  }

  private apply(event: WatchEvent): void {
    const rv = event.object?.metadata?.resourceVersion;
    let namespace: string | undefined;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        namespace = this.put(event.object);
        break;
      case 'DELETED': {
        const id = identityOf(event.object);
        if (id && this.store.delete(id.namespace, id.name)) {
          namespace = id.namespace;
        }
        break;
      }
      case 'BOOKMARK':
        break;
      case 'ERROR':
        if (event.object?.code === 410)
          throw new ResourceExpiredError('410 Gone');
        throw new TransportError({
          type: 'unknown',
          message: String(event.object?.message ?? 'watch error'),
          statusCode: event.object?.code,
        });
      default:
        return;
    }
    if (typeof rv === 'string') this.resourceVersion = rv;
    const errorCleared = this.markCurrent();
    this.changed(
      namespace === undefined ? NONE : new Set([namespace]),
      errorCleared,
    );
  }

  /** Stores (or, when the transform drops it, removes) an object; the namespace if that changed it. */
  private put(raw: unknown, store = this.store): string | undefined {
    const id = identityOf(raw);
    if (!id) {
      this.warnMalformed();
      return undefined;
    }
    let value: T | undefined;
    try {
      value = this.options.transform(raw);
    } catch {
      this.warnMalformed();
      return store.delete(id.namespace, id.name) ? id.namespace : undefined;
    }
    const changed =
      value === undefined
        ? store.delete(id.namespace, id.name)
        : store.set(id.namespace, id.name, value, id.resourceVersion);
    return changed ? id.namespace : undefined;
  }

  private changed(namespaces: ReadonlySet<string>, health: boolean): void {
    if (namespaces.size === 0 && !health) return;
    this.globalVersion += 1;
    if (health) this.lastHealthVersion = this.globalVersion;
    for (const namespace of namespaces) {
      this.versions.set(namespace, this.globalVersion);
    }
    this.options.onChange?.({ namespaces, health });
  }

  private warnMalformed(): void {
    this.options.logger.warn(
      `ignoring malformed object resource=${this.options.transport.description}`,
    );
  }

  /** Records that the data is current; true when that cleared an error. */
  private markCurrent(): boolean {
    const hadError = this.error !== undefined;
    this.error = undefined;
    this.observedAt = (this.options.now?.() ?? new Date()).toISOString();
    return hadError;
  }

  /**
   * Logs once per outage (and again when the error changes), not on every retry; a change event
   * only when the error is new or different.
   */
  private setError(error: ClusterError): void {
    const same =
      this.error?.type === error.type && this.error?.message === error.message;
    this.error = error;
    if (!same) {
      this.options.logger.warn(
        `cannot read resource=${this.options.transport.description} error=${error.type}: ${error.message}`,
      );
      this.changed(NONE, true);
    }
  }
}

function identityOf(
  raw: any,
): { namespace: string; name: string; resourceVersion?: string } | undefined {
  const name = raw?.metadata?.name;
  if (typeof name !== 'string' || name.length === 0) return undefined;
  const ns = raw?.metadata?.namespace;
  const rv = raw?.metadata?.resourceVersion;
  return {
    namespace: typeof ns === 'string' ? ns : '',
    name,
    ...(typeof rv === 'string' ? { resourceVersion: rv } : {}),
  };
}

function toClusterError(e: unknown): ClusterError {
  if (e instanceof TransportError) return e.clusterError;
  return {
    type: 'unknown',
    message: e instanceof Error ? e.message : String(e),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
