import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * One `platformMesh.clusters` entry.
 *
 * @public
 */
export interface ClusterConfigEntry {
  name: string;
  url: string;
  authProvider?: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify?: boolean;
}

/**
 * Clients for the given cluster entries, keyed by name, built the way the plugins build them
 * (config validation included). For tests that prepare or check objects on real or fake clusters.
 *
 * @param entries - `platformMesh.clusters` entries
 * @public
 */
export function clientsFor<TName extends string>(
  entries: Array<ClusterConfigEntry & { name: TName }>,
): Record<TName, ClusterClient> {
  const service = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: { clusters: entries as unknown as JsonObject[] },
      }),
    ),
  });
  return Object.fromEntries(
    entries.map(entry => [entry.name, service.getClient(entry.name)]),
  ) as Record<TName, ClusterClient>;
}

/**
 * Writes `status` through the status subresource (JSON merge patch), as a controller does.
 *
 * @param client - the cluster client
 * @param object - the object whose status to write
 * @param status - the new status (merged)
 * @public
 */
export async function writeStatus(
  client: ClusterClient,
  object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  },
  status: object,
): Promise<void> {
  const resolved = await client.discovery.resolve(object);
  const base = resolved.group
    ? `/apis/${resolved.group}/${resolved.version}`
    : `/api/${resolved.version}`;
  const namespace = object.metadata.namespace
    ? `/namespaces/${object.metadata.namespace}`
    : '';
  await client.requestJson({
    method: 'PATCH',
    path: `${base}${namespace}/${resolved.plural}/${object.metadata.name}/status`,
    contentType: 'application/merge-patch+json',
    body: { status },
  });
}
