/**
 * What a path needs to know about a resource type (a `ResolvedResource` has all of it).
 *
 * @public
 */
export interface PathResource {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

/**
 * Builds the API path of a collection or object, e.g. `/api/v1/namespaces/ns/configmaps/name` or
 * `/apis/helm.toolkit.fluxcd.io/v2/namespaces/ns/helmreleases`. Pure; every segment is encoded.
 * A namespaced resource without `namespace` gives the all-namespaces collection.
 *
 * @public
 */
export function resourcePath(
  resource: PathResource,
  options: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const parts: string[] = [
    resource.group === ''
      ? `/api/${enc(resource.version)}`
      : `/apis/${enc(resource.group)}/${enc(resource.version)}`,
  ];
  if (resource.namespaced && options.namespace) {
    parts.push('namespaces', enc(options.namespace));
  }
  parts.push(enc(resource.plural));
  if (options.name) {
    parts.push(enc(options.name));
    if (options.subresource) {
      parts.push(...options.subresource.split('/').map(enc));
    }
  }
  return parts.join('/');
}

/**
 * `plural.group` (or `plural` for the core group), the way kubectl names a resource.
 *
 * @public
 */
export function resourceName(resource: {
  group: string;
  plural: string;
}): string {
  return resource.group
    ? `${resource.plural}.${resource.group}`
    : resource.plural;
}

/**
 * Splits an apiVersion into group and version (`v1` is the core group `''`).
 *
 * @public
 */
export function parseApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
