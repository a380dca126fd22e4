import {
  PLATFORM_MESH_GVK,
  type ClusterRole,
  type HelmRelease,
  type InstanceRef,
  type KubernetesObject,
  type Kustomization,
  type PlatformMesh,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  namespaceAllowed,
  OPERATOR_CREATED_LABEL,
  OPERATOR_WEBHOOK_SECRETS,
  profileConfigMapRefOf,
  sourceRefOf,
  type InventoryObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  toClusterError,
  isClusterRequestError,
} from '../client/ClusterRequestError';
import type { ClusterClient, ResourceTypeRef } from '../client/types';
import type { PlatformMeshTarget } from '../config/types';
import type {
  DecommissionCandidate,
  DecommissionInventoryResult,
  DecommissionReadError,
} from './types';

const PM_TYPE = {
  apiVersion: `${PLATFORM_MESH_GVK.group}/${PLATFORM_MESH_GVK.version}`,
  kind: PLATFORM_MESH_GVK.kind,
};
/** Operator-created releases on the infra cluster (listed by the operator's label). */
const RELEASE_TYPES: ResourceTypeRef[] = [
  { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
  { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization' },
  { group: 'argoproj.io', kind: 'Application' },
];
/** Flux sources (the operator's OCIRepositories carry no label: listed in the namespace). */
const SOURCE_TYPES: ResourceTypeRef[] = [
  { group: 'source.toolkit.fluxcd.io', kind: 'OCIRepository' },
  { group: 'source.toolkit.fluxcd.io', kind: 'HelmRepository' },
  { group: 'source.toolkit.fluxcd.io', kind: 'GitRepository' },
];
const OCM_RESOURCE_TYPE: ResourceTypeRef = {
  group: 'delivery.ocm.software',
  kind: 'Resource',
};

/** Error types worth one more try (an API server restarting a watch cache, a lost packet). */
const TRANSIENT = new Set(['unreachable', 'timeout', 'unknown']);
const RETRY_DELAY_MS = 500;

/** Runs a read, once more after a short pause when it fails in a way that may pass. */
async function withRetry<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (
      !isClusterRequestError(error) ||
      !TRANSIENT.has(error.clusterError.type)
    )
      throw error;
    await new Promise(resolve => setTimeout(resolve, RETRY_DELAY_MS));
    return read();
  }
}

/**
 * Options of {@link readDecommissionInventory}.
 *
 * @public
 */
export interface ReadDecommissionInventoryOptions {
  /** The client of a configured cluster. */
  getClient(cluster: string): ClusterClient;
  target: Pick<
    PlatformMeshTarget,
    | 'operatorCluster'
    | 'runtimeCluster'
    | 'infraCluster'
    | 'namespaces'
    | 'operatorNamespace'
  >;
  ref: InstanceRef;
  /**
   * The named objects the apply writes for this instance and target (kubeconfig Secrets,
   * ServiceAccounts). The profile ConfigMap and the Secrets the releases reference are added.
   */
  candidates: DecommissionCandidate[];
  signal?: AbortSignal;
}

function key(
  cluster: string,
  o: { apiVersion: string; kind: string; namespace?: string; name: string },
) {
  return `${cluster}|${o.apiVersion}|${o.kind}|${o.namespace ?? ''}|${o.name}`;
}

/**
 * Takes stock of an instance on its target's clusters, for `planDecommission`: the
 * PlatformMeshes of the target (runtime, the target's namespaces), the OCM Resources in the
 * instance namespace (runtime), the operator-created HelmReleases, Kustomizations and Applications
 * (label selector) and the Flux sources of the instance namespace plus those the releases
 * reference (infra), the profile ConfigMap, the operator's webhook Secrets in the instance
 * namespace (runtime), and each candidate and each kubeconfig Secret the
 * releases reference, read by name. Reads run in parallel with the client's timeout; a resource
 * type a cluster does not serve (`crd-missing`) has no objects; any other failure is returned as
 * data in `errors`.
 *
 * @param options - clients, target, instance and candidates
 * @public
 */
export async function readDecommissionInventory(
  options: ReadDecommissionInventoryOptions,
): Promise<DecommissionInventoryResult> {
  const { target, ref, signal } = options;
  const clusters: Record<ClusterRole, string> = {
    operator: target.operatorCluster,
    runtime: target.runtimeCluster,
    infra: target.infraCluster,
  };
  const errors: DecommissionReadError[] = [];
  const objects = new Map<string, InventoryObject>();
  const add = (role: ClusterRole, object: KubernetesObject) => {
    const cluster = clusters[role];
    const id = key(cluster, {
      ...object,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
    });
    if (!objects.has(id)) objects.set(id, { role, cluster, object });
  };
  const fail = (role: ClusterRole, what: string, error: unknown) => {
    errors.push({
      role,
      cluster: clusters[role],
      what,
      error: toClusterError(error),
    });
  };
  const list = async (
    role: ClusterRole,
    type: ResourceTypeRef,
    listOptions: { namespace?: string; labelSelector?: string },
  ): Promise<KubernetesObject[]> => {
    try {
      const result = await withRetry(() =>
        options
          .getClient(clusters[role])
          .list(type, { ...listOptions, signal }),
      );
      return result.items.map(item =>
        withTypeOf(item, result.apiVersion, type),
      );
    } catch (error) {
      if (
        isClusterRequestError(error) &&
        error.clusterError.type === 'crd-missing'
      ) {
        return [];
      }
      fail(role, `${'kind' in type ? type.kind : ''} list`, error);
      return [];
    }
  };
  /** Reads one named object: the object, or undefined when it is not there or not readable. */
  const get = async (
    role: ClusterRole,
    c: Omit<DecommissionCandidate, 'role'>,
  ): Promise<KubernetesObject | undefined> => {
    try {
      const found = await withRetry(() =>
        options.getClient(clusters[role]).tryGet(
          {
            apiVersion: c.apiVersion,
            kind: c.kind,
            namespace: c.namespace,
            name: c.name,
          },
          { signal },
        ),
      );
      return found && { ...found, apiVersion: c.apiVersion, kind: c.kind };
    } catch (error) {
      if (
        isClusterRequestError(error) &&
        error.clusterError.type === 'crd-missing'
      )
        return undefined;
      fail(
        role,
        `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`,
        error,
      );
      return undefined;
    }
  };

  const [pms, ocm, releases, sources] = await Promise.all([
    list('runtime', PM_TYPE, {}),
    list('runtime', OCM_RESOURCE_TYPE, { namespace: ref.namespace }),
    Promise.all(
      RELEASE_TYPES.map(t =>
        list('infra', t, {
          namespace: ref.namespace,
          labelSelector: `${OPERATOR_CREATED_LABEL}=true`,
        }),
      ),
    ).then(r => r.flat()),
    Promise.all(
      SOURCE_TYPES.map(t => list('infra', t, { namespace: ref.namespace })),
    ).then(r => r.flat()),
  ]);
  const platformMeshes = pms.filter(
    pm =>
      pm.apiVersion.startsWith(`${PLATFORM_MESH_GVK.group}/`) &&
      namespaceAllowed(target.namespaces, pm.metadata.namespace ?? ''),
  );
  const own = platformMeshes.find(
    pm =>
      pm.metadata.namespace === ref.namespace && pm.metadata.name === ref.name,
  );
  if (own) add('runtime', own);
  ocm.forEach(o => add('runtime', o));
  releases.forEach(o => add('infra', o));
  sources.forEach(o => add('infra', o));

  const named: DecommissionCandidate[] = [];
  const profile = own
    ? profileConfigMapRefOf(own as PlatformMesh)
    : profileConfigMapRefOf({
        ...PM_TYPE,
        metadata: { name: ref.name, namespace: ref.namespace },
      } as PlatformMesh);
  named.push({
    role: 'runtime',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    ...profile,
  });
  for (const name of Object.values(OPERATOR_WEBHOOK_SECRETS)) {
    named.push({
      role: 'runtime',
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: ref.namespace,
      name,
    });
  }
  for (const release of releases) {
    const spec = (release as HelmRelease | Kustomization).spec as
      | { kubeConfig?: { secretRef?: { name?: string } } }
      | undefined;
    const secret = spec?.kubeConfig?.secretRef?.name;
    if (secret) {
      named.push({
        role: 'infra',
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: release.metadata.namespace,
        name: secret,
      });
    }
    if (release.kind !== 'Application') {
      const source = sourceRefOf(release as HelmRelease | Kustomization);
      if (source && source.namespace !== ref.namespace) {
        const type = SOURCE_TYPES.find(
          t => 'kind' in t && t.kind === source.kind,
        );
        if (type) {
          named.push({
            role: 'infra',
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: source.kind,
            namespace: source.namespace,
            name: source.name,
          });
        }
      }
    }
  }
  named.push(...options.candidates);
  const seen = new Set<string>();
  const unique = named.filter(c => {
    const id = key(clusters[c.role], c);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  // read in parallel, added in the order asked (the plan's order does not depend on timing)
  const found = await Promise.all(unique.map(c => get(c.role, c)));
  unique.forEach((c, i) => {
    const object = found[i];
    if (object) add(c.role, object);
  });

  return {
    inventory: {
      ref,
      clusters,
      operatorNamespace: target.operatorNamespace,
      platformMeshes,
      objects: [...objects.values()],
    },
    errors,
  };
}

/** List items come without apiVersion and kind from some servers: take them from the list. */
function withTypeOf(
  item: KubernetesObject,
  listApiVersion: string,
  type: ResourceTypeRef,
): KubernetesObject {
  return {
    ...item,
    apiVersion: item.apiVersion || listApiVersion,
    kind: item.kind || ('kind' in type ? type.kind : ''),
  };
}
