import { ConfigReader } from '@backstage/config';
import {
  clusterEntry,
  ROLES,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** Clients with the harness's admin identity, to write test objects. */
export function adminClients(): Record<Role, ClusterClient> {
  const service = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: ROLES.map(role =>
            clusterEntry(`admin-${role}`, role, 'admin'),
          ),
        },
      }),
    ),
  });
  return {
    operator: service.getClient('admin-operator'),
    runtime: service.getClient('admin-runtime'),
    infra: service.getClient('admin-infra'),
  };
}

/** Writes `status` through the status subresource, as a controller does. */
export async function writeStatus(
  client: ClusterClient,
  object: any,
  status: object,
) {
  const resolved = await client.discovery.resolve(object);
  const base = resolved.group
    ? `/apis/${resolved.group}/${resolved.version}`
    : `/api/${resolved.version}`;
  await client.requestJson({
    method: 'PATCH',
    path: `${base}/namespaces/${object.metadata.namespace}/${resolved.plural}/${object.metadata.name}/status`,
    contentType: 'application/merge-patch+json',
    body: { status },
  });
}
