/**
 * The backend's answer for one Platform Mesh instance, shared by the backend, the actions registry
 * action and the frontend card. This file is part of the HTTP API contract (`design.md`).
 */

/**
 * Health of one object or of a whole instance, following kstatus semantics.
 *
 * @public
 */
export type Health =
  | 'healthy'
  | 'progressing'
  | 'degraded'
  | 'failed'
  | 'suspended'
  | 'unknown';

/**
 * The three cluster roles of a remote Platform Mesh deployment.
 *
 * @public
 */
export type ClusterRole = 'operator' | 'runtime' | 'infra';

/**
 * Why a cluster could not be read.
 *
 * @public
 */
export type ClusterErrorType =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'crd-missing'
  | 'not-found'
  | 'unknown';

/**
 * A typed per-cluster error. Carried as data next to what the other clusters returned; its message
 * never contains credentials.
 *
 * @public
 */
export interface ClusterError {
  type: ClusterErrorType;
  message: string;
  /** The resource the failing call was about, e.g. `helmreleases.helm.toolkit.fluxcd.io`. */
  resource?: string;
  /** HTTP status code of the failing call, when there was a response. */
  statusCode?: number;
}

/**
 * Reachability of the cluster that plays one role for an instance.
 *
 * @public
 */
export interface ClusterRoleStatus {
  /** The configured cluster name (never its URL). */
  name: string;
  reachable: boolean;
  /** When the data for this cluster was last known to be current (ISO 8601). */
  observedAt?: string;
  error?: ClusterError;
}

/**
 * Reference to an instance: `<target>/<namespace>/<name>`.
 *
 * @public
 */
export interface InstanceRef {
  target: string;
  namespace: string;
  name: string;
}

/**
 * The pipeline steps of the PlatformMesh controller, in order.
 *
 * @public
 */
export type PipelineStep =
  | 'DeploymentSubroutine'
  | 'KcpsetupSubroutine'
  | 'ProvidersecretSubroutine'
  | 'FeatureToggleSubroutine'
  | 'WaitSubroutine'
  | 'Ready';

/**
 * One PlatformMesh condition, mapped onto its pipeline step.
 *
 * @public
 */
export interface ConditionStatus {
  step: PipelineStep;
  /** The condition type as found on the object (`KcpsetupSubroutine` or the older `KcpsetupSubroutine_Ready`). */
  type: string;
  status: 'True' | 'False' | 'Unknown' | 'Missing';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
  /** The condition's observedGeneration is behind `metadata.generation`. */
  stale: boolean;
  /**
   * The condition is left over from an earlier run of the chain although it carries the current
   * observedGeneration: the operator's conditions manager only updates the conditions of the
   * subroutines a run reaches, so a subroutine that was switched off or not reached again keeps its
   * old condition. Decided from the current `Ready` condition (see `conditionPipeline`). A leftover
   * never makes the instance failed and is never the blocking step; its `health` is `unknown`.
   */
  leftover: boolean;
  /**
   * A subroutine condition still `Unknown`/`Unknown` ("awaiting first reconciliation for X") after
   * the step the chain stops at: the current run has not got there. Its `health` is `unknown`
   * (nothing is running there), not `progressing`. Absent when false.
   */
  notReached?: boolean;
  /**
   * `healthy`, `progressing`, `failed` from the condition itself (see `conditionStepHealth`);
   * `unknown` for a missing, leftover or not-reached step.
   */
  health: Health;
}

/**
 * A HelmRelease or Argo CD Application the operator created for an instance.
 *
 * @public
 */
export interface ReleaseStatus {
  kind: 'HelmRelease' | 'Application' | 'Kustomization';
  name: string;
  namespace: string;
  health: Health;
  reason?: string;
  message?: string;
  chart?: string;
  version?: string;
  appVersion?: string;
  /** HelmRelease only: the Helm release revision of `status.history[0]` (1 after the install, +1 per upgrade or rollback). */
  revision?: number;
  suspended: boolean;
  /** When the condition that explains `reason` last changed status: how long the release has been in this state. */
  lastTransitionTime?: string;
  /**
   * HelmRelease only: failed attempts for the current generation (the largest of `status.failures`,
   * `installFailures` and `upgradeFailures` when `lastAttemptedGeneration` is `metadata.generation`).
   * Absent when there are none.
   */
  failures?: number;
  /** Flux: `spec.kubeConfig.secretRef` is set; Argo CD: `destination.server` is not the in-cluster API. */
  targetsRemoteCluster: boolean;
  /**
   * HelmRelease only: the source `spec.chartRef` names, as `<Kind>/<name>` (e.g.
   * `OCIRepository/portal`): what the chart comes from before the first install has a history.
   */
  chartSource?: string;
  /** HelmRelease only: `status.lastAttemptedRevision`, the chart version Flux last tried. */
  lastAttemptedRevision?: string;
  /** Argo CD Application only: `status.sync.status` (`Synced`, `OutOfSync`, `Unknown`). */
  syncStatus?: string;
  /** Argo CD Application only: `status.health.status` (`Healthy`, `Progressing`, `Degraded`, …). */
  healthStatus?: string;
}

/**
 * A Flux source (OCIRepository, HelmRepository, GitRepository).
 *
 * @public
 */
export interface SourceStatus {
  kind: 'OCIRepository' | 'HelmRepository' | 'GitRepository';
  name: string;
  namespace: string;
  health: Health;
  reason?: string;
  message?: string;
  url?: string;
  revision?: string;
}

/**
 * A Secret the setup depends on. Never carries a value.
 *
 * @public
 */
export interface SecretStatus {
  role: ClusterRole;
  name: string;
  namespace: string;
  key: string;
  /** What the Secret is for, e.g. "runtime kubeconfig mounted by the operator". */
  purpose: string;
  present: boolean;
  keyPresent: boolean;
}

/**
 * Severity of a diagnostic finding.
 *
 * @public
 */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * Identifiers of the diagnostic rules (design.md's troubleshooting table).
 *
 * @public
 */
export type DiagnosticId =
  | 'operator-kubeconfig-secret'
  | 'infra-kubeconfig-secret'
  | 'cr-on-wrong-cluster'
  | 'not-reconciled'
  | 'profile-missing'
  | 'flux-kubeconfig-secret'
  | 'helmrelease-missing-kubeconfig'
  | 'source-missing'
  | 'argocd-destination'
  | 'instance-terminating'
  | 'namespace-shared'
  | 'release-retries-exceeded'
  | 'release-kubeconfig-error'
  | 'release-chart-render-failed'
  | 'release-namespace-missing'
  | 'release-rolled-back'
  | 'pipeline-stopped'
  | 'read-failed';

/**
 * One finding of the diagnostics, with what to do about it.
 *
 * @public
 */
export interface Diagnostic {
  id: DiagnosticId;
  severity: DiagnosticSeverity;
  cluster: ClusterRole;
  summary: string;
  detail: string;
  hint: string;
}

/**
 * A PlatformMesh that is being deleted and waits for its finalizers.
 *
 * @public
 */
export interface InstanceDeletion {
  /** `metadata.deletionTimestamp` (ISO 8601). */
  since: string;
  /**
   * `metadata.finalizers` exactly as on the object, in order and with duplicates: the operator
   * v0.81.14 adds `platform-mesh.core.platform-mesh.io/finalizer` twice (KcpsetupSubroutine and
   * ProvidersecretSubroutine both return it). Use `countFinalizers` to show them deduplicated.
   */
  finalizers: string[];
}

/**
 * The aggregated status of one Platform Mesh instance.
 *
 * @public
 */
export interface InstanceStatus {
  instance: InstanceRef & {
    /** `metadata.generation` of the PlatformMesh, when it was found. */
    generation?: number;
    overall: Health;
    /** When the cache last saw the PlatformMesh object (ISO 8601). */
    observedAt?: string;
    /** `fluxcd` or `argocd`. */
    deploymentTechnology: DeploymentTechnology;
    /** Present while the PlatformMesh is being deleted (`metadata.deletionTimestamp` is set). */
    deletion?: InstanceDeletion;
  };
  conditions: ConditionStatus[];
  releases: ReleaseStatus[];
  sources: SourceStatus[];
  secrets: SecretStatus[];
  diagnostics: Diagnostic[];
  clusters: Record<ClusterRole, ClusterRoleStatus>;
  /** `status.kcpWorkspaces` of the PlatformMesh, as the operator wrote it (absent when it wrote none). */
  kcpWorkspaces?: KcpWorkspaceStatus[];
  /**
   * The OCM `delivery.ocm.software` Resources the operator created for the instance on the runtime
   * cluster. Absent when they could not be read (the runtime cluster's status says why, or the
   * Resource CRD is not installed); an empty list is a checked "none".
   */
  ocmResources?: OcmResourceStatus[];
  /**
   * Why `ocmResources` is absent (e.g. `forbidden`, or `crd-missing` when the Resource CRD is not
   * installed). Informational: it does not make the runtime cluster unread nor the instance unknown.
   */
  ocmResourcesError?: ClusterError;
}

/**
 * One entry of the PlatformMesh's `status.kcpWorkspaces`.
 *
 * @public
 */
export interface KcpWorkspaceStatus {
  name: string;
  phase: string;
}

/**
 * An OCM `delivery.ocm.software/v1alpha1` Resource on the runtime cluster, with its readiness.
 *
 * @public
 */
export interface OcmResourceStatus {
  name: string;
  namespace: string;
  health: Health;
  reason?: string;
  message?: string;
  /** The resource name inside the OCM component (`spec.resource.byReference.resource.name`). */
  resourceName?: string;
  /** The component version it resolved, when its status says. */
  version?: string;
}

/**
 * How the operator deploys components on the infra cluster.
 *
 * @public
 */
export type DeploymentTechnology = 'fluxcd' | 'argocd';

/**
 * A configured target as the API shows it: names only, no URLs or credentials.
 *
 * @public
 */
export interface TargetSummary {
  name: string;
  operatorCluster: string;
  runtimeCluster: string;
  infraCluster: string;
  /** True when the operator's own cluster is also the infra cluster (Operator == Infra). */
  operatorIsInfra: boolean;
  deploymentTechnology: DeploymentTechnology;
  namespace: string;
}

/**
 * An instance found on a target's runtime cluster.
 *
 * @public
 */
export interface InstanceSummary extends InstanceRef {
  overall: Health;
  ready: ConditionStatus['status'];
  annotation: string;
}

/**
 * The answer of `GET /targets/:target/instances`: the PlatformMesh instances found on the target's
 * runtime cluster, and whether that cluster could be read (the list may be stale or empty when not).
 *
 * @public
 */
export interface InstanceList {
  items: InstanceSummary[];
  cluster: ClusterRoleStatus;
}
