/*
 * The Platform Mesh scaffolder module next to the Platform Mesh status backend plugin in one
 * backend, as this example backend runs them: both register a credentials extension point, and extension point ids must be unique in a
 * backend (they once were not, and the example backend refused to start).
 */
import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import platformMeshPlugin from '@platform-mesh-backstage/plugin-platform-mesh-backend';
import {
  platformMeshCredentialsExtensionPoint,
  platformMeshScaffolderCredentialsExtensionPoint,
  type PlatformMeshCredentialProvider,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import request from 'supertest';
import scaffolderModulePlatformMesh from '@platform-mesh-backstage/plugin-scaffolder-backend-module-platform-mesh';

const provider: PlatformMeshCredentialProvider = {
  async getCredential() {
    return { type: 'anonymous' };
  },
};

/** A custom credential source, registered once per plugin as the -node README shows. */
function credentialsModule(
  pluginId: string,
  extensionPoint: typeof platformMeshCredentialsExtensionPoint,
): BackendFeature {
  return createBackendModule({
    pluginId,
    moduleId: 'test-credentials',
    register(env) {
      env.registerInit({
        deps: { credentials: extensionPoint },
        async init({ credentials }) {
          credentials.addCredentialProvider('custom', provider);
        },
      });
    },
  });
}

// starting a whole backend (scaffolder, catalog, both plugins) takes over 5 s on a loaded machine
jest.setTimeout(60_000);

describe('the Platform Mesh plugins in one backend', () => {
  it('starts in one backend with custom credential sources for both', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModulePlatformMesh,
        platformMeshPlugin,
        credentialsModule(
          'platform-mesh',
          platformMeshCredentialsExtensionPoint,
        ),
        credentialsModule(
          'scaffolder',
          platformMeshScaffolderCredentialsExtensionPoint,
        ),
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            platformMesh: {
              clusters: [
                {
                  name: 'c1',
                  url: 'https://127.0.0.1:1',
                  authProvider: 'custom',
                },
              ],
              targets: [
                {
                  name: 't',
                  operatorCluster: 'c1',
                  runtimeCluster: 'c1',
                  deploymentTechnology: 'fluxcd',
                },
              ],
            },
          },
        }),
      ],
    });

    const targets = await request(server)
      .get('/api/platform-mesh/targets')
      .set('Authorization', mockCredentials.user.header());
    expect(targets.status).toBe(200);
    expect(targets.body.map((t: any) => t.name)).toEqual(['t']);

    const actions = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(actions.status).toBe(200);
    expect(actions.body.map((a: any) => a.id)).toEqual(
      expect.arrayContaining(['platform-mesh:render', 'platform-mesh:apply']),
    );
  });
});
