import {
  PROFILE_CONFIGMAP_KEY,
  PROFILE_CONFIGMAP_SUFFIX,
  SNAPSHOT_RESOURCES,
  type SecretMetadata,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Keeps a Secret's identity and key names. This runs on each object as it arrives from the watch,
 * so values are never stored; the Secrets watched are only the named ones the setup depends on.
 */
export function toSecretMetadata(raw: any): SecretMetadata {
  return {
    name: raw.metadata.name,
    namespace: raw.metadata.namespace,
    keys: Object.keys({
      ...(raw.data ?? {}),
      ...(raw.stringData ?? {}),
    }).sort(),
    ...(raw.metadata.labels ? { labels: { ...raw.metadata.labels } } : {}),
  };
}

/**
 * Keeps ConfigMaps that can be a profile (`*-profile` or holding `profile.yaml`), with only the
 * `profile.yaml` key; drops every other ConfigMap.
 */
export function toProfileConfigMap(raw: any): object | undefined {
  const data = raw.data ?? {};
  const named = String(raw.metadata.name).endsWith(PROFILE_CONFIGMAP_SUFFIX);
  if (!named && !(PROFILE_CONFIGMAP_KEY in data)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: slimMetadata(raw.metadata),
    data:
      PROFILE_CONFIGMAP_KEY in data
        ? { [PROFILE_CONFIGMAP_KEY]: String(data[PROFILE_CONFIGMAP_KEY]) }
        : {},
  };
}

/** Drops `managedFields` and the last-applied annotation: large and never read. */
export function toSlimObject(raw: any): object {
  if (typeof raw.apiVersion !== 'string' || typeof raw.kind !== 'string') {
    throw new Error('object without apiVersion/kind');
  }
  return { ...raw, metadata: slimMetadata(raw.metadata) };
}

function slimMetadata(metadata: any) {
  const { managedFields: _m, ...rest } = metadata;
  if (rest.annotations?.['kubectl.kubernetes.io/last-applied-configuration']) {
    const {
      'kubectl.kubernetes.io/last-applied-configuration': _l,
      ...annotations
    } = rest.annotations;
    rest.annotations = annotations;
  }
  return rest;
}

/** The transform of each watched resource. */
export function transformFor(
  resource: string,
): (raw: any) => object | undefined {
  switch (resource) {
    case SNAPSHOT_RESOURCES.secrets:
      return toSecretMetadata;
    case SNAPSHOT_RESOURCES.configMaps:
      return toProfileConfigMap;
    default:
      return toSlimObject;
  }
}
