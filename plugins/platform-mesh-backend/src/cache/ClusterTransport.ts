import { createInterface } from 'node:readline';
import {
  ClusterRequestError,
  resourcePath,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  ResourceExpiredError,
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from './transport';
import type { WatchSpec } from './watchSpecs';

/**
 * A {@link ResourceTransport} over the shared `-node` cluster client: the resource path comes from
 * discovery (plural, scope, preferred version), watches ask for bookmarks and end server-side after
 * a few minutes, and a stream silent for longer than that is closed client-side, so a hung cluster
 * is noticed.
 */
export class ClusterTransport implements ResourceTransport {
  readonly description: string;

  constructor(
    private readonly client: () => Promise<ClusterClient>,
    cluster: string,
    private readonly spec: WatchSpec,
    private readonly watchTimeoutSeconds = 240 +
      Math.floor(Math.random() * 120),
  ) {
    this.description = `${cluster} ${spec.resource}${
      spec.namespace ? ` in ${spec.namespace}` : ''
    }`;
  }

  async list(signal: AbortSignal) {
    return this.guard(async () => {
      const client = await this.client();
      const resolved = await client.discovery.resolve(this.spec, { signal });
      const apiVersion = resolved.group
        ? `${resolved.group}/${resolved.version}`
        : resolved.version;
      const list = await client.list(this.spec, {
        namespace: this.spec.namespace,
        labelSelector: this.spec.labelSelector,
        fieldSelector: this.spec.fieldSelector,
        signal,
      });
      return {
        // list items of built-in kinds come without apiVersion/kind
        items: list.items.map(item => ({
          ...item,
          apiVersion,
          kind: this.spec.kind,
        })),
        resourceVersion: list.metadata.resourceVersion ?? '0',
      };
    });
  }

  async watch(
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const client = await this.guard(() => this.client());
    const resolved = await this.guard(() =>
      client.discovery.resolve(this.spec, { signal }),
    );
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    try {
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
      await this.consume(response.body, onEvent, controller);
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
      const idleMs = (this.watchTimeoutSeconds + 30) * 1000;
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
            message: `watch received nothing for ${idleMs / 1000}s`,
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
