import {
  OPERATOR_CREATED_LABEL,
  SNAPSHOT_RESOURCES,
  type SnapshotResource,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/**
 * One list+watch the cache keeps open on one cluster.
 */
export interface WatchSpec {
  resource: SnapshotResource;
  group: string;
  kind: string;
  /** Omit to watch all namespaces. */
  namespace?: string;
  labelSelector?: string;
  /** Used for single Secrets: `metadata.name=<name>`, so no other Secret is ever read. */
  fieldSelector?: string;
}

const operatorCreated = `${OPERATOR_CREATED_LABEL}=true`;

/** Every PlatformMesh (`core.platform-mesh.io` only) on a cluster. */
export const platformMeshes: WatchSpec = {
  resource: SNAPSHOT_RESOURCES.platformMeshes,
  group: 'core.platform-mesh.io',
  kind: 'PlatformMesh',
};

/** ConfigMaps; the transform keeps only those that can be a profile. */
export const configMaps: WatchSpec = {
  resource: SNAPSHOT_RESOURCES.configMaps,
  group: '',
  kind: 'ConfigMap',
};

/**
 * OCM `delivery.ocm.software` Resources on the runtime cluster: the operator renders them into the
 * PlatformMesh's namespace without an owner label, so all of them are watched and joined to the
 * instance by namespace. Informational (the status shows them; it does not depend on them).
 */
export const ocmResources: WatchSpec = {
  resource: SNAPSHOT_RESOURCES.ocmResources,
  group: 'delivery.ocm.software',
  kind: 'Resource',
};

/** What the operator creates on the infra cluster with Flux. */
export const fluxWatches: WatchSpec[] = [
  {
    resource: SNAPSHOT_RESOURCES.helmReleases,
    group: 'helm.toolkit.fluxcd.io',
    kind: 'HelmRelease',
    labelSelector: operatorCreated,
  },
  {
    resource: SNAPSHOT_RESOURCES.kustomizations,
    group: 'kustomize.toolkit.fluxcd.io',
    kind: 'Kustomization',
    labelSelector: operatorCreated,
  },
  // sources carry no label (ResourceSubroutine writes them from OCM Resources)
  {
    resource: SNAPSHOT_RESOURCES.ociRepositories,
    group: 'source.toolkit.fluxcd.io',
    kind: 'OCIRepository',
  },
  {
    resource: SNAPSHOT_RESOURCES.helmRepositories,
    group: 'source.toolkit.fluxcd.io',
    kind: 'HelmRepository',
  },
  {
    resource: SNAPSHOT_RESOURCES.gitRepositories,
    group: 'source.toolkit.fluxcd.io',
    kind: 'GitRepository',
  },
];

/** What the operator creates on the infra cluster with Argo CD. */
export const argoWatches: WatchSpec[] = [
  {
    resource: SNAPSHOT_RESOURCES.applications,
    group: 'argoproj.io',
    kind: 'Application',
    labelSelector: operatorCreated,
  },
];

/** One named Secret; only its key names are kept. */
export function secretWatch(namespace: string, name: string): WatchSpec {
  return {
    resource: SNAPSHOT_RESOURCES.secrets,
    group: '',
    kind: 'Secret',
    namespace,
    fieldSelector: `metadata.name=${name}`,
  };
}

/**
 * Every Secret called `name`, in all namespaces, through one watch (`fieldSelector=metadata.name=`):
 * the Secret watches of a cluster then number the distinct Secret names its setups use, not the
 * instances. Read one namespace's with `ResourceInformer.get(namespace, name)`. Needs list/watch
 * on Secrets cluster-wide (RBAC may restrict it to this name with `resourceNames`); only key names
 * are kept.
 */
export function secretNameWatch(name: string): WatchSpec {
  return {
    resource: SNAPSHOT_RESOURCES.secrets,
    group: '',
    kind: 'Secret',
    fieldSelector: `metadata.name=${name}`,
  };
}

/** A stable identity of a watch on a cluster, to share informers between targets. */
export function watchKey(cluster: string, spec: WatchSpec): string {
  return [
    cluster,
    spec.group,
    spec.kind,
    spec.namespace ?? '*',
    spec.labelSelector ?? '',
    spec.fieldSelector ?? '',
  ].join('|');
}
