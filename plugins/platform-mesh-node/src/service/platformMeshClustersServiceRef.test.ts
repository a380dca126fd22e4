import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { FakeCluster } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createCredentialsCollector } from '../credentials/createCredentialsCollector';
import { platformMeshCredentialsExtensionPoint } from '../extensions';
import { platformMeshClustersServiceRef } from './platformMeshClustersServiceRef';
import type { PlatformMeshClustersService } from './types';
import { toTargetSummary } from './types';

const server = setupServer();
registerMswTestHooks(server);

const URL_ = 'http://127.0.0.1:17300';

function features(seen: PlatformMeshClustersService[], config: object) {
  const plugin = createBackendPlugin({
    pluginId: 'consumer',
    register(env) {
      const credentials = createCredentialsCollector();
      env.registerExtensionPoint(
        platformMeshCredentialsExtensionPoint,
        credentials.extensionPoint,
      );
      env.registerInit({
        deps: { clusters: platformMeshClustersServiceRef },
        async init({ clusters }) {
          credentials.registerWith(clusters);
          seen.push(clusters);
        },
      });
    },
  });
  const credentialsModule = createBackendModule({
    pluginId: 'consumer',
    moduleId: 'vault-credentials',
    register(env) {
      env.registerInit({
        deps: {
          credentials: platformMeshCredentialsExtensionPoint,
          clusters: platformMeshClustersServiceRef,
        },
        async init({ credentials, clusters }) {
          credentials.addCredentialProvider('vault', {
            async getCredential(cluster) {
              return {
                type: 'bearer token',
                token: `from-vault-for-${cluster.name}`,
              };
            },
          });
          seen.push(clusters);
        },
      });
    },
  });
  return [
    plugin,
    credentialsModule,
    mockServices.rootConfig.factory({ data: config }),
  ];
}

describe('platformMeshClustersServiceRef', () => {
  it('gives every part of a plugin the same instance, with credentials from the extension point', async () => {
    const fake = new FakeCluster(URL_, 'from-vault-for-runtime');
    server.use(...fake.handlers());
    const seen: PlatformMeshClustersService[] = [];
    const backend = await startTestBackend({
      features: features(seen, {
        platformMesh: {
          clusters: [{ name: 'runtime', url: URL_, authProvider: 'vault' }],
          targets: [
            {
              name: 'dev',
              operatorCluster: 'runtime',
              runtimeCluster: 'runtime',
              deploymentTechnology: 'fluxcd',
            },
          ],
        },
      }),
    });
    try {
      expect(seen).toHaveLength(2);
      expect(seen[0]).toBe(seen[1]);
      const clusters = seen[0];
      expect(clusters.listClusterNames()).toEqual(['runtime']);
      expect(clusters.listTargets().map(toTargetSummary)).toEqual([
        {
          name: 'dev',
          operatorCluster: 'runtime',
          runtimeCluster: 'runtime',
          infraCluster: 'runtime',
          operatorIsInfra: true,
          deploymentTechnology: 'fluxcd',
          namespace: 'platform-mesh-system',
        },
      ]);
      expect(clusters.getClient('runtime')).toBe(clusters.getClient('runtime'));
      expect(() => clusters.getClient('nope')).toThrow(
        'Cluster "nope" is not configured',
      );
      expect(() => clusters.getTarget('nope')).toThrow(
        'Platform Mesh target "nope" is not configured',
      );

      await clusters
        .getClient('runtime')
        .list({ apiVersion: 'v1', kind: 'ConfigMap' });
      expect(
        fake.requests.every(
          r => r.authorization === 'Bearer from-vault-for-runtime',
        ),
      ).toBe(true);
    } finally {
      await backend.stop();
    }
  });

  it('fails start-up with every configuration problem', async () => {
    await expect(
      startTestBackend({
        features: features([], {
          platformMesh: {
            clusters: [
              {
                name: 'a',
                url: 'nope',
                serviceAccountToken: 'secret-token-123456',
              },
            ],
            targets: [
              {
                name: 't',
                operatorCluster: 'a',
                runtimeCluster: 'b',
                deploymentTechnology: 'fluxcd',
              },
            ],
          },
        }),
      }),
    ).rejects.toThrow(
      /platformMesh\.clusters\[0\]\.url: is not a valid URL[\s\S]*platformMesh\.targets\[0\]\.runtimeCluster: unknown cluster "b"/,
    );
  });
});
