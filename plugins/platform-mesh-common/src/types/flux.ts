import type { Condition, KubernetesObject } from './kubernetes';

/**
 * Structural types for the Flux objects the Platform Mesh operator creates on the infra cluster:
 * `helm.toolkit.fluxcd.io/v2` HelmRelease, `source.toolkit.fluxcd.io/v1` OCIRepository,
 * HelmRepository and GitRepository, and `kustomize.toolkit.fluxcd.io/v1` Kustomization. Only the
 * fields this project reads are typed; everything else stays reachable through `KubernetesObject`.
 */

/**
 * A reference to a key of a Secret in the referring object's namespace (`meta.SecretKeyReference`).
 * Flux uses the key `value` when `key` is omitted, and then falls back to `value.yaml`.
 *
 * @public
 */
export interface FluxSecretKeyReference {
  name: string;
  key?: string;
}

/**
 * `spec.kubeConfig` of a HelmRelease or Kustomization: the kubeconfig of the cluster Flux deploys
 * to, resolved in the object's namespace on the cluster where Flux runs.
 *
 * @public
 */
export interface FluxKubeConfigReference {
  secretRef?: FluxSecretKeyReference;
  configMapRef?: { name: string };
}

/**
 * A reference to a Flux source, optionally in another namespace
 * (defaults to the namespace of the referring object).
 *
 * @public
 */
export interface FluxCrossNamespaceSourceReference {
  apiVersion?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * A `dependsOn` entry of a HelmRelease or Kustomization.
 *
 * @public
 */
export interface FluxDependencyReference {
  name: string;
  namespace?: string;
}

/**
 * The artifact a Flux source produced (`status.artifact`).
 *
 * @public
 */
export interface FluxArtifact {
  path?: string;
  url?: string;
  revision?: string;
  digest?: string;
  lastUpdateTime?: string;
  size?: number;
  metadata?: Record<string, string>;
}

/**
 * The status fields every Flux object shares.
 *
 * @public
 */
export interface FluxObjectStatus {
  conditions?: Condition[];
  /** Flux writes this only when the object is Ready or Stalled; conditions carry their own. */
  observedGeneration?: number;
  lastHandledReconcileAt?: string;
}

/**
 * Remediation settings of a HelmRelease's install or upgrade (`retries: -1` retries forever).
 *
 * @public
 */
export interface HelmReleaseRemediation {
  retries?: number;
  ignoreTestFailures?: boolean;
  remediateLastFailure?: boolean;
  strategy?: 'rollback' | 'uninstall';
}

/**
 * `spec.chart`: the template of the HelmChart the controller creates (the older chart form).
 *
 * @public
 */
export interface HelmChartTemplate {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    chart: string;
    version?: string;
    sourceRef: FluxCrossNamespaceSourceReference;
    interval?: string;
    reconcileStrategy?: string;
    valuesFiles?: string[];
  };
}

/**
 * `spec` of a `helm.toolkit.fluxcd.io/v2` HelmRelease.
 *
 * @public
 */
export interface HelmReleaseSpec {
  /** `chartRef` (an OCIRepository or HelmChart) and `chart` are mutually exclusive. */
  chartRef?: FluxCrossNamespaceSourceReference;
  chart?: HelmChartTemplate;
  interval?: string;
  kubeConfig?: FluxKubeConfigReference;
  suspend?: boolean;
  releaseName?: string;
  targetNamespace?: string;
  storageNamespace?: string;
  dependsOn?: FluxDependencyReference[];
  timeout?: string;
  maxHistory?: number;
  serviceAccountName?: string;
  install?: {
    createNamespace?: boolean;
    crds?: string;
    disableWait?: boolean;
    remediation?: HelmReleaseRemediation;
  };
  upgrade?: { crds?: string; remediation?: HelmReleaseRemediation };
  test?: { enable?: boolean; ignoreFailures?: boolean };
  rollback?: Record<string, unknown>;
  uninstall?: Record<string, unknown>;
  values?: Record<string, unknown>;
  valuesFrom?: Array<{
    kind: 'ConfigMap' | 'Secret';
    name: string;
    valuesKey?: string;
    targetPath?: string;
    optional?: boolean;
  }>;
}

/**
 * One Helm release revision in `status.history` (newest first).
 *
 * @public
 */
export interface HelmReleaseSnapshot {
  name: string;
  namespace: string;
  /** The Helm release revision number. */
  version: number;
  status: string;
  chartName: string;
  chartVersion: string;
  appVersion?: string;
  digest?: string;
  configDigest?: string;
  firstDeployed?: string;
  lastDeployed?: string;
  deleted?: string;
  ociDigest?: string;
  testHooks?: Record<
    string,
    { lastStarted?: string; lastCompleted?: string; phase?: string }
  >;
}

/**
 * `status` of a HelmRelease.
 *
 * @public
 */
export interface HelmReleaseStatus extends FluxObjectStatus {
  helmChart?: string;
  storageNamespace?: string;
  history?: HelmReleaseSnapshot[];
  lastAttemptedGeneration?: number;
  lastAttemptedRevision?: string;
  lastAttemptedRevisionDigest?: string;
  lastAttemptedConfigDigest?: string;
  lastAttemptedReleaseAction?: 'install' | 'upgrade';
  lastReleaseRevision?: number;
  failures?: number;
  installFailures?: number;
  upgradeFailures?: number;
}

/**
 * A `helm.toolkit.fluxcd.io/v2` HelmRelease. Its conditions are `Ready`, `Reconciling`, `Stalled`,
 * `Released`, `TestSuccess` and `Remediated`.
 *
 * @public
 */
export interface HelmRelease extends KubernetesObject {
  kind: 'HelmRelease';
  spec?: HelmReleaseSpec;
  status?: HelmReleaseStatus;
}

/**
 * `spec` fields the three source kinds share.
 *
 * @public
 */
export interface FluxSourceSpec {
  url?: string;
  interval?: string;
  timeout?: string;
  suspend?: boolean;
  secretRef?: { name: string };
  provider?: string;
  insecure?: boolean;
}

/**
 * `status` of a Flux source.
 *
 * @public
 */
export interface FluxSourceStatus extends FluxObjectStatus {
  url?: string;
  artifact?: FluxArtifact;
}

/**
 * A `source.toolkit.fluxcd.io/v1` OCIRepository (the default chart source of operator-created
 * HelmReleases, named like the release).
 *
 * @public
 */
export interface OCIRepository extends KubernetesObject {
  kind: 'OCIRepository';
  spec?: FluxSourceSpec & {
    ref?: {
      tag?: string;
      semver?: string;
      semverFilter?: string;
      digest?: string;
    };
    layerSelector?: { mediaType?: string; operation?: 'extract' | 'copy' };
  };
  status?: FluxSourceStatus;
}

/**
 * A `source.toolkit.fluxcd.io/v1` HelmRepository. One of `type: oci` is a static object that the
 * source-controller does not reconcile: it has no conditions.
 *
 * @public
 */
export interface HelmRepository extends KubernetesObject {
  kind: 'HelmRepository';
  spec?: FluxSourceSpec & {
    type?: 'default' | 'oci';
    passCredentials?: boolean;
  };
  status?: FluxSourceStatus;
}

/**
 * A `source.toolkit.fluxcd.io/v1` GitRepository.
 *
 * @public
 */
export interface GitRepository extends KubernetesObject {
  kind: 'GitRepository';
  spec?: FluxSourceSpec & {
    ref?: {
      branch?: string;
      tag?: string;
      semver?: string;
      name?: string;
      commit?: string;
    };
  };
  status?: FluxSourceStatus;
}

/**
 * Any of the Flux source kinds this project reads.
 *
 * @public
 */
export type FluxSource = OCIRepository | HelmRepository | GitRepository;

/**
 * A `kustomize.toolkit.fluxcd.io/v1` Kustomization (the operator creates `gateway-api`).
 *
 * @public
 */
export interface Kustomization extends KubernetesObject {
  kind: 'Kustomization';
  spec?: {
    sourceRef: FluxCrossNamespaceSourceReference;
    path?: string;
    interval?: string;
    retryInterval?: string;
    timeout?: string;
    prune?: boolean;
    wait?: boolean;
    force?: boolean;
    suspend?: boolean;
    targetNamespace?: string;
    dependsOn?: FluxDependencyReference[];
    kubeConfig?: FluxKubeConfigReference;
    serviceAccountName?: string;
  };
  status?: FluxObjectStatus & {
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
  };
}
