import { ConfigReader } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { readPlatformMeshConfig } from '../config/readPlatformMeshConfig';
import { DefaultPlatformMeshClustersService } from '../service/DefaultPlatformMeshClustersService';

/** Loopback URLs the msw fakes answer on (never contacted for real). */
export const URLS = {
  operator: 'http://127.0.0.1:17001',
  runtime: 'http://127.0.0.1:17002',
  infra: 'http://127.0.0.1:17003',
};

export const TOKENS = {
  operator: 'operator-token-0123456789abcdef',
  runtime: 'runtime-token-0123456789abcdef',
  infra: 'infra-token-0123456789abcdef',
};

/** A clusters service over the three fake clusters (and optional extra config). */
export function createTestService(
  options: {
    requestTimeoutSeconds?: number;
    logger?: LoggerService;
  } = {},
): DefaultPlatformMeshClustersService {
  const config = new ConfigReader({
    platformMesh: {
      clusters: [
        ...(['operator', 'runtime', 'infra'] as const).map(name => ({
          name,
          url: URLS[name],
          authProvider: 'serviceAccount',
          serviceAccountToken: TOKENS[name],
        })),
      ],
      targets: [
        {
          name: 'dev',
          operatorCluster: 'operator',
          runtimeCluster: 'runtime',
          infraCluster: 'infra',
          deploymentTechnology: 'fluxcd',
        },
      ],
      requestTimeoutSeconds: options.requestTimeoutSeconds ?? 2,
    },
  });
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(config),
    logger: options.logger,
  });
}
