import { createInterface } from 'node:readline';
import {
  ClusterRequestError,
  DEFAULT_PAGE_LIMIT,
  listPages,
  resourcePath,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  ResourceExpiredError,
  TransportError,
  type ListSink,
  type ResourceTransport,
  type WatchEvent,
} from './transport';
import type { WatchSpec } from './watchSpecs';

/**
 * How often kube-apiserver sends a BOOKMARK on a watch that asked for them (measured on the dev
 * API servers: every 60 s, plus one about 2 s before the watch's `timeoutSeconds` ends).
 */
const BOOKMARK_INTERVAL_MS = 60_000;

/** A watch that received nothing for two bookmark intervals (and some slack) is dead. */
export const DEFAULT_SILENCE_LIMIT_MS = 2 * BOOKMARK_INTERVAL_MS + 10_000;

/**
 * Options of {@link ClusterTransport}.
 */
export interface ClusterTransportOptions {
  /** `timeoutSeconds` of each watch: the server ends it then (default: 240–360 s at random). */
  watchTimeoutSeconds?: number;
  /**
   * A watch that received nothing, not even a bookmark, for this long is reported as `timeout`
   * and closed, so that the informer reconnects (default: {@link DEFAULT_SILENCE_LIMIT_MS}, or the
   * watch's timeout plus 30 s when that is shorter).
   */
  silenceLimitMs?: number;
  /**
   * Objects per page of a list (default {@link @platform-mesh-backstage/plugin-platform-mesh-node#DEFAULT_PAGE_LIMIT},
   * 500 as client-go's reflector): the client's per-response byte cap then applies to one page.
   */
  pageLimit?: number;
  /** Byte cap of one list page (default: the client's per-response cap, 64 MiB). */
  maxBytesPerPage?: number;
}

/**
 * A {@link ResourceTransport} over the shared `-node` cluster client: the resource path comes from
 * discovery (plural, scope, preferred version), watches ask for bookmarks and end server-side after
 * a few minutes, and a stream silent for about two bookmark intervals is closed client-side as a
 * `timeout`, so a stalled cluster is noticed within minutes at most.
 */
export class ClusterTransport implements ResourceTransport {
  readonly description: string;
  private readonly watchTimeoutSeconds: number;
  private readonly silenceLimitMs: number;
  private readonly pageLimit: number;
  private readonly maxBytesPerPage: number | undefined;

  constructor(
    private readonly client: () => Promise<ClusterClient>,
    cluster: string,
    private readonly spec: WatchSpec,
    options: ClusterTransportOptions = {},
  ) {
    this.description = `${cluster} ${spec.resource}${
      spec.namespace ? ` in ${spec.namespace}` : ''
    }`;
    this.watchTimeoutSeconds =
      options.watchTimeoutSeconds ?? 240 + Math.floor(Math.random() * 120);
    this.silenceLimitMs =
      options.silenceLimitMs ??
      Math.min(
        DEFAULT_SILENCE_LIMIT_MS,
        (this.watchTimeoutSeconds + 30) * 1000,
      );
    this.pageLimit = options.pageLimit ?? DEFAULT_PAGE_LIMIT;
    this.maxBytesPerPage = options.maxBytesPerPage;
  }

  /**
   * Lists in pages of `pageLimit` (`limit` + `continue`, a quorum read: see `listPages` for why
   * not `resourceVersion=0`). With a `sink` each page is handed over as it arrives and `items` is
   * empty; without one, the pages are collected.
   */
  async list(signal: AbortSignal, sink?: ListSink) {
    return this.guard(async () => {
      const client = await this.client();
      const resolved = await client.discovery.resolve(this.spec, { signal });
      const apiVersion = resolved.group
        ? `${resolved.group}/${resolved.version}`
        : resolved.version;
      const collected: unknown[] = [];
      const result = await listPages(client, this.spec, {
        namespace: this.spec.namespace,
        labelSelector: this.spec.labelSelector,
        fieldSelector: this.spec.fieldSelector,
        limit: this.pageLimit,
        maxBytesPerPage: this.maxBytesPerPage,
        signal,
        onPage: page => {
          // list items of built-in kinds come without apiVersion/kind
          const items = page.map(item => ({
            ...item,
            apiVersion,
            kind: this.spec.kind,
          }));
          if (sink) sink.page(items);
          else collected.push(...items);
        },
        onRestart: () => {
          if (sink) sink.restart();
          else collected.length = 0;
        },
      });
      return {
        items: collected,
        resourceVersion: result.resourceVersion ?? '0',
      };
    });
  }

  async watch(
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
    signal: AbortSignal,
    onEstablished?: () => void,
  ): Promise<void> {
    // linked before the first await: an abort during discovery must end this watch too
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) controller.abort();
    try {
      const client = await this.guard(() => this.client());
      const resolved = await this.guard(() =>
        client.discovery.resolve(this.spec, { signal: controller.signal }),
      );
      if (controller.signal.aborted) return;
      const response = await this.guard(() =>
        client.requestStream({
          path: resourcePath(resolved, { namespace: this.spec.namespace }),
          query: {
            watch: true,
            resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: this.watchTimeoutSeconds,
            labelSelector: this.spec.labelSelector,
            fieldSelector: this.spec.fieldSelector,
          },
          signal: controller.signal,
          resource: this.spec.resource,
        }),
      );
      onEstablished?.();
      await this.consume(response.body, onEvent, controller);
    } catch (error) {
      if (signal.aborted) return; // a stop is not a failure
      throw error;
    } finally {
      signal.removeEventListener('abort', abort);
      controller.abort();
    }
  }

  private consume(
    body: NodeJS.ReadableStream & { destroy(error?: Error): void },
    onEvent: (event: WatchEvent) => void,
    controller: AbortController,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const idleMs = this.silenceLimitMs;
      const lines = createInterface({ input: body });
      let idle = setTimeout(onIdle, idleMs);
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        lines.close();
        body.destroy();
        if (error) reject(error);
        else resolve();
      };
      function onIdle() {
        finish(
          new TransportError({
            type: 'timeout',
            message: `the watch received nothing, not even a bookmark, for ${
              idleMs / 1000
            }s`,
          }),
        );
      }
      lines.on('line', line => {
        clearTimeout(idle);
        idle = setTimeout(onIdle, idleMs);
        if (!line.trim()) return;
        let event: WatchEvent;
        try {
          event = JSON.parse(line);
        } catch {
          return; // a torn line; the informer re-lists if events were lost
        }
        try {
          onEvent(event);
        } catch (error) {
          finish(error as Error);
        }
      });
      // readline re-emits the stream's errors: both must be handled, or a cut connection
      // becomes an uncaught exception
      const onError = () =>
        finish(
          controller.signal.aborted
            ? undefined
            : new TransportError({
                type: 'unreachable',
                message:
                  'the connection to the API server was lost during the watch',
              }),
        );
      lines.on('error', onError);
      body.on('error', onError);
      lines.on('close', () => finish());
    });
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ClusterRequestError) {
        if (error.clusterError.statusCode === 410)
          throw new ResourceExpiredError(error.message);
        throw new TransportError({
          ...error.clusterError,
          resource: this.spec.resource,
        });
      }
      throw error;
    }
  }
}
