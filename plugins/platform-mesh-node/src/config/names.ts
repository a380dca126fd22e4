const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** RFC 1123 label: namespaces and target names. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** RFC 1123 subdomain: most object names (Secrets, ConfigMaps). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** A Secret or ConfigMap data key. */
export function isDataKey(value: string): boolean {
  return value.length <= 253 && CONFIG_KEY.test(value);
}

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
