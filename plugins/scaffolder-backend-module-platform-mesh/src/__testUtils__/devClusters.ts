import { mockServices } from '@backstage/backend-test-utils';
import {
  clusterEntry,
  devClusters,
  ROLES,
  type Identity,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * A clusters service over the local API servers (`yarn clusters start`): clusters
 * `it-<role>` with the given identity, and a target `it` over them whose operator namespace and
 * instances live in this test's own namespaces. Fails when the clusters are not running.
 */
export function itClustersService(
  identity: Identity,
  target: { operatorNamespace: string; namespace: string },
) {
  const dev = devClusters();
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: ROLES.map(role =>
              clusterEntry(`it-${role}`, role, identity),
            ),
            targets: [
              {
                name: 'it',
                operatorCluster: 'it-operator',
                runtimeCluster: 'it-runtime',
                infraCluster: 'it-infra',
                deploymentTechnology: 'fluxcd',
                runtimeServerUrl: dev.runtime.url,
                ...target,
              },
            ],
            requestTimeoutSeconds: 10,
          },
        },
      }),
    ),
  });
}

/** Clients with the harness's admin identity, to check and prepare objects. */
export function adminClients(): Record<Role, ClusterClient> {
  const service = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: ROLES.map(role =>
              clusterEntry(`admin-${role}`, role, 'admin'),
            ),
          },
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

/** A client that authenticates with a token taken from a kubeconfig the action wrote. */
export function clientWithToken(role: Role, token: string): ClusterClient {
  const dev = devClusters();
  const service = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: [
              {
                name: `token-${role}`,
                url: dev[role].url,
                authProvider: 'serviceAccount',
                serviceAccountToken: token,
                caData: dev[role].caData,
              },
            ],
          },
        },
      }),
    ),
  });
  return service.getClient(`token-${role}`);
}

/** Writes `status` through the status subresource, as a controller does. */
export async function writeStatus(
  client: ClusterClient,
  object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  },
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
