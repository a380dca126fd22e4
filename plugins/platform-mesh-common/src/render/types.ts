import type { KubernetesObject } from '../types/kubernetes';
import type { ClusterRole, InstanceRef } from '../types/status';

/**
 * Which Secret of a setup a descriptor is about.
 *
 * @alpha
 */
export type SetupSecretId =
  | 'operator-runtime-kubeconfig'
  | 'operator-infra-kubeconfig'
  | 'flux-runtime-kubeconfig'
  | 'argocd-cluster';

/**
 * A Secret the setup depends on whose content was not given (no kubeconfig source): it must be
 * created out of band, e.g. by the GitOps user. Carries names only, never values.
 *
 * @alpha
 */
export interface RequiredSecret {
  id: SetupSecretId;
  role: ClusterRole;
  /** The configured cluster name. */
  cluster: string;
  name: string;
  namespace: string;
  /** The data key the consumer reads (the kubeconfig key; `config` for the Argo CD cluster Secret). */
  key: string;
  /** Every data key that must be present. */
  keys: string[];
  /** Labels the Secret must carry (the Argo CD cluster Secret's `argocd.argoproj.io/secret-type`). */
  labels?: Record<string, string>;
  /** The `kubeconfigs` entry its content comes from. */
  source: 'operatorToRuntime' | 'operatorToInfra' | 'infraToRuntime';
  /** What the Secret is for and who reads it. */
  purpose: string;
}

/**
 * A Secret of the setup and whether its content is rendered.
 *
 * @alpha
 */
export interface SetupSecret extends RequiredSecret {
  /** True when its kubeconfig source was given, so the Secret object is rendered. */
  rendered: boolean;
}

/**
 * One object of a render plan, with the cluster it goes to and its place in the apply order.
 *
 * @alpha
 */
export interface PlannedObject {
  role: ClusterRole;
  /** The configured cluster name. */
  cluster: string;
  /** 1-based position in the apply order. */
  order: number;
  object: KubernetesObject;
  /** True for Secrets: never log, output or diff `object` without `redactObject`. */
  sensitive: boolean;
  /** What the object is for, without any data. */
  description: string;
}

/**
 * The operator chart's remote values (`remoteRuntime.*`, `remoteInfra.*`).
 *
 * @alpha
 */
export interface OperatorHelmValues {
  remoteRuntime: {
    enabled: true;
    /** The runtime kubeconfig Secret the operator mounts (operator cluster, operator namespace). */
    secretName: string;
    secretKey: string;
    /** The Secret Flux resolves on the infra cluster, instance namespace (`spec.kubeConfig.secretRef`). */
    infra: { secretName: string; secretKey: string };
  };
  remoteInfra: {
    /** True only when Operator != Infra. */
    enabled: boolean;
    secretName: string;
    secretKey: string;
  };
}

/**
 * Everything a setup renders to.
 *
 * @alpha
 */
export interface RenderPlan {
  /** In apply order. */
  objects: PlannedObject[];
  /** Secrets not rendered because their kubeconfig source was not given. */
  requiredSecrets: RequiredSecret[];
  helmValues: OperatorHelmValues;
  helmValuesYaml: string;
  /** The `platform-mesh.io/instance` catalog annotation value. */
  annotation: string;
  instanceRef: InstanceRef;
  /** The rendered `profile.yaml`. */
  profileYaml: string;
  /** SHA-256 (hex) of `profileYaml`, written to the PlatformMesh's profile-hash annotation, when used. */
  profileHash?: string;
}
