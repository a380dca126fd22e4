import type { KubernetesObject } from '../types/kubernetes';
import type { ClusterRole } from '../types/status';

/**
 * A log-safe one-line description of a planned object, `<role>/<Kind> <namespace>/<name>` (or
 * `<role>/<Kind> <name>` for cluster-scoped objects), e.g.
 * `runtime/PlatformMesh platform-mesh-system/platform-mesh`. Never contains data.
 *
 * @param planned - the planned object (its role and object)
 * @alpha
 */
export function describePlannedObject(planned: {
  role: ClusterRole;
  object: KubernetesObject;
}): string {
  const { kind, metadata } = planned.object;
  const ref = metadata.namespace
    ? `${metadata.namespace}/${metadata.name}`
    : metadata.name;
  return `${planned.role}/${kind} ${ref}`;
}
