/**
 * Pure format checks shared by the validators.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DOMAIN_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HTTP_URL =
  /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?(?:[/?#]\S*)?$/;
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/**
 * Whether a value is an RFC 1123 DNS label (namespaces, instance names): lower-case alphanumerics
 * and `-`, starting and ending alphanumeric, at most 63 characters.
 *
 * @param value - the name to check
 * @alpha
 */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/**
 * Whether a value is an RFC 1123 DNS subdomain (Secret and ConfigMap names): dot-separated DNS
 * labels, at most 253 characters.
 *
 * @param value - the name to check
 * @alpha
 */
export function isDnsSubdomain(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    value.split('.').every(label => DNS_LABEL.test(label))
  );
}

/**
 * Whether a value is a DNS host name usable as `spec.exposure.baseDomain`: one or more labels
 * (`localhost`, `portal.localhost`, `portal.example.com`), no scheme, port, path or trailing dot.
 *
 * @param value - the domain to check
 */
export function isDomainName(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    value
      .split('.')
      .every(label => label.length <= 63 && DOMAIN_LABEL.test(label))
  );
}

/**
 * Whether a value is a valid Secret/ConfigMap data key (`[-._a-zA-Z0-9]+`, at most 253
 * characters, not `.` or `..`).
 *
 * @param value - the key to check
 * @alpha
 */
export function isDataKey(value: string): boolean {
  return (
    value.length <= 253 &&
    SECRET_KEY.test(value) &&
    value !== '.' &&
    value !== '..'
  );
}

/**
 * Whether a value is an absolute `http://` or `https://` URL with a DNS name, IPv4 or bracketed
 * IPv6 host and an optional port (placeholders such as `${RUNTIME_CLUSTER_IP}` are rejected).
 *
 * @param value - the URL to check
 * @alpha
 */
export function isHttpUrl(value: string): boolean {
  if (value.length > 4096) return false;
  const match = HTTP_URL.exec(value);
  if (!match) return false;
  return match[2] === undefined || Number(match[2]) <= 65535;
}

/**
 * Whether a value is standard, padded base64 (line breaks are not allowed).
 *
 * @param value - the text to check
 */
export function isBase64(value: string): boolean {
  return value.length > 0 && BASE64.test(value);
}

/**
 * Whether a value is a Go duration such as `15m`, `1h30m` or `90s`.
 *
 * @param value - the duration to check
 */
export function isGoDuration(value: string): boolean {
  return value.length <= 64 && GO_DURATION.test(value);
}
