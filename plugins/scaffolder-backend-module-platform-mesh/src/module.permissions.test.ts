/*
 * The permissions the module's actions check are registered by the module itself, in the
 * scaffolder plugin: a backend with only the scaffolder and this module (no Platform Mesh backend
 * plugin) lists them in the scaffolder's permission metadata, which permission tooling reads.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { scaffolderModulePlatformMesh } from './module';

jest.setTimeout(60_000);

describe('scaffolderModulePlatformMesh permission registration', () => {
  it('lists platform-mesh.apply and platform-mesh.delete in the scaffolder plugin, and only those of ours', async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModulePlatformMesh,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { platformMesh: { clusters: [], targets: [] } },
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/scaffolder/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      const ours = (res.body.permissions as Array<{ name: string }>)
        .map(p => p.name)
        .filter(name => name.startsWith('platform-mesh.'))
        .sort();
      expect(ours).toEqual(['platform-mesh.apply', 'platform-mesh.delete']);
    } finally {
      await backend.stop();
    }
  });
});
