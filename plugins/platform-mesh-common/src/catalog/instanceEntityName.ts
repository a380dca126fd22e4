import type { InstanceRef } from '../types/status';
import { toEntityName } from './entityName';

/**
 * The default pattern of {@link formatInstanceEntityName}.
 *
 * @alpha
 */
export const DEFAULT_INSTANCE_ENTITY_NAME_PATTERN =
  '{target}-{namespace}-{name}';

/**
 * The catalog entity name of an instance: `pattern` with `{target}`, `{namespace}` and `{name}`
 * replaced, made a valid Backstage entity name (`[a-z0-9A-Z-_.]`, at most 63 characters, starting
 * and ending with an alphanumeric). Names that would be longer are cut and get a short hash of the
 * full name, so two long names never collide. The catalog provider and the apply action's entity
 * link both use it, so the link always points at the entity the provider emits.
 *
 * @alpha
 */
export function formatInstanceEntityName(
  ref: InstanceRef,
  pattern: string = DEFAULT_INSTANCE_ENTITY_NAME_PATTERN,
): string {
  const raw = pattern
    .replace(/\{target\}/g, ref.target)
    .replace(/\{namespace\}/g, ref.namespace)
    .replace(/\{name\}/g, ref.name);
  return toEntityName(raw);
}
