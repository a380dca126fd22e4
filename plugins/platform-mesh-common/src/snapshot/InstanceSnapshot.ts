import type { Application } from '../types/argo';
import type {
  GitRepository,
  HelmRelease,
  HelmRepository,
  Kustomization,
  OCIRepository,
} from '../types/flux';
import type {
  ConfigMap,
  KubernetesObject,
  SecretMetadata,
} from '../types/kubernetes';
import type { PlatformMesh } from '../types/platformMesh';
import type {
  ClusterError,
  ClusterRole,
  DeploymentTechnology,
  InstanceRef,
} from '../types/status';

/**
 * A Secret the setup expects, with the data key that must be present.
 *
 * @alpha
 */
export interface ExpectedSecret {
  name: string;
  key: string;
}

/**
 * The Secrets a target's setup expects (names and keys from the target's configuration, defaults
 * from `DEFAULT_SECRETS`).
 *
 * @alpha
 */
export interface ExpectedSecrets {
  /** On the operator cluster, operator namespace: the runtime kubeconfig the operator mounts (`remoteRuntime.secretName`/`secretKey`). */
  operatorRuntimeKubeconfig: ExpectedSecret;
  /** On the operator cluster, operator namespace, only when Operator != Infra (`remoteInfra.secretName`/`secretKey`). */
  operatorInfraKubeconfig?: ExpectedSecret;
  /** On the infra cluster, instance namespace: the kubeconfig Flux uses (`remoteRuntime.infra.secretName`/`secretKey`); fluxcd mode. */
  fluxRuntimeKubeconfig?: ExpectedSecret;
  /** On the infra cluster: the Argo CD cluster Secret for the runtime cluster; argocd mode. */
  argocdClusterSecret?: { name: string; namespace: string };
}

/**
 * What the backend could read from the cluster that plays one role.
 *
 * @alpha
 */
export interface RoleRead {
  /** The configured cluster name (never its URL). Two roles on the same cluster share the name. */
  cluster: string;
  /** False when the cluster could not be read at all; `error` then says why. */
  reachable: boolean;
  /** When the data for this cluster was last known to be current (ISO 8601). */
  observedAt?: string;
  /** Why the cluster could not be read. Any role-level error makes the role's data unusable. */
  error?: ClusterError;
  /**
   * Lists that failed while the cluster answered, each naming its `resource` (see
   * `SNAPSHOT_RESOURCES`). That resource's list in the snapshot is empty and must not be trusted,
   * except for `crd-missing`: a kind whose CRD is not installed has no objects.
   */
  resourceErrors?: ClusterError[];
}

/**
 * Everything the backend read from the three clusters for ONE instance, as plain data: the input
 * of the diagnostics and of `buildInstanceStatus`. The backend fills it from its watch cache;
 * Secrets are `SecretMetadata` (key names only, never values). Lists hold what the backend found;
 * when a role or a resource could not be read, `clusters` says so and the list is empty.
 *
 * @alpha
 */
export interface InstanceSnapshot {
  ref: InstanceRef;
  /** The current time (ISO 8601), injected so that everything computed from a snapshot is pure. */
  now: string;
  deploymentTechnology: DeploymentTechnology;
  /** The operator's own cluster is also the infra cluster (no `remoteInfra`). */
  operatorIsInfra: boolean;
  /** The namespace the operator is installed in, where it mounts its kubeconfig Secrets from. */
  operatorNamespace: string;
  expectedSecrets: ExpectedSecrets;
  /** URLs under which the infra cluster's Argo CD may know the runtime API (argocd mode). */
  runtimeServerUrls?: string[];
  clusters: Record<ClusterRole, RoleRead>;
  runtime: {
    /** The PlatformMesh `ref` names, when it exists on the runtime cluster. */
    platformMesh?: PlatformMesh;
    /**
     * When the backend first saw the PlatformMesh at its current `metadata.generation` (ISO 8601), if
     * known. The not-reconciled grace period counts from the later of this and creationTimestamp.
     */
    generationObservedAt?: string;
    /** ConfigMaps that may be the instance's profile (`<name>-profile` or `spec.profileConfigMap`). */
    configMaps: ConfigMap[];
    /**
     * Names of the other PlatformMeshes (`core.platform-mesh.io`) in the instance's namespace on the
     * runtime cluster. The operator's objects name no owner, so every operator-created release in
     * the namespace is joined to each of them (see the `namespace-shared` diagnostic).
     */
    otherPlatformMeshes?: string[];
    /**
     * The OCM `delivery.ocm.software` Resources in the instance's namespace (the operator renders
     * them there; they carry no owner label). Informational: absent when not read, and a failed
     * read (its error in `clusters.runtime.resourceErrors`) never makes the answer incomplete.
     */
    ocmResources?: KubernetesObject[];
  };
  operator: {
    /** Secrets in the operator namespace. */
    secrets: SecretMetadata[];
    /** PlatformMeshes found on the operator cluster (to detect a CR applied to the wrong cluster). */
    platformMeshes: PlatformMesh[];
  };
  infra: {
    /** Secrets in the instance namespace (and, in argocd mode, the Argo CD cluster Secret's namespace). */
    secrets: SecretMetadata[];
    platformMeshes: PlatformMesh[];
    helmReleases: HelmRelease[];
    kustomizations: Kustomization[];
    applications: Application[];
    ociRepositories: OCIRepository[];
    helmRepositories: HelmRepository[];
    gitRepositories: GitRepository[];
  };
}
