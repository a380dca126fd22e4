/**
 * Checks an API server URL; returns a problem description or undefined. Never echoes the URL,
 * which may carry credentials in its user-info part.
 */
export function checkServerUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'must be an http:// or https:// URL';
  }
  if (url.username || url.password) {
    return 'must not contain credentials (user:password@)';
  }
  if (url.search || url.hash) {
    return 'must not contain a query or fragment';
  }
  return undefined;
}
