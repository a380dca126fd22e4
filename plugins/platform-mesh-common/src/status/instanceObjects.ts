import type { ClusterRole, InstanceStatus } from '../types/status';

/**
 * One object that belongs to an instance, and the role of the cluster it lives on.
 *
 * @alpha
 */
export interface InstanceObjectRef {
  role: ClusterRole;
  /** The kind as on the object, e.g. `HelmRelease`; OCM Resources are `Resource`. */
  kind: string;
  namespace: string;
  name: string;
}

/**
 * The objects that make up an instance, as its status answer names them: the PlatformMesh and its
 * profile ConfigMap (runtime cluster), its releases and sources (infra cluster) and its OCM
 * Resources (runtime cluster). Secrets are not among them: the status only says whether they
 * exist. The raw-object and Reconcile routes serve or touch nothing else.
 *
 * @param status - the instance's status answer
 * @param profileConfigMap - where the PlatformMesh's profile lives (see `profileConfigMapRefOf`),
 *   when the PlatformMesh was found
 * @alpha
 */
export function instanceObjectRefs(
  status: InstanceStatus,
  profileConfigMap?: { name: string; namespace: string },
): InstanceObjectRef[] {
  const { namespace, name } = status.instance;
  const refs: InstanceObjectRef[] = [
    { role: 'runtime', kind: 'PlatformMesh', namespace, name },
  ];
  if (profileConfigMap) {
    refs.push({ role: 'runtime', kind: 'ConfigMap', ...profileConfigMap });
  }
  for (const r of [...status.releases, ...status.sources]) {
    refs.push({
      role: 'infra',
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
    });
  }
  for (const r of status.ocmResources ?? []) {
    refs.push({
      role: 'runtime',
      kind: 'Resource',
      namespace: r.namespace,
      name: r.name,
    });
  }
  return refs;
}

/**
 * The entry of {@link instanceObjectRefs} with this role, kind, namespace and name, if any.
 *
 * @param refs - the instance's objects
 * @param wanted - the object asked for
 * @alpha
 */
export function findInstanceObject(
  refs: InstanceObjectRef[],
  wanted: InstanceObjectRef,
): InstanceObjectRef | undefined {
  return refs.find(
    r =>
      r.role === wanted.role &&
      r.kind === wanted.kind &&
      r.namespace === wanted.namespace &&
      r.name === wanted.name,
  );
}
