import { PLATFORM_MESH_INSTANCE_ANNOTATION } from './constants';
import type { InstanceRef } from './types/status';

/**
 * Formats an instance reference as the annotation value `<target>/<namespace>/<name>`.
 *
 * @public
 */
export function formatInstanceRef(ref: InstanceRef): string {
  return `${ref.target}/${ref.namespace}/${ref.name}`;
}

/**
 * Parses the annotation value `<target>/<namespace>/<name>`; returns undefined when malformed.
 *
 * @public
 */
export function parseInstanceRef(
  value: string | undefined,
): InstanceRef | undefined {
  if (!value) return undefined;
  const parts = value.trim().split('/');
  if (parts.length !== 3 || parts.some(p => p.length === 0)) return undefined;
  const [target, namespace, name] = parts;
  return { target, namespace, name };
}

/**
 * Reads the instance reference from an entity's annotations.
 *
 * @public
 */
export function getInstanceRefFromEntity(entity: {
  metadata: { annotations?: Record<string, string> };
}): InstanceRef | undefined {
  return parseInstanceRef(
    entity.metadata.annotations?.[PLATFORM_MESH_INSTANCE_ANNOTATION],
  );
}
