/**
 * Base64 of the UTF-8 bytes of `text` (what a Secret's `data` holds). Pure: runs in browsers too.
 *
 * @param text - the value
 * @internal
 */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/**
 * Decodes a Secret `data` value back to text (for tests and for reading rendered Secrets).
 *
 * @param value - base64 of UTF-8 bytes
 * @internal
 */
export function fromBase64Utf8(value: string): string {
  const binary = atob(value);
  return new TextDecoder().decode(
    Uint8Array.from(binary, c => c.charCodeAt(0)),
  );
}
