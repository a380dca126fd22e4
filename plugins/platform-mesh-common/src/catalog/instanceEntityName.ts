import type { InstanceRef } from '../types/status';

/**
 * The default pattern of {@link formatInstanceEntityName}.
 *
 * @public
 */
export const DEFAULT_INSTANCE_ENTITY_NAME_PATTERN = '{target}-{namespace}-{name}';

const MAX_ENTITY_NAME = 63;

/** FNV-1a (32 bit) as 8 hex digits: stable, pure, and available in the browser too. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The catalog entity name of an instance: `pattern` with `{target}`, `{namespace}` and `{name}`
 * replaced, made a valid Backstage entity name (`[a-z0-9A-Z-_.]`, at most 63 characters, starting
 * and ending with an alphanumeric). Names that would be longer are cut and get a short hash of the
 * full name, so two long names never collide. The catalog provider and the apply action's entity
 * link both use it, so the link always points at the entity the provider emits.
 *
 * @public
 */
export function formatInstanceEntityName(
  ref: InstanceRef,
  pattern: string = DEFAULT_INSTANCE_ENTITY_NAME_PATTERN,
): string {
  const raw = pattern
    .replace(/\{target\}/g, ref.target)
    .replace(/\{namespace\}/g, ref.namespace)
    .replace(/\{name\}/g, ref.name);
  const cleaned = raw
    .replace(/[^a-zA-Z0-9\-_.]+/g, '-')
    .replace(/^[^a-zA-Z0-9]+/, '')
    .replace(/[^a-zA-Z0-9]+$/, '');
  if (cleaned.length <= MAX_ENTITY_NAME && cleaned.length > 0) return cleaned;
  const hash = shortHash(raw);
  const head = cleaned
    .slice(0, MAX_ENTITY_NAME - hash.length - 1)
    .replace(/[^a-zA-Z0-9]+$/, '');
  return head ? `${head}-${hash}` : hash;
}
