import {
  type ClusterRole,
  type FluxSource,
  type InstanceRef,
  type PlatformMesh,
  type SecretMetadata,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  DEFAULT_SECRETS,
  requiredReads,
  sourceRefOf,
  type InstanceSnapshot,
  type RoleRead,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { InformerState } from './ResourceInformer';
import type { SnapshotReads } from './ReadRecorder';
import { roleRead } from './roleRead';
import {
  argoWatches,
  configMaps,
  fluxWatches,
  ocmResources,
  platformMeshes,
  secretNameWatch,
  secretWatch,
  type WatchSpec,
} from './watchSpecs';

type Reads = Parameters<typeof roleRead>[1];

/** Infra resources whose CRD may be missing (e.g. Flux without the kustomize-controller). */
const CRD_OPTIONAL = new Set<string>(
  [...requiredReads('fluxcd'), ...requiredReads('argocd')]
    .filter(r => r.crdOptional)
    .map(r => r.resource),
);

const SOURCE_KINDS = new Set([
  'OCIRepository',
  'HelmRepository',
  'GitRepository',
]);

/** The watches of a target's deployment technology on its infra cluster. */
export function infraWatches(target: PlatformMeshTarget): WatchSpec[] {
  return target.deploymentTechnology === 'fluxcd' ? fluxWatches : argoWatches;
}

/** The named Secret watches on the operator cluster (operator namespace) of a target. */
export function operatorSecretWatches(target: PlatformMeshTarget): WatchSpec[] {
  const names = [target.secrets.operatorRuntimeKubeconfig.name];
  if (!target.operatorIsInfra)
    names.push(target.secrets.operatorInfraKubeconfig.name);
  return names.map(name => secretWatch(target.operatorNamespace, name));
}

/**
 * The Secret watches on the infra cluster that one namespace's instance depends on: with Flux,
 * one watch per Secret NAME across all namespaces (the configured kubeconfig Secret and every
 * `spec.kubeConfig.secretRef` of the namespace's releases), so the number of watches follows the
 * distinct names, not the instances; with Argo CD, the cluster Secret in Argo CD's namespace.
 *
 * @param target - the target
 * @param workloads - the namespace's HelmReleases and Kustomizations
 */
export function infraSecretWatches(
  target: PlatformMeshTarget,
  workloads: Iterable<any>,
): WatchSpec[] {
  if (target.deploymentTechnology === 'argocd') {
    const { name, namespace } = DEFAULT_SECRETS.argocdClusterSecret;
    return [secretWatch(namespace, name)];
  }
  const names = new Set<string>([target.secrets.fluxRuntimeKubeconfig.name]);
  for (const w of workloads) {
    const ref = w?.spec?.kubeConfig?.secretRef?.name;
    if (typeof ref === 'string' && ref.length > 0) names.add(ref);
  }
  return [...names].sort().map(secretNameWatch);
}

/** The HelmReleases and Kustomizations of one namespace of the infra cluster. */
export function namespaceWorkloads(
  reads: SnapshotReads,
  target: PlatformMeshTarget,
  namespace: string,
): any[] {
  return infraWatches(target)
    .filter(s => s.kind === 'HelmRelease' || s.kind === 'Kustomization')
    .flatMap(spec => reads.itemsIn<any>(target.infraCluster, spec, namespace));
}

/** The distinct clusters of a target with their first role. */
export function targetClusters(
  target: PlatformMeshTarget,
): Array<[ClusterRole, string]> {
  const roles: Array<[ClusterRole, string]> = [
    ['runtime', target.runtimeCluster],
    ['operator', target.operatorCluster],
    ['infra', target.infraCluster],
  ];
  const seen = new Set<string>();
  return roles.filter(([, cluster]) => !seen.has(cluster) && seen.add(cluster));
}

/**
 * The roles (clusters) on which a PlatformMesh of the ref's namespace and name is stored.
 *
 * @param reads - the reads
 * @param target - the target
 * @param ref - the instance
 */
export function locateInstance(
  reads: SnapshotReads,
  target: PlatformMeshTarget,
  ref: InstanceRef,
): ClusterRole[] {
  return targetClusters(target)
    .filter(
      ([, cluster]) =>
        reads.get(cluster, platformMeshes, ref.namespace, ref.name) !==
        undefined,
    )
    .map(([role]) => role);
}

const withState = <T>(
  state: InformerState<never>,
  items: readonly T[],
): InformerState<T> => ({ ...state, items: items as T[] });

/**
 * Everything the cache knows about one instance, as the pure input of `-common`, read from the
 * instance's namespace only: its PlatformMeshes, ConfigMaps and OCM Resources (runtime), its releases, its
 * sources and those its releases reference in other namespaces, the Secrets of the names it
 * depends on in its namespace (infra), the operator's kubeconfig Secrets (operator), and the
 * PlatformMeshes of the namespace on the other clusters (a CR on the wrong cluster). No read
 * costs more than the namespace's objects.
 *
 * @param reads - where the objects come from (recording them, for the memo)
 * @param target - the instance's target
 * @param ref - the instance
 * @param context - the current time and when the PlatformMesh's generation was first seen
 */
export function readInstanceSnapshot(
  reads: SnapshotReads,
  target: PlatformMeshTarget,
  ref: InstanceRef,
  context: {
    now: string;
    generationObservedAt?: (pm: PlatformMesh) => string | undefined;
  },
): InstanceSnapshot {
  const ns = ref.namespace;
  const fluxcd = target.deploymentTechnology === 'fluxcd';
  const runtime = target.runtimeCluster;
  const infra = target.infraCluster;
  const operator = target.operatorCluster;

  const runtimePmState = reads.state(runtime, platformMeshes);
  const runtimePmItems = reads.itemsIn<PlatformMesh>(
    runtime,
    platformMeshes,
    ns,
  );
  const runtimeCmState = reads.state(runtime, configMaps);
  const runtimeCms = reads.itemsIn<any>(runtime, configMaps, ns);
  const runtimeOcmState = reads.state(runtime, ocmResources);
  const runtimeOcm = reads.itemsIn<any>(runtime, ocmResources, ns);
  const platformMesh = runtimePmItems.find(pm => pm.metadata.name === ref.name);
  const otherPlatformMeshes = runtimePmItems
    .filter(pm => pm.metadata.name !== ref.name)
    .map(pm => pm.metadata.name)
    .sort();

  const operatorSecrets = operatorSecretWatches(target).map(spec =>
    withState(
      reads.state(operator, spec),
      reads.itemsIn<SecretMetadata>(operator, spec, target.operatorNamespace),
    ),
  );
  const otherPms = (cluster: string) =>
    cluster === runtime
      ? undefined
      : withState(
          reads.state(cluster, platformMeshes),
          reads.itemsIn<PlatformMesh>(cluster, platformMeshes, ns),
        );
  const operatorPms = otherPms(operator);
  const infraPms = otherPms(infra);

  const infraWorkload = infraWatches(target).map(spec => ({
    spec,
    state: withState(
      reads.state(infra, spec),
      inNamespace(reads, infra, spec, ns),
    ),
  }));
  const byKind = (kind: string) =>
    infraWorkload.find(w => w.spec.kind === kind)?.state.items ?? [];
  const workloads = [...byKind('HelmRelease'), ...byKind('Kustomization')];
  // sources: the namespace's, and those its releases reference in other namespaces
  const referenced = referencedSources(reads, target, ns, workloads);
  const sourcesOf = (kind: string) => [
    ...byKind(kind),
    ...referenced.filter(s => s.kind === kind),
  ];

  const infraSecretSpecs = infraSecretWatches(target, workloads);
  const secretNamespace = (spec: WatchSpec) => spec.namespace ?? ns;
  // peek, not ensure: the cache opens these for instances that exist
  const infraSecrets = infraSecretSpecs.map(spec =>
    withState(
      reads.state(infra, spec, 'peek'),
      nameOf(spec)
        ? present(
            reads.get<SecretMetadata>(
              infra,
              spec,
              secretNamespace(spec),
              nameOf(spec)!,
              'peek',
            ),
          )
        : [],
    ),
  );

  const roleReads = (role: ClusterRole): RoleRead => {
    const list: Reads = [];
    if (role === 'runtime') {
      list.push({ resource: platformMeshes.resource, state: runtimePmState });
      list.push({ resource: configMaps.resource, state: runtimeCmState });
      // informational, last: a required list's error stands for the cluster first
      list.push({ resource: ocmResources.resource, state: runtimeOcmState });
    }
    if (role === 'operator') {
      operatorSecrets.forEach(state =>
        list.push({ resource: 'secrets', state }),
      );
      if (operatorPms)
        list.push({
          resource: platformMeshes.resource,
          state: operatorPms,
          optional: true,
        });
    }
    if (role === 'infra') {
      infraWorkload.forEach(w =>
        list.push({
          resource: w.spec.resource,
          state: w.state,
          optional: CRD_OPTIONAL.has(w.spec.resource),
        }),
      );
      infraSecrets.forEach(state => list.push({ resource: 'secrets', state }));
      if (infraPms)
        list.push({
          resource: platformMeshes.resource,
          state: infraPms,
          optional: true,
        });
    }
    const cluster = { operator, runtime, infra }[role];
    return roleRead(cluster, list);
  };

  const generationObservedAt = platformMesh
    ? context.generationObservedAt?.(platformMesh)
    : undefined;

  return {
    ref,
    now: context.now,
    deploymentTechnology: target.deploymentTechnology,
    operatorIsInfra: target.operatorIsInfra,
    operatorNamespace: target.operatorNamespace,
    expectedSecrets: {
      operatorRuntimeKubeconfig: target.secrets.operatorRuntimeKubeconfig,
      ...(target.operatorIsInfra
        ? {}
        : { operatorInfraKubeconfig: target.secrets.operatorInfraKubeconfig }),
      ...(fluxcd
        ? { fluxRuntimeKubeconfig: target.secrets.fluxRuntimeKubeconfig }
        : { argocdClusterSecret: { ...DEFAULT_SECRETS.argocdClusterSecret } }),
    },
    runtimeServerUrls: [target.runtimeServerUrl],
    clusters: {
      operator: roleReads('operator'),
      runtime: roleReads('runtime'),
      infra: roleReads('infra'),
    },
    runtime: {
      ...(platformMesh ? { platformMesh } : {}),
      ...(generationObservedAt ? { generationObservedAt } : {}),
      configMaps: [...runtimeCms],
      ocmResources: [...runtimeOcm],
      ...(otherPlatformMeshes.length ? { otherPlatformMeshes } : {}),
    },
    operator: {
      secrets: operatorSecrets.flatMap(s => s.items),
      platformMeshes: operatorPms ? [...operatorPms.items] : [],
    },
    infra: {
      secrets: infraSecrets.flatMap(s => s.items),
      platformMeshes: infraPms ? [...infraPms.items] : [],
      helmReleases: byKind('HelmRelease'),
      kustomizations: byKind('Kustomization'),
      applications: byKind('Application'),
      ociRepositories: sourcesOf('OCIRepository'),
      helmRepositories: sourcesOf('HelmRepository'),
      gitRepositories: sourcesOf('GitRepository'),
    },
  };
}

function inNamespace(
  reads: SnapshotReads,
  cluster: string,
  spec: WatchSpec,
  namespace: string,
): any[] {
  return [...reads.itemsIn<any>(cluster, spec, namespace)];
}

/** The sources in other namespaces that the namespace's releases reference, those that exist. */
function referencedSources(
  reads: SnapshotReads,
  target: PlatformMeshTarget,
  namespace: string,
  workloads: any[],
): FluxSource[] {
  if (target.deploymentTechnology !== 'fluxcd') return [];
  const found = new Map<string, FluxSource>();
  for (const w of workloads) {
    const ref = sourceRefOf(w);
    if (!ref || ref.namespace === namespace || !SOURCE_KINDS.has(ref.kind))
      continue;
    const spec = fluxWatches.find(s => s.kind === ref.kind)!;
    const key = `${ref.kind}|${ref.namespace}|${ref.name}`;
    if (found.has(key)) continue;
    const source = reads.get<FluxSource>(
      target.infraCluster,
      spec,
      ref.namespace,
      ref.name,
    );
    if (source) found.set(key, source);
  }
  return [...found.values()];
}

function nameOf(spec: WatchSpec): string | undefined {
  const prefix = 'metadata.name=';
  return spec.fieldSelector?.startsWith(prefix)
    ? spec.fieldSelector.slice(prefix.length)
    : undefined;
}

function present<T>(item: T | undefined): T[] {
  return item === undefined ? [] : [item];
}
