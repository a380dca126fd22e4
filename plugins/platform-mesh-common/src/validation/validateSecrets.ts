import { dataKey, dnsLabel, dnsSubdomain } from './schema/names';
import { mapping } from './schema/shapes';
import { parseInto } from './schema/toProblems';
import type { Problems } from './checks';

const secretRef = mapping({ name: dnsSubdomain, key: dataKey });

/** The schema of `secrets`; the Flux Secret's namespace is refined by the instance namespace. */
function secretsSchema(instanceNamespace: string | undefined) {
  const fluxNamespace =
    instanceNamespace === undefined
      ? dnsLabel
      : dnsLabel.refine(namespace => namespace === instanceNamespace, {
          error: `must be the instance namespace ${instanceNamespace}: Flux resolves spec.kubeConfig.secretRef in the HelmRelease's namespace on the infra cluster`,
        });
  return mapping({
    operatorRuntimeKubeconfig: secretRef.optional(),
    operatorInfraKubeconfig: secretRef.optional(),
    fluxRuntimeKubeconfig: mapping({
      name: dnsSubdomain,
      key: dataKey,
      namespace: fluxNamespace.optional(),
    }).optional(),
    argocdClusterSecret: mapping({
      name: dnsSubdomain,
      namespace: dnsLabel,
    }).optional(),
  });
}

/**
 * Validates `secrets`: names are RFC 1123 subdomains, keys valid data keys, the Flux Secret's
 * namespace (when given) is the instance namespace, the Argo CD cluster Secret's namespace a label.
 *
 * @internal
 */
export function validateSecrets(
  value: unknown,
  path: string,
  problems: Problems,
  instanceNamespace: string | undefined,
): void {
  parseInto(secretsSchema(instanceNamespace), value, path, problems);
}
