/**
 * The services found in the operator's sample and remote profiles (facts §2.5).
 *
 * @alpha
 */
export const KNOWN_SERVICES = [
  'account-operator',
  'cnpg-operator',
  'extension-manager-operator',
  'iam-service',
  'iam-ui',
  'infra',
  'init-agent',
  'kcp',
  'kcp-operator',
  'keycloak-operator',
  'kubernetes-graphql-gateway',
  'marketplace-ui',
  'observability',
  'openfga',
  'portal',
  'rebac-authz-webhook',
  'security-operator',
  'terminal-controller-manager',
  'virtual-workspaces',
] as const;

/**
 * A known service name.
 *
 * @alpha
 */
export type KnownServiceName = (typeof KNOWN_SERVICES)[number];

/**
 * The services the upstream remote profiles (fluxcd and argocd) enable.
 */
export const DEFAULT_ENABLED_SERVICES: readonly KnownServiceName[] =
  KNOWN_SERVICES.filter(
    name =>
      name !== 'iam-service' &&
      name !== 'observability' &&
      name !== 'kcp' &&
      name !== 'terminal-controller-manager',
  );

/**
 * Whether a name is one of {@link KNOWN_SERVICES}.
 *
 * @param name - a service name
 * @alpha
 */
export function isKnownService(name: string): name is KnownServiceName {
  return (KNOWN_SERVICES as readonly string[]).includes(name);
}
