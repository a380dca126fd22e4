import type { ExposureConfig } from '../types/platformMesh';

const HOST =
  /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;

/**
 * The portal URL of an instance from its `spec.exposure`, as the operator builds it
 * (`protocol://baseDomain[:port]`, with the operator's defaults `https` and `8443`, and no port for
 * 80 and 443); undefined without a `baseDomain`, or when the fields do not make a URL.
 *
 * @param exposure - the PlatformMesh's `spec.exposure`
 */
export function instancePortalUrl(
  exposure: ExposureConfig | undefined,
): string | undefined {
  const baseDomain = exposure?.baseDomain?.trim();
  if (!baseDomain || !HOST.test(baseDomain)) return undefined;
  const protocol = (exposure?.protocol ?? 'https').toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') return undefined;
  const port = exposure?.port ?? 8443;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const withPort =
    port === 80 || port === 443 ? baseDomain : `${baseDomain}:${port}`;
  return `${protocol}://${withPort}`;
}
