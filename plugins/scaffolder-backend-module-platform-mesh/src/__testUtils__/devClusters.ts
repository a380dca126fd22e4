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
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { operatorIdentityRbac } from '../credentials/serviceAccountRbac';

/**
 * A clusters service over the local API servers (`yarn clusters start`): clusters
 * `it-<role>` with the given identity, and a target `it` over them whose operator namespace and
 * instances live in this test's own namespaces. Fails when the clusters are not running.
 */
export function itClustersService(
  identity: Identity,
  target: {
    operatorNamespace: string;
    namespace: string;
    namespaces?: string[];
  },
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
                // every test namespace of this package (they create their own)
                namespaces: [target.namespace, 'pm-it-scaffolder-*'],
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
  return clientsFor(ROLES.map(role => clusterEntry(role, role, 'admin')));
}

/**
 * The administrator's one-time step for an operator namespace (examples/rbac/operator-identities.yaml
 * for another namespace): binds the operator's and Flux's ClusterRoles to the ServiceAccounts the
 * apply creates there, on the runtime and infra clusters.
 */
export async function bindOperatorIdentities(
  operatorNamespace: string,
): Promise<void> {
  const admin = adminClients();
  for (const client of [admin.runtime, admin.infra]) {
    for (const object of operatorIdentityRbac(operatorNamespace)) {
      await client.apply(object, {
        fieldManager: 'pm-it-administrator',
        force: true,
      });
    }
  }
}

/** A client that authenticates with a token taken from a kubeconfig the action wrote. */
export function clientWithToken(role: Role, token: string): ClusterClient {
  const { url, caData } = devClusters()[role];
  return clientsFor([
    {
      name: role,
      url,
      caData,
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
    },
  ])[role];
}

export { writeStatus } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
