import {
  OPERATOR_WEBHOOK_CERTIFICATE_NAMESPACE,
  OPERATOR_WEBHOOK_SECRETS,
} from '../constants';
import { profileConfigMapRefOf } from '../diagnostics/profileMissing';
import {
  isInstancePlatformMesh,
  isOperatorCreated,
  sourceRefOf,
} from '../snapshot/selectors';
import type { HelmRelease, Kustomization } from '../types/flux';
import type { KubernetesObject } from '../types/kubernetes';
import type { PlatformMesh } from '../types/platformMesh';
import {
  isCreatedByThisProduct,
  isIssuedByCertManager,
  isWrittenByOperator,
} from './ownership';
import type {
  DecommissionInventory,
  DecommissionObjectRef,
  DecommissionPlan,
  DecommissionStep,
  DecommissionStepId,
  InventoryObject,
  KeptObject,
} from './types';

const RELEASE_KINDS = ['HelmRelease', 'Kustomization', 'Application'];
const SOURCE_KINDS = ['OCIRepository', 'HelmRepository', 'GitRepository'];
const SETUP_KINDS = ['ConfigMap', 'Secret', 'ServiceAccount'];
const OCM_GROUP = 'delivery.ocm.software';

/** Titles of the steps, in their order. */
const DECOMMISSION_STEP_TITLES: Record<DecommissionStepId, string> = {
  'platform-mesh': 'the PlatformMesh (runtime cluster)',
  releases:
    'the operator-created HelmReleases, Kustomizations and Applications (infra cluster)',
  'ocm-resources': 'the OCM Resources (runtime cluster)',
  sources: "the releases' Flux sources (infra cluster)",
  'webhook-secrets':
    "the operator's webhook Secrets in the instance namespace (runtime cluster)",
  setup:
    'the profile ConfigMap, kubeconfig Secrets and ServiceAccounts the apply created',
};

function toRef(item: InventoryObject): DecommissionObjectRef {
  const { apiVersion, kind, metadata } = item.object;
  return {
    role: item.role,
    cluster: item.cluster,
    apiVersion,
    kind,
    ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
    name: metadata.name,
  };
}

function names(pms: KubernetesObject[]): string {
  return pms.map(p => `${p.metadata.namespace}/${p.metadata.name}`).join(', ');
}

function groupOf(obj: KubernetesObject): string {
  const slash = obj.apiVersion.indexOf('/');
  return slash < 0 ? '' : obj.apiVersion.slice(0, slash);
}

function sameSource(
  obj: KubernetesObject,
  ref: { kind: string; name: string; namespace: string },
): boolean {
  return (
    obj.kind === ref.kind &&
    obj.metadata.name === ref.name &&
    obj.metadata.namespace === ref.namespace
  );
}

/** Order of the setup step: what Flux and the operator read last goes last. */
function setupOrder(item: InventoryObject): number {
  const kind = SETUP_KINDS.indexOf(item.object.kind);
  const role = ['runtime', 'infra', 'operator'].indexOf(item.role);
  return kind * 10 + role;
}

/**
 * Plans the decommission of one instance from what its clusters hold: which objects to delete,
 * in which order, and which to keep and why. Pure.
 *
 * - The PlatformMesh goes first, so that the operator stops writing (and runs its finalizer).
 * - Then the releases the operator created in the instance namespace (label
 *   `core.platform-mesh.io/operator-created`), while the kubeconfig Secret Flux uses to reach the
 *   runtime cluster still exists: helm-controller then uninstalls the Helm releases there.
 * - Then the OCM Resources on the runtime cluster (the operator's ResourceSubroutine writes the
 *   sources from them: gone first, no source comes back), then the sources (only those the
 *   operator wrote: its label or field managers) in the instance namespace or referenced by the
 *   releases.
 * - Then the operator's webhook Secrets in the instance namespace on the runtime cluster
 *   (`kcp-webhook-secret` by its field manager, cert-manager's `rebac-authz-webhook-cert` by its
 *   annotation; kept in `platform-mesh-system`, where the operator's per-cluster Certificate
 *   would issue it again).
 * - Last, the objects our apply created (label `app.kubernetes.io/managed-by` and our field
 *   manager): the profile ConfigMap, the kubeconfig Secrets, the ServiceAccounts.
 *
 * Kept, with the reason: objects this product or the operator did not write; everything in the
 * instance namespace when another PlatformMesh shares it (the operator gives both instances the
 * same releases: `namespace-shared`); per-target objects (the operator's kubeconfig Secrets, the
 * ServiceAccounts, the Argo CD cluster Secret) while the target has other instances; a profile
 * ConfigMap another PlatformMesh reads. Namespaces are never deleted.
 *
 * @param inventory - what the clusters hold
 * @alpha
 */
export function planDecommission(
  inventory: DecommissionInventory,
): DecommissionPlan {
  const { ref } = inventory;
  const kept: KeptObject[] = [];
  const keep = (item: InventoryObject, reason: string) =>
    kept.push({ ...toRef(item), reason });
  const others = inventory.platformMeshes.filter(
    pm => !isInstancePlatformMesh(pm, ref),
  );
  const sameNamespace = others.filter(
    pm => pm.metadata.namespace === ref.namespace,
  );
  const sharedReason = `namespace ${
    ref.namespace
  } is shared with PlatformMesh ${names(
    sameNamespace,
  )} (namespace-shared): the operator gives every instance there the same releases, so they may belong to it`;
  const steps: Record<DecommissionStepId, InventoryObject[]> = {
    'platform-mesh': [],
    releases: [],
    'ocm-resources': [],
    sources: [],
    'webhook-secrets': [],
    setup: [],
  };
  const inNamespace = (item: InventoryObject) =>
    item.object.metadata.namespace === ref.namespace;
  const byKind = (role: string, kinds: string[]) =>
    inventory.objects.filter(
      i => i.role === role && kinds.includes(i.object.kind),
    );

  for (const item of inventory.objects) {
    if (item.role === 'runtime' && isInstancePlatformMesh(item.object, ref)) {
      steps['platform-mesh'].push(item);
    }
  }

  const releases = byKind('infra', RELEASE_KINDS).filter(
    i => inNamespace(i) && isOperatorCreated(i.object),
  );
  for (const item of releases) {
    if (sameNamespace.length > 0) keep(item, sharedReason);
    else steps.releases.push(item);
  }

  const referenced = releases
    .filter(i => i.object.kind !== 'Application')
    .map(i => sourceRefOf(i.object as HelmRelease | Kustomization))
    .filter((r): r is NonNullable<typeof r> => !!r);
  for (const item of byKind('infra', SOURCE_KINDS)) {
    const ofInstance =
      inNamespace(item) || referenced.some(r => sameSource(item.object, r));
    if (!ofInstance) continue;
    if (!isWrittenByOperator(item.object)) {
      keep(item, 'not written by the Platform Mesh operator');
    } else if (sameNamespace.length > 0) {
      keep(item, sharedReason);
    } else {
      steps.sources.push(item);
    }
  }

  for (const item of inventory.objects) {
    const ocm =
      item.role === 'runtime' &&
      groupOf(item.object) === OCM_GROUP &&
      item.object.kind === 'Resource' &&
      inNamespace(item);
    if (!ocm) continue;
    if (!isWrittenByOperator(item.object)) {
      keep(item, 'not written by the Platform Mesh operator');
    } else if (sameNamespace.length > 0) {
      keep(item, sharedReason);
    } else {
      steps['ocm-resources'].push(item);
    }
  }

  const webhookSecrets = inventory.objects.filter(isWebhookSecret(ref));
  for (const item of webhookSecrets) {
    const reason = webhookKeepReason(item, sameNamespace, sharedReason);
    if (reason) keep(item, reason);
    else steps['webhook-secrets'].push(item);
  }

  const setup = inventory.objects
    .filter(i => SETUP_KINDS.includes(i.object.kind))
    .filter(i => !webhookSecrets.includes(i))
    .sort((a, b) => setupOrder(a) - setupOrder(b));
  for (const item of setup) {
    const reason = setupKeepReason(item, inventory, others, sameNamespace);
    if (reason) keep(item, reason);
    else steps.setup.push(item);
  }

  return {
    ref,
    steps: (Object.keys(steps) as DecommissionStepId[]).map(
      (id): DecommissionStep => ({
        id,
        title: DECOMMISSION_STEP_TITLES[id],
        objects: steps[id].map(toRef),
      }),
    ),
    kept,
  };
}

const WEBHOOK_SECRET_NAMES: string[] = Object.values(OPERATOR_WEBHOOK_SECRETS);

/** The operator's webhook Secrets of the instance: by name, in its namespace, on the runtime cluster. */
function isWebhookSecret(ref: { namespace: string }) {
  return (item: InventoryObject) =>
    item.role === 'runtime' &&
    item.object.kind === 'Secret' &&
    item.object.metadata.namespace === ref.namespace &&
    WEBHOOK_SECRET_NAMES.includes(item.object.metadata.name);
}

/** Why one of the operator's webhook Secrets stays, or undefined when it goes. */
function webhookKeepReason(
  item: InventoryObject,
  sameNamespace: KubernetesObject[],
  sharedReason: string,
): string | undefined {
  const { object } = item;
  const certificate =
    object.metadata.name === OPERATOR_WEBHOOK_SECRETS.certificate;
  if (
    certificate ? !isIssuedByCertManager(object) : !isWrittenByOperator(object)
  ) {
    return certificate
      ? 'not issued by cert-manager (no cert-manager.io/certificate-name annotation)'
      : 'not written by the Platform Mesh operator';
  }
  if (sameNamespace.length > 0) return sharedReason;
  if (
    certificate &&
    object.metadata.namespace === OPERATOR_WEBHOOK_CERTIFICATE_NAMESPACE
  ) {
    return `cert-manager issues it from the operator's Certificate in ${OPERATOR_WEBHOOK_CERTIFICATE_NAMESPACE}, which serves every instance of the runtime cluster (deleted, it would come back)`;
  }
  return undefined;
}

/** Why an object of the setup step stays, or undefined when it goes. */
function setupKeepReason(
  item: InventoryObject,
  inventory: DecommissionInventory,
  others: KubernetesObject[],
  sameNamespace: KubernetesObject[],
): string | undefined {
  const { object } = item;
  if (!isCreatedByThisProduct(object)) {
    return 'not created by Platform Mesh for Backstage (no app.kubernetes.io/managed-by=backstage-platform-mesh label with its field manager)';
  }
  if (object.kind === 'ConfigMap') {
    const readers = others.filter(pm => {
      const profile = profileConfigMapRefOf(pm as PlatformMesh);
      return (
        profile.name === object.metadata.name &&
        profile.namespace === object.metadata.namespace
      );
    });
    return readers.length > 0
      ? `the profile of PlatformMesh ${names(readers)} too`
      : undefined;
  }
  const perNamespace =
    object.kind === 'Secret' &&
    item.role === 'infra' &&
    object.metadata.namespace === inventory.ref.namespace;
  if (perNamespace) {
    return sameNamespace.length > 0
      ? `shared with PlatformMesh ${names(
          sameNamespace,
        )} in the same namespace (namespace-shared): its releases use it to reach the runtime cluster`
      : undefined;
  }
  return others.length > 0
    ? `used by the target's other instances (${names(
        others,
      )}): one operator and one set of credentials serve every instance of a target`
    : undefined;
}
