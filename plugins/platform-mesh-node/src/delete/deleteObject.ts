import type { DecommissionObjectRef } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { isClusterRequestError } from '../client/ClusterRequestError';
import { resourceName, resourcePath } from '../client/resourcePath';
import type { ClusterClient } from '../client/types';

/**
 * Deletes one object (`propagationPolicy: Background`), or with `dryRun` asks the API server
 * whether it would (`dryRun=All`: authorization and admission run, nothing is persisted).
 * `not-found` when the object is already gone (a decommission is idempotent); other failures are
 * thrown as `ClusterRequestError`. The client's timeout applies.
 *
 * @param client - the cluster's client
 * @param ref - the object
 * @param options - dry run and abort signal
 * @public
 */
export async function deleteObject(
  client: ClusterClient,
  ref: Pick<
    DecommissionObjectRef,
    'apiVersion' | 'kind' | 'namespace' | 'name'
  >,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<'deleted' | 'not-found'> {
  let resource;
  try {
    resource = await client.discovery.resolve(
      { apiVersion: ref.apiVersion, kind: ref.kind },
      { signal: options.signal },
    );
  } catch (error) {
    // no such resource type on the cluster (any more): no such object either
    if (
      isClusterRequestError(error) &&
      error.clusterError.type === 'crd-missing'
    ) {
      return 'not-found';
    }
    throw error;
  }
  try {
    await client.requestJson({
      method: 'DELETE',
      path: resourcePath(resource, {
        namespace: ref.namespace,
        name: ref.name,
      }),
      query: { dryRun: options.dryRun ? 'All' : undefined },
      // With a body the API server reads the options from it and ignores the query: dryRun must
      // be in both (seen on kube-apiserver: a query-only dryRun next to a body deletes for real).
      body: {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: 'Background',
        ...(options.dryRun ? { dryRun: ['All'] } : {}),
      },
      signal: options.signal,
      resource: resourceName(resource),
    });
    return 'deleted';
  } catch (error) {
    if (
      isClusterRequestError(error) &&
      error.clusterError.type === 'not-found'
    ) {
      return 'not-found';
    }
    throw error;
  }
}
