import {
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from '../catalog/annotations';
import { PROFILE_CONFIGMAP_SUFFIX } from '../constants';
import { readProfile } from '../profile/parseProfileYaml';
import type { PlatformMesh } from '../types/platformMesh';

/**
 * The current settings of an instance in the input shape of the `platform-mesh:apply` action
 * (`name`, `namespace`, `baseDomain`, `port`, `protocol`, `featureToggles`, `kcp`, `values`,
 * `profile`, `profileConfigMapName`, `owner`): what an Update starts from. `services` lists the
 * services the current profile enables, for display (the profile is passed on as it is).
 *
 * @alpha
 */
export interface InstanceSettings {
  name: string;
  namespace: string;
  baseDomain?: string;
  port?: number;
  protocol?: 'http' | 'https';
  featureToggles?: string[];
  kcp?: Record<string, unknown>;
  values?: Record<string, unknown>;
  /** The profile ConfigMap's `profile.yaml`, unchanged. */
  profile?: string;
  profileConfigMapName?: string;
  owner?: string;
  sourceTemplate?: string;
  services?: string[];
  /** What could not be carried over (a profile ConfigMap in another namespace, a missing profile). */
  notes: string[];
}

/**
 * Reads an instance's settings back from its PlatformMesh and the `profile.yaml` of its profile
 * ConfigMap: the inverse of rendering, so applying the result changes nothing. Pure.
 *
 * @param platformMesh - the PlatformMesh as read from the runtime cluster
 * @param profileYaml - its profile ConfigMap's `profile.yaml`; undefined when the ConfigMap is missing
 * @alpha
 */
export function instanceSettingsOf(
  platformMesh: PlatformMesh,
  profileYaml: string | undefined,
): InstanceSettings {
  const { metadata } = platformMesh;
  const spec = platformMesh.spec ?? {};
  const settings: InstanceSettings = {
    name: metadata.name,
    namespace: metadata.namespace ?? 'default',
    notes: [],
  };
  if (spec.exposure?.baseDomain) {
    settings.baseDomain = spec.exposure.baseDomain;
    if (typeof spec.exposure.port === 'number')
      settings.port = spec.exposure.port;
    if (
      spec.exposure.protocol === 'http' ||
      spec.exposure.protocol === 'https'
    ) {
      settings.protocol = spec.exposure.protocol;
    }
  }
  if (spec.featureToggles?.length) {
    settings.featureToggles = spec.featureToggles.map(t => t.name);
  }
  if (spec.kcp) settings.kcp = JSON.parse(JSON.stringify(spec.kcp));
  if (
    typeof spec.values === 'object' &&
    spec.values !== null &&
    !Array.isArray(spec.values)
  ) {
    settings.values = JSON.parse(JSON.stringify(spec.values));
  }
  const profileRef = spec.profileConfigMap;
  if (
    profileRef?.name &&
    profileRef.name !== `${metadata.name}${PROFILE_CONFIGMAP_SUFFIX}`
  ) {
    settings.profileConfigMapName = profileRef.name;
  }
  if (profileRef?.namespace && profileRef.namespace !== settings.namespace) {
    settings.notes.push(
      `the profile ConfigMap is in namespace ${profileRef.namespace}, not the instance's: an apply writes it next to the PlatformMesh`,
    );
  }
  if (profileYaml === undefined) {
    settings.notes.push(
      'the profile ConfigMap is missing: an apply builds a new profile from services',
    );
  } else {
    settings.profile = profileYaml;
    const services = readProfile(profileYaml)?.components?.services ?? {};
    settings.services = Object.entries(services)
      .filter(([, config]) => config?.enabled === true)
      .map(([name]) => name)
      .sort();
  }
  const owner = metadata.annotations?.[PLATFORM_MESH_OWNER_ANNOTATION];
  if (owner) settings.owner = owner;
  const template =
    metadata.annotations?.[PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION];
  if (template) settings.sourceTemplate = template;
  return settings;
}
