/*
 * The backend plugin registers exactly the permissions it checks itself (status and log reads,
 * reconcile); platform-mesh.apply and platform-mesh.delete belong to the scaffolder module that
 * checks them, so they are listed under the scaffolder plugin instead.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { platformMeshPlugin } from './plugin';

jest.setTimeout(60_000);

describe('platformMeshPlugin permission registration', () => {
  it('lists status.read, logs.read and reconcile, and not the scaffolder module’s', async () => {
    const backend = await startTestBackend({
      features: [
        platformMeshPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { platformMesh: { clusters: [], targets: [] } },
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/platform-mesh/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      const names = (res.body.permissions as Array<{ name: string }>)
        .map(p => p.name)
        .sort();
      expect(names).toEqual([
        'platform-mesh.logs.read',
        'platform-mesh.reconcile',
        'platform-mesh.status.read',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
