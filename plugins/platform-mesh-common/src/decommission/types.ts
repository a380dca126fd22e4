import type { KubernetesObject } from '../types/kubernetes';
import type { ClusterRole, InstanceRef } from '../types/status';

/**
 * An object on one cluster of a target, named the way the decommission reports it.
 *
 * @alpha
 */
export interface DecommissionObjectRef {
  role: ClusterRole;
  /** The configured cluster name. */
  cluster: string;
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
}

/**
 * An object read from a cluster while taking stock of an instance, with where it was read.
 *
 * @alpha
 */
export interface InventoryObject {
  role: ClusterRole;
  cluster: string;
  /** As the API server returned it, `metadata.managedFields` included. */
  object: KubernetesObject;
}

/**
 * What exists of an instance and its neighbours, read from the target's clusters: the input of
 * {@link planDecommission}.
 *
 * @alpha
 */
export interface DecommissionInventory {
  ref: InstanceRef;
  /** The configured cluster name of each role. */
  clusters: Record<ClusterRole, string>;
  /** The operator namespace of the target (where the per-target objects live). */
  operatorNamespace: string;
  /**
   * Every PlatformMesh of the target on the runtime cluster (in the target's namespaces), the
   * instance's own included when it still exists.
   */
  platformMeshes: KubernetesObject[];
  /**
   * The candidates: the operator-created releases, their sources and the OCM Resources in the
   * instance namespace, and the objects our apply writes (profile ConfigMap, kubeconfig Secrets,
   * ServiceAccounts), each read by name.
   */
  objects: InventoryObject[];
}

/**
 * The steps of a decommission, in the order they run. Each step's objects are gone before the
 * next step starts.
 *
 * - `platform-mesh`: the PlatformMesh (the operator's finalizer goes first);
 * - `releases`: the operator-created HelmReleases, Kustomizations and Argo CD Applications (Flux
 *   and Argo CD uninstall from the runtime cluster, through the kubeconfig Secrets still there);
 * - `ocm-resources`: the OCM Resources on the runtime cluster (the operator's ResourceSubroutine
 *   writes the sources from them, so they go before the sources);
 * - `sources`: the releases' Flux sources;
 * - `webhook-secrets`: the operator's authorization-webhook Secrets in the instance namespace on the
 *   runtime cluster (`kcp-webhook-secret`, and cert-manager's `rebac-authz-webhook-cert`);
 * - `setup`: the profile ConfigMap, kubeconfig Secrets and ServiceAccounts our apply created.
 *
 * @alpha
 */
export type DecommissionStepId =
  | 'platform-mesh'
  | 'releases'
  | 'ocm-resources'
  | 'sources'
  | 'webhook-secrets'
  | 'setup';

/**
 * One step of a {@link DecommissionPlan}.
 *
 * @alpha
 */
export interface DecommissionStep {
  id: DecommissionStepId;
  /** What the step removes, for logs. */
  title: string;
  objects: DecommissionObjectRef[];
}

/**
 * An object of the instance that the decommission leaves in place, and why.
 *
 * @alpha
 */
export interface KeptObject extends DecommissionObjectRef {
  reason: string;
}

/**
 * What a decommission removes, in which order, and what it keeps.
 *
 * @alpha
 */
export interface DecommissionPlan {
  ref: InstanceRef;
  /** Every step, in order (a step may have no objects). */
  steps: DecommissionStep[];
  kept: KeptObject[];
}
