import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * One event of a Kubernetes watch stream.
 */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/**
 * Thrown by a transport when the API server answers `410 Gone` (the resourceVersion is too old):
 * the informer must list again.
 */
export class ResourceExpiredError extends Error {
  readonly name = 'ResourceExpiredError';
}

/**
 * Thrown by a transport for every other failure, already mapped to the shared per-cluster error type.
 */
export class TransportError extends Error {
  readonly name = 'TransportError';
  constructor(readonly clusterError: ClusterError) {
    super(clusterError.message);
  }
}

/**
 * Receives a list page by page, so that no more than one page of raw objects is held at a time.
 */
export interface ListSink {
  /** The objects of the next page. */
  page(items: unknown[]): void;
  /** The list starts over (its continue token expired): drop the pages received so far. */
  restart(): void;
}

/**
 * List and watch one kind of resource on one cluster. Implementations apply credentials, TLS and
 * timeouts; they reject with {@link ResourceExpiredError} on `410 Gone` and with
 * {@link TransportError} for everything else.
 */
export interface ResourceTransport {
  /** A human-readable description, e.g. `pm-infra helmreleases.helm.toolkit.fluxcd.io`. */
  readonly description: string;
  /**
   * Lists every object. A paging transport hands the objects to `sink` page by page and returns
   * `items: []`; a transport without paging returns them all in `items`. Either way the promise
   * resolves only once the list is complete.
   */
  list(
    signal: AbortSignal,
    sink?: ListSink,
  ): Promise<{ items: unknown[]; resourceVersion: string }>;
  /**
   * Streams events from `resourceVersion`; resolves when the server ends the stream or `signal`
   * aborts. `onEstablished` is called once the server has accepted the watch (its `200` response
   * headers arrived): from then on the cluster is known to answer.
   */
  watch(
    resourceVersion: string,
    onEvent: (event: WatchEvent) => void,
    signal: AbortSignal,
    onEstablished?: () => void,
  ): Promise<void>;
}
