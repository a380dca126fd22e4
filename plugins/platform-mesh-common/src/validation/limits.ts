/**
 * Upper bounds of setup and action inputs. Anything larger is refused before it is rendered or
 * sent to a cluster (a PlatformMesh, a ConfigMap and a Secret must fit into one etcd object).
 *
 * @alpha
 */
export const INPUT_LIMITS = {
  /** Characters of a plain string field (names, paths, URLs, task secret names). */
  maxStringLength: 4096,
  /** Characters of a credential field of a kubeconfig source (CA, client certificate, key, token). */
  maxCredentialLength: 65536,
  /** Characters of a profile YAML (`profile.yaml` of the profile ConfigMap). */
  maxProfileYamlLength: 512 * 1024,
  /** Bytes of a free-form mapping (`values`, `kcp`, `serviceOverrides`) as JSON. */
  maxMappingJsonBytes: 256 * 1024,
  /** Entries of a list or string map (services, provider connections, wait entries, labels, ...). */
  maxListItems: 64,
  /** Unknown fields of one mapping listed one by one before the rest is summed up. */
  maxUnknownFieldsListed: 10,
  /** Entries of `featureToggles`. */
  maxFeatureToggles: 32,
  /** Characters of a feature toggle name (it names a manifest folder of the operator). */
  maxFeatureToggleNameLength: 63,
} as const;
