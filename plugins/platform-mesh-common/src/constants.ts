import type { GroupVersionKind } from './types/kubernetes';

/**
 * Catalog annotation that links an entity to a Platform Mesh instance:
 * `platform-mesh.io/instance: <target>/<namespace>/<name>`.
 *
 * @public
 */
export const PLATFORM_MESH_INSTANCE_ANNOTATION = 'platform-mesh.io/instance';

/**
 * The PlatformMesh kind. Always match on the group `core.platform-mesh.io`: the deployer's
 * `deploy.platform-mesh.io` PlatformMesh is a different kind with the same name.
 *
 * @public
 */
export const PLATFORM_MESH_GVK: GroupVersionKind = {
  group: 'core.platform-mesh.io',
  version: 'v1alpha1',
  kind: 'PlatformMesh',
};

/**
 * Label the operator puts on every HelmRelease, Kustomization, Application and AppProject it creates.
 *
 * @alpha
 */
export const OPERATOR_CREATED_LABEL = 'core.platform-mesh.io/operator-created';

/**
 * The finalizer the operator puts on a PlatformMesh. KcpsetupSubroutine and
 * ProvidersecretSubroutine both return it, so operator v0.81.14 writes it twice; only those
 * subroutines remove it again, so with both switched off a deleted PlatformMesh stays Terminating.
 *
 * @alpha
 */
export const PLATFORM_MESH_FINALIZER =
  'platform-mesh.core.platform-mesh.io/finalizer';

/**
 * Data key of the profile in the profile ConfigMap.
 *
 * @alpha
 */
export const PROFILE_CONFIGMAP_KEY = 'profile.yaml';

/**
 * Suffix of the default profile ConfigMap name (`<instance>-profile`).
 *
 * @alpha
 */
export const PROFILE_CONFIGMAP_SUFFIX = '-profile';

/**
 * Field manager this project uses for server-side apply.
 *
 * @alpha
 */
export const FIELD_MANAGER = 'backstage-platform-mesh';

/**
 * Annotation written on the PlatformMesh to make the operator reconcile after a profile-only
 * change (the operator does not watch the profile ConfigMap).
 */
export const PROFILE_HASH_ANNOTATION = 'platform-mesh.io/profile-sha256';

/**
 * Defaults for the Secrets of a remote setup (the how-to's names), all with data key `kubeconfig`.
 *
 * @alpha
 */
export const DEFAULT_SECRETS = {
  /** On the operator cluster, operator namespace: runtime kubeconfig mounted by the operator (`remoteRuntime.secretName`). */
  operatorRuntimeKubeconfig: {
    name: 'platform-mesh-kubeconfig',
    key: 'kubeconfig',
  },
  /** On the operator cluster, operator namespace, only when Operator != Infra (`remoteInfra.secretName`). */
  operatorInfraKubeconfig: {
    name: 'platform-mesh-infra-kubeconfig',
    key: 'kubeconfig',
  },
  /** On the infra cluster, instance namespace: what Flux resolves for `spec.kubeConfig.secretRef` (`remoteRuntime.infra.secretName`). */
  fluxRuntimeKubeconfig: {
    name: 'platform-mesh-runtime-secret',
    key: 'kubeconfig',
  },
  /** On the infra cluster, namespace `argocd`: the Argo CD cluster Secret for the runtime cluster. */
  argocdClusterSecret: {
    name: 'platform-mesh-cluster-secret',
    namespace: 'argocd',
  },
} as const;

/**
 * Default namespace of the operator and of instances.
 *
 * @alpha
 */
export const DEFAULT_NAMESPACE = 'platform-mesh-system';

/**
 * The Secrets the operator's DeploymentSubroutine manages in each PlatformMesh namespace on the
 * runtime cluster, for the rebac-authz webhook (operator v0.81.14 defaults,
 * `subroutines.deployment.authorizationWebhookSecretName` and `...SecretCAName`):
 *
 * - `kubeconfig`: `kcp-webhook-secret`, written by the operator (field manager
 *   `platform-mesh-deployment`, no label);
 * - `certificate`: `rebac-authz-webhook-cert`, cert-manager's output of the operator's Certificate
 *   (annotation `cert-manager.io/certificate-name`); the operator reads its `ca.crt`.
 *
 * @alpha
 */
export const OPERATOR_WEBHOOK_SECRETS = {
  kubeconfig: 'kcp-webhook-secret',
  certificate: 'rebac-authz-webhook-cert',
} as const;

/**
 * The namespace where operator v0.81.14 applies its rebac-authz webhook Issuer and Certificate on
 * the runtime cluster, whatever the instance namespace (its manifests name it; the same objects
 * serve every instance of that cluster).
 */
export const OPERATOR_WEBHOOK_CERTIFICATE_NAMESPACE = 'platform-mesh-system';
