import { PROFILE_CONFIGMAP_KEY } from '../constants';
import type { ConfigMap } from '../types/kubernetes';
import type { PlatformMeshSetup } from '../types/setup';
import { RENDERED_OBJECT_LABELS } from './labels';
import { renderProfile } from './profile';
import { resolveSetup } from './resolveSetup';

/**
 * Renders the profile ConfigMap: `<instance>-profile` (or `profileConfigMapName`) in the instance
 * namespace (or `profileConfigMap.namespace`) on the runtime cluster, key `profile.yaml`.
 *
 * @param setup - a validated setup
 * @param profileYaml - the rendered profile, when already at hand (default: {@link renderProfile})
 */
export function renderProfileConfigMap(
  setup: PlatformMeshSetup,
  profileYaml: string = renderProfile(setup),
): ConfigMap {
  const { profileConfigMap } = resolveSetup(setup);
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: profileConfigMap.name,
      namespace: profileConfigMap.namespace,
      labels: { ...RENDERED_OBJECT_LABELS },
    },
    data: { [PROFILE_CONFIGMAP_KEY]: profileYaml },
  };
}
