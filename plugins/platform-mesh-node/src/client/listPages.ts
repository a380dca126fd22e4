import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  ClusterRequestError,
  isClusterRequestError,
} from './ClusterRequestError';
import type { ClusterClient, ListOptions, ResourceTypeRef } from './types';

/** Objects per page of {@link listPages} unless told otherwise (client-go's reflector uses 500). @public */
export const DEFAULT_PAGE_LIMIT = 500;
/** How often {@link listPages} starts over after its continue token expired (`410 Gone`). @public */
export const DEFAULT_MAX_LIST_RESTARTS = 3;

/**
 * Options of {@link listPages}.
 *
 * @public
 */
export interface ListPagesOptions<T> {
  /** Omit for all namespaces (or for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Objects per page (default {@link DEFAULT_PAGE_LIMIT}). */
  limit?: number;
  /** Upper bound of one page's body in bytes (default: the client's per-response cap). */
  maxBytesPerPage?: number;
  /** Restarts after an expired continue token before giving up (default {@link DEFAULT_MAX_LIST_RESTARTS}). */
  maxRestarts?: number;
  /** Receives the objects of each page in order; the page's raw body is not kept. */
  onPage: (items: T[]) => void;
  /**
   * Called when the list starts over from the first page (its continue token expired): the pages
   * received so far belong to an older snapshot and must be dropped.
   */
  onRestart?: () => void;
  signal?: AbortSignal;
}

/**
 * What a completed {@link listPages} read.
 *
 * @public
 */
export interface ListPagesResult {
  /** The resourceVersion of the snapshot all pages came from: watch from here. */
  resourceVersion?: string;
  /** Requests sent (pages, including retried and restarted ones). */
  requests: number;
  /** Objects delivered in the final, complete listing. */
  items: number;
  /** Times the list started over after an expired continue token. */
  restarts: number;
}

/**
 * Lists a whole collection page by page (`limit` + `continue`), as client-go's pager does, so that
 * no single response has to hold the collection and the per-response byte cap applies to one page
 * only: a big cluster is read in full, never turned into an error. The pages are one consistent
 * snapshot (the first page is a quorum read: `resourceVersion` unset, because with
 * `resourceVersion=0` the API server answers from its watch cache and ignores `limit`, measured on
 * kube-apiserver 1.37). A continue token that expired (`410 Gone`) starts the list over, up to
 * `maxRestarts` times; a page larger than the byte cap is asked for again with half the limit.
 * Every request has the client's timeout; failures are thrown as {@link ClusterRequestError}.
 *
 * @public
 */
export async function listPages<T extends KubernetesObject = KubernetesObject>(
  client: ClusterClient,
  type: ResourceTypeRef,
  options: ListPagesOptions<T>,
): Promise<ListPagesResult> {
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_LIST_RESTARTS;
  let limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_LIMIT));
  let requests = 0;
  let restarts = 0;
  let items = 0;
  let token: string | undefined;
  let resourceVersion: string | undefined;
  for (;;) {
    const query: ListOptions = {
      namespace: options.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit,
      continue: token,
      maxBytes: options.maxBytesPerPage,
      signal: options.signal,
    };
    requests += 1;
    let page;
    try {
      page = await client.list<T>(type, query);
    } catch (error) {
      if (!isClusterRequestError(error)) throw error;
      if (error.responseTooLarge && limit > 1) {
        limit = Math.max(1, Math.floor(limit / 2));
        continue; // the same continue token, a smaller page
      }
      if (token !== undefined && error.clusterError.statusCode === 410) {
        if (restarts >= maxRestarts) {
          throw new ClusterRequestError({
            cluster: error.cluster,
            clusterError: {
              type: 'unknown',
              message: `the list could not complete: its continue token expired ${
                restarts + 1
              } times`,
              ...(error.clusterError.resource
                ? { resource: error.clusterError.resource }
                : {}),
            },
          });
        }
        restarts += 1;
        token = undefined;
        items = 0;
        options.onRestart?.();
        continue;
      }
      throw error;
    }
    // every page carries the first page's snapshot; a restart takes a new one
    if (token === undefined) resourceVersion = page.metadata?.resourceVersion;
    const received = page.items ?? [];
    items += received.length;
    options.onPage(received);
    const next = page.metadata?.continue;
    if (!next) return { resourceVersion, requests, items, restarts };
    if (next === token) {
      throw new ClusterRequestError({
        cluster: client.clusterName,
        clusterError: {
          type: 'unknown',
          message:
            'the list did not advance: the API server sent the same continue token twice',
        },
      });
    }
    token = next;
  }
}
