import {
  type ClusterRole,
  type KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  renderPlan,
  resolveSetup,
  type PlatformMeshSetup,
  type RenderPlan,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  serviceAccountRbac,
  type ServiceAccountRef,
} from '../credentials/serviceAccountRbac';

/**
 * The write steps of an apply, in order; each is one checkpoint. The Namespaces come first and
 * alone: on a first install the objects in them can only be dry-run once they exist.
 */
export type ApplyStepKey =
  | 'namespaces'
  | 'prepare'
  | 'credentials'
  | 'profile'
  | 'instance';

/** One object to write, with where it goes. */
export interface ApplyPlanItem {
  step: ApplyStepKey;
  role: ClusterRole;
  cluster: string;
  object: KubernetesObject;
  sensitive: boolean;
  description: string;
}

/** Everything one apply writes. */
export interface ApplyPlan {
  render: RenderPlan;
  items: ApplyPlanItem[];
  /** ServiceAccounts whose tokens feed the kubeconfigs (`serviceAccount` credentials only). */
  serviceAccounts: ServiceAccountRef[];
}

/** Titles of the steps, for logs and errors. */
export const STEP_TITLES: Record<ApplyStepKey, string> = {
  namespaces: 'namespaces',
  prepare: 'ServiceAccounts and their RBAC',
  credentials: 'kubeconfig Secrets',
  profile: 'profile ConfigMap',
  instance: 'PlatformMesh',
};

function stepOf(object: KubernetesObject): ApplyStepKey {
  switch (object.kind) {
    case 'Namespace':
      return 'namespaces';
    case 'Secret':
      return 'credentials';
    case 'ConfigMap':
      return 'profile';
    case 'PlatformMesh':
      return 'instance';
    default:
      return 'prepare';
  }
}

function identity(item: { cluster: string; object: KubernetesObject }) {
  const { apiVersion, kind, metadata } = item.object;
  return `${item.cluster}|${apiVersion}|${kind}|${metadata.namespace ?? ''}|${
    metadata.name
  }`;
}

/**
 * The objects of one apply in write order: the render plan's Namespaces and (for ServiceAccount
 * credentials) the ServiceAccounts' namespace, then the ServiceAccounts and their RBAC, then the kubeconfig Secrets (operator
 * cluster first, then infra), the profile ConfigMap and the PlatformMesh last.
 *
 * @param setup - the setup, with the kubeconfigs to render into Secrets
 * @param withServiceAccounts - add the ServiceAccounts
 * @param withAdministratorRbac - add their ClusterRoles and bindings (rendered folders only)
 * @param annotations - more annotations for the PlatformMesh (owner, source template)
 */
export function buildApplyPlan(
  setup: PlatformMeshSetup & { kubeconfigs?: SetupKubeconfigs },
  withServiceAccounts: boolean,
  withAdministratorRbac = false,
  annotations?: Record<string, string>,
): ApplyPlan {
  const render = renderPlan(setup, { annotations });
  const planned: ApplyPlanItem[] = render.objects.map(o => ({
    step: stepOf(o.object),
    role: o.role,
    cluster: o.cluster,
    object: o.object,
    sensitive: o.sensitive,
    description: o.description,
  }));
  let serviceAccounts: ServiceAccountRef[] = [];
  const rbacItems: ApplyPlanItem[] = [];
  if (withServiceAccounts) {
    const rbac = serviceAccountRbac(resolveSetup(setup), {
      withAdministratorRbac,
    });
    serviceAccounts = rbac.serviceAccounts;
    rbacItems.push(
      ...rbac.objects.map(o => ({
        step: (o.object.kind === 'Namespace'
          ? 'namespaces'
          : 'prepare') as ApplyStepKey,
        role: o.role,
        cluster: o.cluster,
        object: o.object,
        sensitive: false,
        description: o.description,
      })),
    );
  }
  const order: ApplyStepKey[] = [
    'namespaces',
    'prepare',
    'credentials',
    'profile',
    'instance',
  ];
  const namespaces = planned.filter(i => i.object.kind === 'Namespace');
  const rbacNamespaces = rbacItems.filter(i => i.object.kind === 'Namespace');
  const rbacRest = rbacItems.filter(i => i.object.kind !== 'Namespace');
  const ordered = [
    ...namespaces,
    ...rbacNamespaces,
    ...rbacRest,
    ...planned.filter(i => i.object.kind !== 'Namespace'),
  ].sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
  const seen = new Set<string>();
  const items = ordered.filter(item => {
    const id = identity(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { render, items, serviceAccounts };
}
