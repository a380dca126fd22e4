import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  clusterEntry,
  ROLES,
  type Identity,
} from '@internal/dev-clusters/lib/testing';
import { readPlatformMeshConfig } from '../config/readPlatformMeshConfig';
import { DefaultPlatformMeshClustersService } from '../service/DefaultPlatformMeshClustersService';

/**
 * A clusters service over the local API servers with one entry per (role, identity), named
 * `<role>-<identity>`. Fails when `yarn clusters start` has not run: integration tests never skip.
 */
export function devClustersService(
  identities: Identity[],
  logger?: LoggerService,
): DefaultPlatformMeshClustersService {
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: ROLES.flatMap(role =>
            identities.map(identity =>
              clusterEntry(`${role}-${identity}`, role, identity),
            ),
          ),
          requestTimeoutSeconds: 10,
        },
      }),
    ),
    logger,
  });
}
