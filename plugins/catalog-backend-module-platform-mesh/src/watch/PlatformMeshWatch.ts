import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  PLATFORM_MESH_GVK,
  type KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  isClusterRequestError,
  listPages,
  resourcePath,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { retryDelayMs } from './backoff';

/** How often kube-apiserver sends a BOOKMARK on a watch that asked for them. */
const BOOKMARK_INTERVAL_MS = 60_000;

/** A change seen on the watch. */
export type PlatformMeshChange =
  | { type: 'ADDED' | 'MODIFIED'; object: KubernetesObject }
  | { type: 'DELETED'; object: KubernetesObject };

/**
 * Options of {@link PlatformMeshWatch}.
 */
interface PlatformMeshWatchOptions {
  /** The runtime cluster's client (the clusters service's one client). */
  client: ClusterClient;
  /** Watch one namespace only; omit for all namespaces. */
  namespace?: string;
  /** A complete list (the first one, and each one after the watch could not resume). */
  onList(objects: KubernetesObject[]): Promise<void>;
  /** One change, in the order the API server sent them. */
  onChange(change: PlatformMeshChange): Promise<void>;
  /** A list or watch failed; the watch retries after `retryInMs`. */
  onError(error: Error, retryInMs: number): void;
  /** `timeoutSeconds` of each watch request (default 240–360 s at random). */
  watchTimeoutSeconds?: number;
  /** A watch silent for this long is closed and re-opened (default: two bookmark intervals + 10 s). */
  silenceLimitMs?: number;
  /** Delay before the n-th consecutive retry (default {@link retryDelayMs}). */
  retryDelay?: (failures: number) => number;
}

/** The watch's resourceVersion is too old: list again. */
class ExpiredError extends Error {}

/**
 * List + watch of the PlatformMeshes (`core.platform-mesh.io` only) on one cluster through the
 * `-node` client: a paged list (`listPages`, each request with the client's timeout), then a watch
 * with bookmarks from the list's resourceVersion, resumed from the last seen resourceVersion when
 * the server ends it, and listed again on `410 Gone`. A failed list or watch is retried with a
 * jittered, capped backoff; a watch that stays silent past two bookmark intervals is re-opened.
 */
export class PlatformMeshWatch {
  private controller?: AbortController;
  private running?: Promise<void>;

  constructor(private readonly options: PlatformMeshWatchOptions) {}

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.loop(controller.signal);
  }

  /** Stops the loop and waits until it has ended. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }

  /** Lists every PlatformMesh once (for the scheduled full refresh). */
  async list(signal?: AbortSignal): Promise<{
    objects: KubernetesObject[];
    resourceVersion?: string;
  }> {
    const { client, namespace } = this.options;
    const resolved = await client.discovery.resolve(PLATFORM_MESH_GVK, {
      signal,
    });
    const apiVersion = `${resolved.group}/${resolved.version}`;
    const objects: KubernetesObject[] = [];
    const result = await listPages(client, PLATFORM_MESH_GVK, {
      namespace,
      signal,
      onPage: page =>
        objects.push(
          ...page.map(item => ({ ...item, apiVersion, kind: 'PlatformMesh' })),
        ),
      onRestart: () => {
        objects.length = 0;
      },
    });
    return { objects, resourceVersion: result.resourceVersion };
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const listed = await this.list(signal);
        if (signal.aborted) return;
        await this.options.onList(listed.objects);
        failures = 0;
        let resourceVersion = listed.resourceVersion ?? '0';
        while (!signal.aborted) {
          resourceVersion = await this.watchOnce(resourceVersion, signal);
          failures = 0;
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ExpiredError) continue; // list again at once
        failures += 1;
        const delay = (this.options.retryDelay ?? retryDelayMs)(failures);
        this.options.onError(error as Error, delay);
        await sleep(delay, signal);
      }
    }
  }

  /** One watch request; resolves with the last resourceVersion seen when the server ends it. */
  private async watchOnce(from: string, signal: AbortSignal): Promise<string> {
    const { client, namespace } = this.options;
    const resolved = await client.discovery.resolve(PLATFORM_MESH_GVK, {
      signal,
    });
    const timeoutSeconds =
      this.options.watchTimeoutSeconds ?? 240 + Math.floor(Math.random() * 120);
    let response;
    try {
      response = await client.requestStream({
        path: resourcePath(resolved, { namespace }),
        query: {
          watch: true,
          resourceVersion: from,
          allowWatchBookmarks: true,
          timeoutSeconds,
        },
        signal,
        resource: `${resolved.plural}.${resolved.group}`,
      });
    } catch (error) {
      if (isClusterRequestError(error) && error.clusterError.statusCode === 410)
        throw new ExpiredError(error.message);
      throw error;
    }
    const silenceLimitMs =
      this.options.silenceLimitMs ??
      Math.min(2 * BOOKMARK_INTERVAL_MS + 10_000, (timeoutSeconds + 30) * 1000);
    return this.consume(response.body, from, silenceLimitMs, signal);
  }

  private consume(
    body: Readable,
    from: string,
    silenceLimitMs: number,
    signal: AbortSignal,
  ): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let resourceVersion = from;
      let pending = Promise.resolve();
      let settled = false;
      const lines = createInterface({ input: body });
      let idle: ReturnType<typeof setTimeout> | undefined = undefined;
      function finish(error?: Error) {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        signal.removeEventListener('abort', onAbort);
        lines.close();
        body.destroy();
        // the changes received so far are applied before the watch counts as ended
        pending.then(
          () => (error ? reject(error) : resolve(resourceVersion)),
          reject,
        );
      }
      function onIdle() {
        finish(
          new Error(
            `the watch received nothing, not even a bookmark, for ${
              silenceLimitMs / 1000
            }s`,
          ),
        );
      }
      function onAbort() {
        finish();
      }
      idle = setTimeout(onIdle, silenceLimitMs);
      signal.addEventListener('abort', onAbort, { once: true });
      lines.on('line', line => {
        clearTimeout(idle);
        idle = setTimeout(onIdle, silenceLimitMs);
        if (!line.trim() || settled) return;
        let event: { type?: string; object?: any };
        try {
          event = JSON.parse(line);
        } catch {
          finish(new Error('the watch sent a line that is not JSON'));
          return;
        }
        const object = event.object;
        if (event.type === 'ERROR') {
          const code = object?.code;
          finish(
            code === 410
              ? new ExpiredError('the watch resourceVersion expired')
              : new Error(
                  `the watch ended with an error${code ? ` (${code})` : ''}: ${
                    object?.message ?? 'no message'
                  }`,
                ),
          );
          return;
        }
        const version = object?.metadata?.resourceVersion;
        if (typeof version === 'string' && version) resourceVersion = version;
        if (event.type === 'BOOKMARK') return;
        if (
          event.type === 'ADDED' ||
          event.type === 'MODIFIED' ||
          event.type === 'DELETED'
        ) {
          const change = { type: event.type, object } as PlatformMeshChange;
          pending = pending.then(() => this.options.onChange(change));
          pending.catch(error => finish(error as Error));
        }
      });
      const onError = () =>
        finish(
          signal.aborted
            ? undefined
            : new Error(
                'the connection to the API server was lost during the watch',
              ),
        );
      lines.on('error', onError);
      body.on('error', onError);
      lines.on('close', () => finish());
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
