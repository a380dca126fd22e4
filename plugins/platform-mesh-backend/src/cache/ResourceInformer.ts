import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  ResourceExpiredError,
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';
import { jittered, jitteredBackoffMs } from './backoff';

/**
 * What an informer knows right now. `items` stay available (and `error` is set) while the cluster
 * cannot be reached, so callers can show stale data next to the error.
 */
export interface InformerState<T> {
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
export interface ResourceInformerOptions<T> {
  transport: ResourceTransport;
  /**
   * Projects a raw object to what is kept in memory; returns undefined to drop it. Runs on every
   * object as it arrives, so for Secrets it is where values are thrown away. A throw counts as a
   * malformed object: it is logged and skipped.
   */
  transform: (raw: unknown) => T | undefined;
  logger: LoggerService;
  /** Called after every change of items or state. */
  onChange?: () => void;
  /** Delay before retrying after the n-th consecutive failure (default: {@link jitteredBackoffMs}). */
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

const DEFAULT_HEALTHY_AFTER_MS = 10_000;

/**
 * A list+watch cache of one resource on one cluster: lists once, then watches from the list's
 * resourceVersion, resumes from the last seen resourceVersion after a disconnect, lists again after
 * `410 Gone` and every `resyncMs`, and backs off (with jitter) on errors without ever throwing to
 * its caller. The error clears as soon as the cluster answers again (a watch re-established counts);
 * stopping is not an error and logs nothing.
 */
export class ResourceInformer<T> {
  private readonly options: ResourceInformerOptions<T>;
  private store = new Map<string, T>();
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

  /** What the informer knows now (a copy). */
  state(): InformerState<T> {
    return {
      items: [...this.store.values()],
      synced: this.synced,
      observedAt: this.observedAt,
      error: this.error,
    };
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoffMs ?? jitteredBackoffMs;
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
            this.markCurrent();
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
    const { items, resourceVersion } = await this.options.transport.list(
      signal,
    );
    // built aside and swapped in at once: readers never see a half-filled store
    const store = new Map<string, T>();
    for (const raw of items) {
      this.put(raw, store);
    }
    this.store = store;
    this.resourceVersion = resourceVersion;
    this.synced = true;
    const { resyncMs } = this.options;
    this.nextResyncAt = resyncMs ? Date.now() + jittered(resyncMs) : Infinity;
    this.markCurrent();
  }

  private apply(event: WatchEvent): void {
    const rv = event.object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.put(event.object);
        break;
      case 'DELETED': {
        const key = keyOf(event.object);
        if (key) this.store.delete(key);
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
    this.markCurrent();
  }

  private put(raw: unknown, store = this.store): void {
    const key = keyOf(raw);
    if (!key) {
      this.warnMalformed();
      return;
    }
    let value: T | undefined;
    try {
      value = this.options.transform(raw);
    } catch {
      this.warnMalformed();
      store.delete(key);
      return;
    }
    if (value === undefined) {
      store.delete(key);
    } else {
      store.set(key, value);
    }
  }

  private warnMalformed(): void {
    this.options.logger.warn(
      `ignoring malformed object resource=${this.options.transport.description}`,
    );
  }

  private markCurrent(): void {
    this.error = undefined;
    this.observedAt = (this.options.now?.() ?? new Date()).toISOString();
    this.options.onChange?.();
  }

  /** Logs once per outage (and again when the error changes), not on every retry. */
  private setError(error: ClusterError): void {
    const same =
      this.error?.type === error.type && this.error?.message === error.message;
    this.error = error;
    if (!same) {
      this.options.logger.warn(
        `cannot read resource=${this.options.transport.description} error=${error.type}: ${error.message}`,
      );
    }
    this.options.onChange?.();
  }
}

function keyOf(raw: any): string | undefined {
  const name = raw?.metadata?.name;
  if (typeof name !== 'string' || name.length === 0) return undefined;
  const ns = raw?.metadata?.namespace;
  return typeof ns === 'string' ? `${ns}/${name}` : name;
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
