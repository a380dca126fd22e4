import {
  checkDataKey,
  checkDnsLabel,
  checkDnsSubdomain,
  checkObject,
  type Problems,
} from './checks';
import { joinPath } from './path';

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
  const secrets = checkObject(value, path, problems, {
    keys: [
      'operatorRuntimeKubeconfig',
      'operatorInfraKubeconfig',
      'fluxRuntimeKubeconfig',
      'argocdClusterSecret',
    ],
  });
  if (!secrets) return;
  for (const key of [
    'operatorRuntimeKubeconfig',
    'operatorInfraKubeconfig',
    'fluxRuntimeKubeconfig',
  ]) {
    const itemPath = joinPath(path, key);
    const flux = key === 'fluxRuntimeKubeconfig';
    const ref = checkObject(secrets[key], itemPath, problems, {
      keys: flux ? ['name', 'key', 'namespace'] : ['name', 'key'],
    });
    if (!ref) continue;
    checkDnsSubdomain(ref.name, joinPath(itemPath, 'name'), problems, true);
    checkDataKey(ref.key, joinPath(itemPath, 'key'), problems, true);
    if (flux && ref.namespace !== undefined) {
      const ns = checkDnsLabel(
        ref.namespace,
        joinPath(itemPath, 'namespace'),
        problems,
      );
      if (
        ns !== undefined &&
        instanceNamespace !== undefined &&
        ns !== instanceNamespace
      ) {
        problems.push({
          path: joinPath(itemPath, 'namespace'),
          message: `must be the instance namespace ${instanceNamespace}: Flux resolves spec.kubeConfig.secretRef in the HelmRelease's namespace on the infra cluster`,
        });
      }
    }
  }
  const argoPath = joinPath(path, 'argocdClusterSecret');
  const argo = checkObject(secrets.argocdClusterSecret, argoPath, problems, {
    keys: ['name', 'namespace'],
  });
  if (argo) {
    checkDnsSubdomain(argo.name, joinPath(argoPath, 'name'), problems, true);
    checkDnsLabel(
      argo.namespace,
      joinPath(argoPath, 'namespace'),
      problems,
      true,
    );
  }
}
