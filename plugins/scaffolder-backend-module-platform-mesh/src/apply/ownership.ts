import { ConflictError } from '@backstage/errors';
import { type KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  FIELD_MANAGER,
  RENDERED_OBJECT_LABELS,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  describeObject,
  isClusterRequestError,
  type PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { ObjectReads } from './objectReads';

/** The kinds the apply never takes over from someone else: they hold other teams' data. */
const GUARDED_KINDS = new Set(['Secret', 'ConfigMap']);

/** An existing object this product did not create, and who manages it. */
interface ForeignObject {
  /** The configured cluster name. */
  cluster: string;
  /** `Kind namespace/name`. */
  object: string;
  /** The field managers of the object, and its `app.kubernetes.io/managed-by` label if any. */
  managers: string[];
}

/**
 * Who manages an existing object when it is not this product: `undefined` when it carries this
 * product's `app.kubernetes.io/managed-by` label or has this product's field manager in
 * `managedFields`; otherwise its current managers (field managers, then the managed-by label).
 * Reads metadata only, never data.
 *
 * @param existing - the object as stored on the cluster
 * @internal
 */
export function foreignManagers(
  existing: KubernetesObject,
): string[] | undefined {
  const { labels, managedFields } = existing.metadata as {
    labels?: Record<string, string>;
    managedFields?: Array<{ manager?: string }>;
  };
  const labelKey = Object.keys(RENDERED_OBJECT_LABELS)[0];
  if (labels?.[labelKey] === FIELD_MANAGER) return undefined;
  const fieldManagers = [
    ...new Set((managedFields ?? []).map(f => f.manager ?? '(unnamed)')),
  ];
  if (fieldManagers.includes(FIELD_MANAGER)) return undefined;
  const managers = fieldManagers.map(m => `field manager "${m}"`);
  if (labels?.[labelKey])
    managers.push(`label ${labelKey}=${labels[labelKey]}`);
  return managers.length > 0 ? managers : ['unknown (no managedFields)'];
}

/**
 * Reads every Secret and ConfigMap the apply would write and returns those that exist and that
 * this product did not create ({@link foreignManagers}). A read that fails counts as foreign
 * (fail closed), with the error type as its manager.
 *
 * @param options - the clusters, the planned objects and the abort signal
 * @internal
 */
async function findForeignObjects(options: {
  clusters: PlatformMeshClustersService;
  items: Array<{ cluster: string; object: KubernetesObject }>;
  signal?: AbortSignal;
  /** The run's shared reads (the token preview reads the same Secrets); a fresh set without. */
  reads?: ObjectReads;
}): Promise<ForeignObject[]> {
  const reads = options.reads ?? new ObjectReads(options.clusters);
  const guarded = options.items.filter(i => GUARDED_KINDS.has(i.object.kind));
  const results = await Promise.all(
    guarded.map(async ({ cluster, object }): Promise<ForeignObject[]> => {
      const ref = {
        apiVersion: object.apiVersion,
        kind: object.kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name,
      };
      const describe = describeObject(object);
      try {
        const existing = await reads.tryGet(cluster, ref, options.signal);
        const managers = existing ? foreignManagers(existing) : undefined;
        return managers ? [{ cluster, object: describe, managers }] : [];
      } catch (error) {
        const type = isClusterRequestError(error)
          ? error.clusterError.type
          : 'unknown';
        return [
          {
            cluster,
            object: describe,
            managers: [`cannot be read to check (${type})`],
          },
        ];
      }
    }),
  );
  return results.flat();
}

/**
 * Refuses to take over a Secret or ConfigMap that this product did not create, `force` or not:
 * runs in the preflight, before any write. Names each object and its current managers, never
 * its data.
 *
 * @param options - the clusters, the planned objects and the abort signal
 * @throws ConflictError listing every foreign object
 * @internal
 */
export async function assertOwnership(options: {
  clusters: PlatformMeshClustersService;
  items: Array<{ cluster: string; object: KubernetesObject }>;
  signal?: AbortSignal;
  reads?: ObjectReads;
}): Promise<void> {
  const foreign = await findForeignObjects(options);
  if (foreign.length === 0) return;
  throw new ConflictError(
    `Refusing to take over ${
      foreign.length
    } object(s) that Platform Mesh for Backstage did not create (force does not apply to them): ${foreign
      .map(
        f =>
          `${f.object} on cluster "${f.cluster}" (managed by ${f.managers.join(
            ', ',
          )})`,
      )
      .join(
        '; ',
      )}. Use other names (secretNames, profileConfigMapName) or remove the object.`,
  );
}
