import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  DecommissionObjectRef,
  KeptObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/** One object in the action's outputs. */
interface OutputObject {
  kind: string;
  namespace?: string;
  name: string;
}

/** Objects grouped by the role of their cluster (`{ runtime: [...], infra: [...] }`). */
export function byRole(
  objects: DecommissionObjectRef[],
): Partial<Record<ClusterRole, OutputObject[]>> {
  const result: Partial<Record<ClusterRole, OutputObject[]>> = {};
  for (const o of objects) {
    (result[o.role] ??= []).push({
      kind: o.kind,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      name: o.name,
    });
  }
  return result;
}

/** What was kept, with the cluster role and the reason. */
export function keptOutput(kept: KeptObject[]) {
  return kept.map(k => ({
    role: k.role,
    cluster: k.cluster,
    kind: k.kind,
    ...(k.namespace ? { namespace: k.namespace } : {}),
    name: k.name,
    reason: k.reason,
  }));
}

/** `Kind ns/name` for log lines. */
export function describeRef(o: OutputObject & { role?: string }): string {
  return `${o.role ? `${o.role}/` : ''}${o.kind} ${
    o.namespace ? `${o.namespace}/` : ''
  }${o.name}`;
}
