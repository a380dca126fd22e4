import { createHash } from 'node:crypto';

/**
 * A JSON answer serialized once, with a strong `ETag` computed from its bytes: answering it again
 * costs neither a `JSON.stringify` nor a hash.
 */
export interface SerializedAnswer {
  /** The JSON text sent as the body. */
  body: string;
  /** A strong entity tag (quoted), the same for the same bytes. */
  etag: string;
}

/**
 * Serializes a value and derives its strong ETag (SHA-256 of the UTF-8 bytes, base64url).
 *
 * @param value - a JSON-serializable value
 */
export function serializeAnswer(value: unknown): SerializedAnswer {
  const body = JSON.stringify(value);
  const digest = createHash('sha256').update(body, 'utf8').digest('base64url');
  return { body, etag: `"${digest}"` };
}

/**
 * True when an `If-None-Match` request header names the ETag (or is `*`): the client already
 * holds these bytes and gets `304 Not Modified`. Comparison is the weak one RFC 9110 prescribes
 * for `If-None-Match` (a `W/` prefix is ignored).
 *
 * @param header - the request's `If-None-Match` header, if any
 * @param etag - the current ETag (quoted)
 */
export function ifNoneMatchHits(
  header: string | string[] | undefined,
  etag: string,
): boolean {
  if (header === undefined) return false;
  const values = Array.isArray(header) ? header : [header];
  const wanted = stripWeak(etag);
  return values
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .some(tag => tag === '*' || stripWeak(tag) === wanted);
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
