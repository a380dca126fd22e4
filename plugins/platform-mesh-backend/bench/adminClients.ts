import {
  clusterEntry,
  ROLES,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';

/** Clients with the harness's admin identity, to seed and change the benchmark's objects. */
export function adminClients(): Record<Role, ClusterClient> {
  return clientsFor(ROLES.map(role => clusterEntry(role, role, 'admin')));
}
