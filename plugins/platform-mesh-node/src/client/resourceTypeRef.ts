/**
 * A resource type: `{ apiVersion, kind }` as on an object, or `{ group, kind }` (the cluster's
 * preferred version) with an optional `version`. `group` is `''` for the core API.
 *
 * Its own file because both the client types and the discovery types need it.
 *
 * @public
 */
export type ResourceTypeRef =
  | { apiVersion: string; kind: string }
  | { group: string; kind: string; version?: string };
