import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { KubernetesStatus } from './types';

/**
 * A failed request to a cluster, with the typed {@link @platform-mesh-backstage/plugin-platform-mesh-common#ClusterError}
 * to return as data. Its message never contains a credential or the cluster URL.
 *
 * @public
 */
export class ClusterRequestError extends Error {
  /** The configured cluster name. */
  readonly cluster: string;
  /** The typed error, safe to return from APIs. */
  readonly clusterError: ClusterError;
  /** The API server's `Status` body, when it sent one (e.g. conflict causes). */
  readonly status?: KubernetesStatus;
  /** The response was larger than the request's byte cap (a smaller `limit` may succeed). */
  readonly responseTooLarge?: boolean;

  constructor(options: {
    cluster: string;
    clusterError: ClusterError;
    status?: KubernetesStatus;
    responseTooLarge?: boolean;
  }) {
    super(
      `cluster "${options.cluster}": ${options.clusterError.type}: ${options.clusterError.message}`,
    );
    this.name = 'ClusterRequestError';
    this.cluster = options.cluster;
    this.clusterError = options.clusterError;
    this.status = options.status;
    if (options.responseTooLarge) this.responseTooLarge = true;
  }
}

/**
 * Whether a value is a {@link ClusterRequestError} (also across package copies).
 *
 * @public
 */
export function isClusterRequestError(
  error: unknown,
): error is ClusterRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ClusterRequestError' &&
    typeof (error as { clusterError?: unknown }).clusterError === 'object'
  );
}

/**
 * Turns anything thrown by a cluster call into a `ClusterError` (type `unknown` for errors that
 * did not come from the client).
 *
 * @public
 */
export function toClusterError(error: unknown): ClusterError {
  if (isClusterRequestError(error)) {
    return error.clusterError;
  }
  return {
    type: 'unknown',
    message: error instanceof Error ? error.message : String(error),
  };
}
