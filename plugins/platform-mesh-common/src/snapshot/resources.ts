/**
 * The resource names (`<plural>.<group>`) the backend reads into an `InstanceSnapshot`, as used in
 * `ClusterError.resource` of `RoleRead.resourceErrors`.
 *
 * @alpha
 */
export const SNAPSHOT_RESOURCES = {
  secrets: 'secrets',
  configMaps: 'configmaps',
  platformMeshes: 'platformmeshes.core.platform-mesh.io',
  helmReleases: 'helmreleases.helm.toolkit.fluxcd.io',
  kustomizations: 'kustomizations.kustomize.toolkit.fluxcd.io',
  applications: 'applications.argoproj.io',
  ociRepositories: 'ocirepositories.source.toolkit.fluxcd.io',
  helmRepositories: 'helmrepositories.source.toolkit.fluxcd.io',
  gitRepositories: 'gitrepositories.source.toolkit.fluxcd.io',
  ocmResources: 'resources.delivery.ocm.software',
} as const;

/**
 * One of the resource names in {@link SNAPSHOT_RESOURCES}.
 *
 * @alpha
 */
export type SnapshotResource =
  (typeof SNAPSHOT_RESOURCES)[keyof typeof SNAPSHOT_RESOURCES];
