import { FIELD_MANAGER, OPERATOR_CREATED_LABEL } from '../constants';
import { RENDERED_OBJECT_LABELS } from '../render/labels';
import type { KubernetesObject } from '../types/kubernetes';

/** The field managers the operator writes with (deployment templates, ResourceSubroutine). */
const OPERATOR_FIELD_MANAGER = /^platform-mesh-(deployment|resource)(-.+)?$/;

function fieldManagers(obj: KubernetesObject): string[] {
  const managed = (
    obj.metadata as { managedFields?: Array<{ manager?: string }> }
  ).managedFields;
  return (managed ?? []).map(f => f.manager ?? '');
}

/**
 * True for an object this product's apply created: it carries the label
 * `app.kubernetes.io/managed-by=backstage-platform-mesh` AND our field manager
 * (`backstage-platform-mesh`) in `metadata.managedFields`. Either alone is not enough: the label
 * can be copied, and the field manager can co-own someone else's object.
 *
 * @param obj - the object as the API server returned it (with managedFields)
 */
export function isCreatedByThisProduct(obj: KubernetesObject): boolean {
  const [key, value] = Object.entries(RENDERED_OBJECT_LABELS)[0];
  return (
    obj.metadata.labels?.[key] === value &&
    fieldManagers(obj).includes(FIELD_MANAGER)
  );
}

/**
 * True for an object the Platform Mesh operator wrote: the label
 * `core.platform-mesh.io/operator-created: "true"` (HelmReleases, Kustomizations, Applications)
 * or one of the operator's field managers (`platform-mesh-deployment`, `platform-mesh-resource`,
 * `platform-mesh-resource-<name>`: the OCIRepositories, HelmRepositories and GitRepositories of
 * ResourceSubroutine carry no label).
 *
 * @param obj - the object as the API server returned it (with managedFields)
 */
export function isWrittenByOperator(obj: KubernetesObject): boolean {
  return (
    obj.metadata.labels?.[OPERATOR_CREATED_LABEL] === 'true' ||
    fieldManagers(obj).some(m => OPERATOR_FIELD_MANAGER.test(m))
  );
}

/**
 * True for a Secret cert-manager issued: it carries the annotation
 * `cert-manager.io/certificate-name` that cert-manager writes on every Secret of a Certificate.
 *
 * @param obj - the Secret as the API server returned it
 */
export function isIssuedByCertManager(obj: KubernetesObject): boolean {
  return !!obj.metadata.annotations?.['cert-manager.io/certificate-name'];
}
