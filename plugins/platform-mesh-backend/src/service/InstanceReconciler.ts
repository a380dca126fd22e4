import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  type ReconcileKind,
  type ReconcileRequest,
  type ReconcileResult,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  RECONCILE_KINDS,
  reconcileAnnotations,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isClusterRequestError,
  resourceName,
  resourcePath,
  type ClusterClient,
  type PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  reconcileConfigKey,
  type ReconcileClusters,
} from './readReconcileConfig';

/**
 * Options of {@link InstanceReconciler}.
 */
interface InstanceReconcilerOptions {
  /** The client of a configured cluster (the one client of `-node`, with its timeouts). */
  getClient: (cluster: string) => ClusterClient;
  /** Per target name, the write identity's cluster entries (`readReconcileConfig`). */
  writeClusters: Map<string, ReconcileClusters>;
  now?: () => Date;
}

/**
 * Asks a controller to reconcile one object now, with the target's separate write credential: a
 * JSON merge patch of `metadata.annotations` only (see `reconcileAnnotations`), so that nothing the
 * operator or GitOps owns changes. The status reader's identity is never used for it.
 */
export class InstanceReconciler {
  constructor(private readonly options: InstanceReconcilerOptions) {}

  /**
   * The write cluster of a role of a target, or a `NotAllowedError` naming the config key that
   * enables it.
   */
  writeCluster(target: PlatformMeshTarget, role: 'runtime' | 'infra'): string {
    const cluster = this.options.writeClusters.get(target.name)?.[role];
    if (!cluster) {
      throw new NotAllowedError(
        `Reconcile is not enabled for the ${role} cluster of target "${
          target.name
        }": set ${reconcileConfigKey(
          target,
          role,
        )} to a platformMesh.clusters entry whose credential may patch it`,
      );
    }
    return cluster;
  }

  /**
   * Patches the reconcile annotations onto the object (which the caller checked belongs to the
   * instance). Cluster failures become `@backstage/errors` types: a missing object
   * `NotFoundError`, a refused write `NotAllowedError`, anything else `ServiceUnavailableError`;
   * their messages never carry a credential or URL.
   *
   * @param target - the instance's target
   * @param object - the object, with its kind, namespace and name
   * @param request - force/reset options
   */
  async reconcile(
    target: PlatformMeshTarget,
    object: { kind: ReconcileKind; namespace: string; name: string },
    request: Pick<ReconcileRequest, 'force' | 'reset'>,
  ): Promise<ReconcileResult> {
    const { group, role } = RECONCILE_KINDS[object.kind];
    const writeRole = role === 'runtime' ? 'runtime' : 'infra';
    const cluster = this.writeCluster(target, writeRole);
    const requestedAt = (this.options.now?.() ?? new Date()).toISOString();
    const annotations = reconcileAnnotations(object.kind, requestedAt, request);
    const client = this.options.getClient(cluster);
    try {
      const resource = await client.discovery.resolve({
        group,
        kind: object.kind,
      });
      await client.requestJson({
        method: 'PATCH',
        path: resourcePath(resource, {
          namespace: object.namespace,
          name: object.name,
        }),
        query: { fieldManager: 'backstage-platform-mesh-reconcile' },
        contentType: 'application/merge-patch+json',
        body: { metadata: { annotations } },
        resource: resourceName(resource),
      });
    } catch (error) {
      throw toHttpError(error, object, cluster);
    }
    return {
      object: {
        role: writeRole,
        cluster: readClusterOf(target, writeRole),
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      },
      requestedAt,
      annotations,
    };
  }
}

/** The cluster the role reads (what the status answer names), not the write entry. */
function readClusterOf(target: PlatformMeshTarget, role: 'runtime' | 'infra') {
  return role === 'runtime' ? target.runtimeCluster : target.infraCluster;
}

function toHttpError(
  error: unknown,
  object: { kind: string; namespace: string; name: string },
  cluster: string,
): Error {
  const what = `${object.kind} ${object.namespace}/${object.name}`;
  if (!isClusterRequestError(error)) {
    return new ServiceUnavailableError(
      `Could not reconcile ${what} on cluster "${cluster}"`,
    );
  }
  const { type, message } = error.clusterError;
  if (type === 'not-found' || type === 'crd-missing') {
    return new NotFoundError(
      `${what} was not found on cluster "${cluster}": ${message}`,
    );
  }
  if (type === 'forbidden' || type === 'unauthorized') {
    return new NotAllowedError(
      `The reconcile credential of cluster "${cluster}" may not patch ${what} (${type}): ${message}`,
    );
  }
  return new ServiceUnavailableError(
    `Could not reconcile ${what} on cluster "${cluster}": ${type}: ${message}`,
  );
}
