import {
  quoteForMessage,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { parseKubeconfig } from '../credentials/parseKubeconfig';
import type { KubeconfigSourceId } from '../credentials/serviceAccountRbac';
import type { Problem } from './inputProblems';

/** Default names of the task secrets that hold kubeconfigs (`credentials: secrets`). */
const DEFAULT_KUBECONFIG_SECRETS: Record<KubeconfigSourceId, string> = {
  operatorToRuntime: 'operatorToRuntimeKubeconfig',
  operatorToInfra: 'operatorToInfraKubeconfig',
  infraToRuntime: 'infraToRuntimeKubeconfig',
};

/**
 * The kubeconfigs of `credentials: secrets`, read from the task secrets `kubeconfigSecrets` names
 * (else the defaults). Problems name the secret, never quote its content; at least one is needed.
 *
 * @param target - the target (which kubeconfigs the setup needs)
 * @param names - the `kubeconfigSecrets` input
 * @param secrets - the task secrets
 * @param problems - where problems are added
 */
export function readSecretKubeconfigs(
  target: PlatformMeshTarget,
  names: Record<string, unknown> | undefined,
  secrets: Record<string, string | undefined> | undefined,
  problems: Problem[],
): SetupKubeconfigs {
  const result: SetupKubeconfigs = {};
  const wanted: KubeconfigSourceId[] = target.operatorIsInfra
    ? ['operatorToRuntime', 'infraToRuntime']
    : ['operatorToRuntime', 'operatorToInfra', 'infraToRuntime'];
  const secretName = (id: KubeconfigSourceId) =>
    (names?.[id] as string | undefined) ?? DEFAULT_KUBECONFIG_SECRETS[id];
  let found = 0;
  for (const id of wanted) {
    const text = secrets?.[secretName(id)];
    if (typeof text !== 'string' || text.trim() === '') continue;
    found++;
    const parsed = parseKubeconfig(text);
    if (parsed.ok) {
      result[id] = parsed.source;
    } else {
      problems.push({
        field: `kubeconfigSecrets.${id}`,
        message: `task secret ${quoteForMessage(secretName(id))} ${
          parsed.problem
        }`,
      });
    }
  }
  if (found === 0) {
    problems.push({
      field: 'kubeconfigSecrets',
      message: `credentials: secrets needs at least one kubeconfig in the task secrets (${wanted
        .map(secretName)
        .join(', ')}); none was passed`,
    });
  }
  return result;
}
