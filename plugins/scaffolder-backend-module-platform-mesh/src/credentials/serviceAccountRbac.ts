import {
  type ClusterRole,
  type KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  RENDERED_OBJECT_LABELS,
  type ResolvedPlatformMeshSetup,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/**
 * The ClusterRole the operator's ServiceAccount gets on the runtime cluster (bound by the
 * ClusterRoleBinding `<role>:<operator namespace>`, both written by an administrator once:
 * `examples/rbac/operator-identities.yaml`).
 *
 * @public
 */
export const OPERATOR_RUNTIME_ROLE = 'platform-mesh-operator-runtime';

/**
 * The ClusterRole the operator's ServiceAccount gets on the infra cluster when Operator != Infra
 * (the name of the upstream local setup).
 *
 * @public
 */
export const OPERATOR_INFRA_ROLE = 'platform-mesh-operator-deployment';

/**
 * The ClusterRole of the identity Flux or Argo CD uses to install the operator's charts on the
 * runtime cluster.
 *
 * @public
 */
export const GITOPS_RUNTIME_ROLE = 'platform-mesh-gitops-runtime';

/** The operator's ServiceAccount on the runtime (and infra) cluster. */
export const OPERATOR_SERVICE_ACCOUNT = 'platform-mesh-operator';

/** The ServiceAccount Flux / Argo CD use on the runtime cluster. */
export const GITOPS_SERVICE_ACCOUNT = 'platform-mesh-gitops';

/** Which kubeconfig of the setup a ServiceAccount token feeds. */
export type KubeconfigSourceId =
  | 'operatorToRuntime'
  | 'operatorToInfra'
  | 'infraToRuntime';

/** A ServiceAccount whose token becomes one kubeconfig of the setup. */
export interface ServiceAccountRef {
  source: KubeconfigSourceId;
  role: ClusterRole;
  /** The configured cluster the ServiceAccount lives on. */
  cluster: string;
  namespace: string;
  name: string;
}

/** An object of the ServiceAccount RBAC, with where it goes. */
interface RbacObject {
  role: ClusterRole;
  cluster: string;
  object: KubernetesObject;
  description: string;
}

const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const READ = ['get', 'list', 'watch'];

/**
 * What the operator does on the runtime cluster (facts §1.4, §3.1, §4): reconciles the
 * PlatformMesh (status, finalizer), reads the profile ConfigMap, writes OCM Resources, kcp and
 * provider Secrets, the rebac-authz webhook Issuer/Certificate, restarts kcp pods when the CA
 * changes, waits for RootShard/FrontProxy and cert-manager CRDs, and runs ManagedProviders.
 */
const OPERATOR_RUNTIME_RULES = [
  {
    apiGroups: ['core.platform-mesh.io'],
    resources: ['platformmeshes'],
    verbs: ['get', 'list', 'watch', 'update', 'patch'],
  },
  {
    apiGroups: ['core.platform-mesh.io'],
    resources: ['platformmeshes/status'],
    verbs: ['get', 'update', 'patch'],
  },
  {
    apiGroups: ['core.platform-mesh.io'],
    resources: ['platformmeshes/finalizers'],
    verbs: ['update'],
  },
  {
    apiGroups: ['providers.platform-mesh.io'],
    resources: ['*'],
    verbs: ALL,
  },
  { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ALL },
  {
    apiGroups: [''],
    resources: ['namespaces'],
    verbs: ['get', 'list', 'watch', 'create'],
  },
  // the manager's cached client watches pods (seen with the real operator v0.81.14: without
  // `watch` its log shows a Forbidden error every 2 s)
  {
    apiGroups: [''],
    resources: ['pods'],
    verbs: ['get', 'list', 'watch', 'delete'],
  },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
  { apiGroups: ['delivery.ocm.software'], resources: ['*'], verbs: ALL },
  {
    apiGroups: ['operator.kcp.io'],
    resources: ['rootshards', 'frontproxies'],
    verbs: READ,
  },
  {
    apiGroups: ['apiextensions.k8s.io'],
    resources: ['customresourcedefinitions'],
    verbs: READ,
  },
  {
    apiGroups: ['cert-manager.io'],
    resources: ['certificates', 'issuers'],
    verbs: ALL,
  },
];

/**
 * What the operator does on the infra cluster when Operator != Infra (facts §3.2, §1.4): writes
 * HelmReleases, Kustomizations and Flux sources, or Argo CD Applications and the AppProject,
 * checks the Wait resources, and reads the istio-istiod release.
 */
const OPERATOR_INFRA_RULES = [
  {
    apiGroups: ['helm.toolkit.fluxcd.io'],
    resources: ['helmreleases'],
    verbs: ALL,
  },
  {
    apiGroups: ['kustomize.toolkit.fluxcd.io'],
    resources: ['kustomizations'],
    verbs: ALL,
  },
  {
    apiGroups: ['source.toolkit.fluxcd.io'],
    resources: ['ocirepositories', 'helmrepositories', 'gitrepositories'],
    verbs: ALL,
  },
  {
    apiGroups: ['argoproj.io'],
    resources: ['applications', 'appprojects'],
    verbs: ALL,
  },
  {
    apiGroups: [''],
    resources: ['namespaces'],
    verbs: ['get', 'list', 'watch', 'create'],
  },
  { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ALL },
  { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
];

/**
 * Flux's helm-controller (or Argo CD) installs the operator's charts on the runtime cluster with
 * this identity. Charts create CRDs, ClusterRoles, webhooks and namespaces, so this is the
 * cluster-admin equivalent that any remote Helm deployer needs; it is a separate identity so
 * that the operator's own ServiceAccount stays least-privileged.
 */
const GITOPS_RUNTIME_RULES = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
];

function labels(): Record<string, string> {
  return { ...RENDERED_OBJECT_LABELS };
}

/** A ClusterRole of an identity the apply creates, and the ServiceAccount it is bound to. */
interface OperatorIdentity {
  clusterRole: string;
  serviceAccount: string;
  rules: object[];
}

/** The three identities: what an administrator binds once per operator namespace. */
const IDENTITIES: OperatorIdentity[] = [
  {
    clusterRole: OPERATOR_RUNTIME_ROLE,
    serviceAccount: OPERATOR_SERVICE_ACCOUNT,
    rules: OPERATOR_RUNTIME_RULES,
  },
  {
    clusterRole: OPERATOR_INFRA_ROLE,
    serviceAccount: OPERATOR_SERVICE_ACCOUNT,
    rules: OPERATOR_INFRA_RULES,
  },
  {
    clusterRole: GITOPS_RUNTIME_ROLE,
    serviceAccount: GITOPS_SERVICE_ACCOUNT,
    rules: GITOPS_RUNTIME_RULES,
  },
];

/** The ClusterRole and its binding `<role>:<namespace>` to the ServiceAccount in `namespace`. */
function identityObjects(
  identity: OperatorIdentity,
  namespace: string,
): KubernetesObject[] {
  const { clusterRole, serviceAccount, rules } = identity;
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: clusterRole, labels: labels() },
      rules,
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      // One binding per ServiceAccount namespace: targets that share a cluster with different
      // operator namespaces do not take the binding from each other.
      metadata: { name: `${clusterRole}:${namespace}`, labels: labels() },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: clusterRole,
      },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    } as KubernetesObject,
  ];
}

/**
 * What an administrator applies ONCE per cluster and operator namespace, and no Backstage identity
 * may write: the ClusterRoles of the operator's and Flux's (Argo CD's) ServiceAccounts and their
 * ClusterRoleBindings `<role>:<operator namespace>`. `examples/rbac/operator-identities.yaml` is
 * this for `platform-mesh-system`. Binding them needs `bind`/`escalate` on roles that are (or
 * include) cluster-admin, so the applier must not hold those verbs: it could bind them to itself.
 *
 * @param operatorNamespace - the namespace of the ServiceAccounts
 * @internal
 */
export function operatorIdentityRbac(
  operatorNamespace: string,
): KubernetesObject[] {
  return IDENTITIES.flatMap(identity =>
    identityObjects(identity, operatorNamespace),
  );
}

function serviceAccountObjects(
  role: ClusterRole,
  cluster: string,
  namespace: string,
  serviceAccount: string,
  clusterRole: string,
  purpose: string,
  withAdministratorRbac: boolean,
): RbacObject[] {
  const result: RbacObject[] = [
    {
      role,
      cluster,
      description: `ServiceAccount ${purpose}`,
      object: {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: serviceAccount, namespace, labels: labels() },
      },
    },
  ];
  if (withAdministratorRbac) {
    const identity = IDENTITIES.find(i => i.clusterRole === clusterRole)!;
    const [roleObject, binding] = identityObjects(identity, namespace);
    result.push(
      {
        role,
        cluster,
        description: `permissions of ${purpose}`,
        object: roleObject,
      },
      {
        role,
        cluster,
        description: `binds ${clusterRole} to ${namespace}/${serviceAccount}`,
        object: binding,
      },
    );
  }
  return result;
}

/**
 * The ServiceAccounts whose tokens become the setup's kubeconfigs. They live in the operator
 * namespace on the runtime (and infra) cluster, one set per target: the operator runs once per
 * target, so its identity is shared by the target's instances.
 *
 * - runtime: `platform-mesh-operator` (bound to {@link OPERATOR_RUNTIME_ROLE}, the operator's
 *   runtime kubeconfig) and `platform-mesh-gitops` (bound to {@link GITOPS_RUNTIME_ROLE}, Flux's /
 *   Argo CD's runtime kubeconfig);
 * - infra, only when Operator != Infra: `platform-mesh-operator` (bound to
 *   {@link OPERATOR_INFRA_ROLE}).
 *
 * The apply writes the ServiceAccounts only: their ClusterRoles and bindings are an
 * administrator's one-time step ({@link operatorIdentityRbac}), so that the applier needs no
 * `bind` or `escalate`. `withAdministratorRbac` adds them, for the rendered GitOps folders that an
 * administrator applies.
 *
 * @param resolved - the resolved setup
 * @param options - `withAdministratorRbac`: also the ClusterRoles and their bindings
 */
export function serviceAccountRbac(
  resolved: ResolvedPlatformMeshSetup,
  options: { withAdministratorRbac?: boolean } = {},
): {
  objects: RbacObject[];
  serviceAccounts: ServiceAccountRef[];
} {
  const withAdministratorRbac = options.withAdministratorRbac ?? false;
  const namespace = resolved.operatorNamespace;
  const { runtime, infra } = resolved.clusters;
  const nsObject = (role: ClusterRole, cluster: string): RbacObject => ({
    role,
    cluster,
    description: 'namespace of the ServiceAccounts',
    object: {
      apiVersion: 'v1',
      kind: 'Namespace',
      // our label, so that a re-run finds it unchanged (as the rendered Namespaces)
      metadata: { name: namespace, labels: { ...RENDERED_OBJECT_LABELS } },
    },
  });
  const objects: RbacObject[] = [
    nsObject('runtime', runtime),
    ...serviceAccountObjects(
      'runtime',
      runtime,
      namespace,
      OPERATOR_SERVICE_ACCOUNT,
      OPERATOR_RUNTIME_ROLE,
      'the operator uses on the runtime cluster',
      withAdministratorRbac,
    ),
    ...serviceAccountObjects(
      'runtime',
      runtime,
      namespace,
      GITOPS_SERVICE_ACCOUNT,
      GITOPS_RUNTIME_ROLE,
      `${
        resolved.deploymentTechnology === 'argocd' ? 'Argo CD' : 'Flux'
      } uses to install the charts on the runtime cluster`,
      withAdministratorRbac,
    ),
  ];
  const serviceAccounts: ServiceAccountRef[] = [
    {
      source: 'operatorToRuntime',
      role: 'runtime',
      cluster: runtime,
      namespace,
      name: OPERATOR_SERVICE_ACCOUNT,
    },
    {
      source: 'infraToRuntime',
      role: 'runtime',
      cluster: runtime,
      namespace,
      name: GITOPS_SERVICE_ACCOUNT,
    },
  ];
  if (!resolved.operatorIsInfra) {
    objects.push(
      nsObject('infra', infra),
      ...serviceAccountObjects(
        'infra',
        infra,
        namespace,
        OPERATOR_SERVICE_ACCOUNT,
        OPERATOR_INFRA_ROLE,
        'the operator uses on the infra cluster',
        withAdministratorRbac,
      ),
    );
    serviceAccounts.push({
      source: 'operatorToInfra',
      role: 'infra',
      cluster: infra,
      namespace,
      name: OPERATOR_SERVICE_ACCOUNT,
    });
  }
  return { objects, serviceAccounts };
}
