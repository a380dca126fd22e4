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
 * Makes any text a valid Backstage entity name (`[a-zA-Z0-9-_.]`, at most 63 characters, starting
 * and ending with an alphanumeric): runs of other characters become `-`; a text that would be
 * longer is cut and gets a short hash of the whole text, so two long texts never collide.
 *
 * @param raw - the text to turn into a name
 */
export function toEntityName(raw: string): string {
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
