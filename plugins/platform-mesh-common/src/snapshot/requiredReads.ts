import type {
  ClusterError,
  ClusterRole,
  DeploymentTechnology,
} from '../types/status';
import type { InstanceSnapshot } from './InstanceSnapshot';
import { SNAPSHOT_RESOURCES, type SnapshotResource } from './resources';

/**
 * A list the instance's status depends on.
 *
 * @alpha
 */
export interface RequiredRead {
  role: ClusterRole;
  resource: SnapshotResource;
  /** Plural kind for texts, e.g. `HelmReleases`. */
  kinds: string;
  /**
   * A missing CRD is fine: the kind is optional for this deployment technology (e.g. Flux's
   * Kustomizations), so without its CRD there are simply no such objects.
   */
  crdOptional?: boolean;
}

const KINDS: Record<SnapshotResource, string> = {
  [SNAPSHOT_RESOURCES.secrets]: 'Secrets',
  [SNAPSHOT_RESOURCES.configMaps]: 'ConfigMaps',
  [SNAPSHOT_RESOURCES.platformMeshes]: 'PlatformMeshes',
  [SNAPSHOT_RESOURCES.helmReleases]: 'HelmReleases',
  [SNAPSHOT_RESOURCES.kustomizations]: 'Kustomizations',
  [SNAPSHOT_RESOURCES.applications]: 'Applications',
  [SNAPSHOT_RESOURCES.ociRepositories]: 'OCIRepositories',
  [SNAPSHOT_RESOURCES.helmRepositories]: 'HelmRepositories',
  [SNAPSHOT_RESOURCES.gitRepositories]: 'GitRepositories',
  [SNAPSHOT_RESOURCES.ocmResources]: 'OCM Resources',
};

const read = (
  role: ClusterRole,
  resource: SnapshotResource,
  crdOptional?: boolean,
): RequiredRead => ({
  role,
  resource,
  kinds: KINDS[resource],
  ...(crdOptional ? { crdOptional } : {}),
});

/**
 * The lists an instance's overall health depends on, per deployment technology:
 *
 * - runtime: the PlatformMeshes and the profile ConfigMaps;
 * - operator: the kubeconfig Secrets the operator mounts;
 * - infra, `fluxcd`: HelmReleases and the OCIRepository and HelmRepository sources (Flux's helm
 *   and source controllers), Kustomizations and GitRepositories (optional: their CRDs may be
 *   missing), and the kubeconfig Secrets the releases use;
 * - infra, `argocd`: Applications and the Argo CD cluster Secret.
 *
 * PlatformMeshes on the operator and infra clusters are not required: they only serve the
 * `cr-on-wrong-cluster` diagnostic.
 *
 * @param technology - the target's deployment technology
 * @alpha
 */
export function requiredReads(
  technology: DeploymentTechnology,
): RequiredRead[] {
  const infra =
    technology === 'fluxcd'
      ? [
          read('infra', SNAPSHOT_RESOURCES.helmReleases),
          read('infra', SNAPSHOT_RESOURCES.ociRepositories),
          read('infra', SNAPSHOT_RESOURCES.helmRepositories),
          read('infra', SNAPSHOT_RESOURCES.kustomizations, true),
          read('infra', SNAPSHOT_RESOURCES.gitRepositories, true),
          read('infra', SNAPSHOT_RESOURCES.secrets),
        ]
      : [
          read('infra', SNAPSHOT_RESOURCES.applications),
          read('infra', SNAPSHOT_RESOURCES.secrets),
        ];
  return [
    read('runtime', SNAPSHOT_RESOURCES.platformMeshes),
    read('runtime', SNAPSHOT_RESOURCES.configMaps),
    read('operator', SNAPSHOT_RESOURCES.secrets),
    ...infra,
  ];
}

/**
 * A required list that could not be read, and why.
 */
export interface MissingRead {
  role: ClusterRole;
  /** The configured cluster name. */
  cluster: string;
  /** The lists of that role that were not read (all of the role's when the cluster failed). */
  reads: RequiredRead[];
  /**
   * Why: the role-level error (the cluster could not be used at all) or the resource's error;
   * type `unknown` with "waiting for the first list" while a watch has not listed yet.
   */
  error: ClusterError;
  /** True when the whole cluster failed (unreachable, timeout, unauthorized). */
  clusterWide: boolean;
}

/**
 * The required lists ({@link requiredReads}) the snapshot does not hold: a role that could not be
 * read at all gives one entry with every list of that role; otherwise each list with a resource
 * error gives one, except a `crd-missing` error of a list whose CRD is optional. A resource error
 * without `resource` counts for every list of the role.
 *
 * @param snapshot - the instance snapshot
 */
export function missingReads(snapshot: InstanceSnapshot): MissingRead[] {
  const missing: MissingRead[] = [];
  const required = requiredReads(snapshot.deploymentTechnology);
  for (const role of ['runtime', 'operator', 'infra'] as ClusterRole[]) {
    const roleRead = snapshot.clusters?.[role];
    const reads = required.filter(r => r.role === role);
    if (!roleRead || reads.length === 0) continue;
    if (!roleRead.reachable || roleRead.error) {
      missing.push({
        role,
        cluster: roleRead.cluster,
        reads,
        error: roleRead.error ?? {
          type: 'unreachable',
          message: 'the cluster could not be read',
        },
        clusterWide: true,
      });
      continue;
    }
    for (const r of reads) {
      const error = (roleRead.resourceErrors ?? []).find(
        e =>
          (!e.resource || e.resource === r.resource) &&
          !(r.crdOptional && e.type === 'crd-missing'),
      );
      if (error) {
        missing.push({
          role,
          cluster: roleRead.cluster,
          reads: [r],
          error,
          clusterWide: false,
        });
      }
    }
  }
  return missing;
}
