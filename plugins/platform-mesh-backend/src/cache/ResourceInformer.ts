import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  ResourceExpiredError,
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';

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
  /** Delay before retrying after the n-th consecutive failure (default: 1 s doubling to 30 s). */
  backoffMs?: (failures: number) => number;
  now?: () => Date;
}

const defaultBackoff = (failures: number) =>
  Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));

/**
 * A list+watch cache of one resource on one cluster: lists once, then watches from the list's
 * resourceVersion, resumes from the last seen resourceVersion after a disconnect, lists again after
 * `410 Gone`, and backs off on errors without ever throwing to its caller.
 */
export class ResourceInformer<T> {
  private readonly options: ResourceInformerOptions<T>;
  private readonly store = new Map<string, T>();
  private resourceVersion: string | undefined;
  private synced = false;
  private observedAt: string | undefined;
  private error: ClusterError | undefined;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(options: ResourceInformerOptions<T>) {
    this.options = options;
  }

  /** Starts the list+watch loop in the background (idempotent). */
  start(): void {
    if (this.running) return;
    this.controller = new AbortController();
    this.running = this.loop(this.controller.signal);
  }

  /** Stops the loop and closes the watch. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }

  state(): InformerState<T> {
    return {
      items: [...this.store.values()],
      synced: this.synced,
      observedAt: this.observedAt,
      error: this.error,
    };
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoffMs ?? defaultBackoff;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (this.resourceVersion === undefined) {
          await this.relist(signal);
        }
        await this.options.transport.watch(
          this.resourceVersion!,
          event => this.apply(event),
          signal,
        );
        failures = 0;
      } catch (e) {
        if (signal.aborted) return;
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
      }
    }
  }

  private async relist(signal: AbortSignal): Promise<void> {
    const { items, resourceVersion } = await this.options.transport.list(
      signal,
    );
    this.store.clear();
    for (const raw of items) {
      this.put(raw);
    }
    this.resourceVersion = resourceVersion;
    this.synced = true;
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

  private put(raw: unknown): void {
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
      this.store.delete(key);
      return;
    }
    if (value === undefined) {
      this.store.delete(key);
    } else {
      this.store.set(key, value);
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

  private setError(error: ClusterError): void {
    this.error = error;
    this.options.logger.warn(
      `cannot read resource=${this.options.transport.description} error=${error.type}: ${error.message}`,
    );
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
