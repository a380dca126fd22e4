import type { TargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * One Kubernetes cluster this package may talk to, read from `platformMesh.clusters` or from the
 * Kubernetes plugin's config cluster locator.
 *
 * @remarks
 * Holds credentials (`serviceAccountToken`): never log, serialize or return it.
 *
 * @public
 */
export interface PlatformMeshClusterDetails {
  /** Unique cluster name; targets refer to it. */
  name: string;
  /** API server URL (backend only: never sent to the browser or into error messages). */
  url: string;
  /** `serviceAccount` or the key of a registered credential provider. */
  authProvider: string;
  /** Static bearer token for `authProvider: serviceAccount`. Secret. */
  serviceAccountToken?: string;
  /** Base64-encoded PEM certificate authority bundle. */
  caData?: string;
  /** Path of a PEM certificate authority file. */
  caFile?: string;
  /** Skip TLS verification (always true for `http://` URLs). */
  skipTLSVerify: boolean;
  /** Where the entry was read from, e.g. `platformMesh.clusters[0]`. */
  configPath: string;
}

/**
 * A Secret reference `{ name, key }` of a remote setup.
 *
 * @public
 */
export interface SecretKeyRef {
  name: string;
  key: string;
}

/**
 * The kubeconfig Secrets of a target, after defaults were applied.
 *
 * @public
 */
export interface TargetSecretNames {
  /** Runtime kubeconfig mounted by the operator (operator cluster, operator namespace). */
  operatorRuntimeKubeconfig: SecretKeyRef;
  /** Infra kubeconfig mounted by the operator when Operator != Infra (operator cluster). */
  operatorInfraKubeconfig: SecretKeyRef;
  /** Runtime kubeconfig Flux resolves for `spec.kubeConfig.secretRef` (infra cluster). */
  fluxRuntimeKubeconfig: SecretKeyRef;
}

/**
 * A configured target (one remote deployment) with every default applied.
 *
 * @remarks
 * `runtimeServerUrl` is a cluster URL: use {@link toTargetSummary} for anything that leaves the
 * backend.
 *
 * @public
 */
export interface PlatformMeshTarget extends TargetSummary {
  /** Namespace of the operator on the operator cluster. */
  operatorNamespace: string;
  /**
   * Namespaces (names or `*` patterns) where instances of this target may live: the actions refuse
   * any other namespace before the first cluster call, and the backend lists only instances in
   * them. Defaults to `[namespace]`.
   */
  namespaces: string[];
  /** The runtime API URL as the operator and the infra cluster see it. */
  runtimeServerUrl: string;
  /** Names and keys of the kubeconfig Secrets. */
  secrets: TargetSecretNames;
  /** Where the entry was read from, e.g. `platformMesh.targets[0]`. */
  configPath: string;
}

/**
 * The whole validated `platformMesh` configuration.
 *
 * @public
 */
export interface PlatformMeshConfig {
  clusters: PlatformMeshClusterDetails[];
  /** `platformMesh.clusters` or `kubernetes.clusterLocatorMethods`. */
  clusterSource: 'platformMesh' | 'kubernetes' | 'none';
  targets: PlatformMeshTarget[];
  /** Full re-list interval of the status cache and discovery cache lifetime, in seconds. */
  resyncSeconds: number;
  /** Timeout of every API request, in milliseconds. */
  requestTimeoutMs: number;
  /**
   * Seconds the operator gets before `not-reconciled` and `source-missing` are reported
   * (`platformMesh.diagnostics.gracePeriodSeconds`).
   */
  diagnosticsGracePeriodSeconds: number;
}
