import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { describeObject } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { ApplyPlan } from './applyPlan';

/** An object on a cluster, as the apply engine names it. */
export interface ObjectRef {
  cluster: string;
  object: string;
}

/** Names the objects of a plan by the roles of their clusters, for logs and errors. */
export interface ObjectRoles {
  /** The role of the object's plan item, or else every role of its cluster. */
  roleOf(ref: ObjectRef): ClusterRole[];
  /** `role/object on cluster "name"`. */
  describe(ref: ObjectRef): string;
}

/**
 * Role lookups over a plan that may be replaced: each call reads `current.plan` anew.
 *
 * @param current - holds the plan to look objects up in
 * @internal
 */
export function objectRoles(current: { plan: ApplyPlan }): ObjectRoles {
  const roleOf = ({ cluster, object }: ObjectRef) => {
    const roles = new Set<ClusterRole>();
    for (const item of current.plan.items) {
      if (item.cluster === cluster) roles.add(item.role);
    }
    const match = current.plan.items.find(
      i => i.cluster === cluster && describeObject(i.object) === object,
    );
    return match ? [match.role] : [...roles];
  };
  const describe = (ref: ObjectRef) =>
    `${roleOf(ref).join('+')}/${ref.object} on cluster "${ref.cluster}"`;
  return { roleOf, describe };
}
