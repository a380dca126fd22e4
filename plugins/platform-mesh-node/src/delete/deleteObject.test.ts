import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  withDeletes,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createTestService, TOKENS, URLS } from '../__testUtils__/testService';
import { deleteObject } from './deleteObject';

const server = setupServer();
registerMswTestHooks(server);

const SECRET = { apiVersion: 'v1', kind: 'Secret', namespace: 'ns', name: 's' };

describe('deleteObject', () => {
  it('puts dryRun in the DeleteOptions body too: the API server reads only the body when there is one', async () => {
    const bodies: any[] = [];
    const queries: string[] = [];
    const fake = new FakeCluster(URLS.runtime, TOKENS.runtime, CORE_RESOURCES);
    server.use(
      http.delete(
        `${URLS.runtime}/api/v1/namespaces/ns/secrets/s`,
        async ({ request }) => {
          bodies.push(await request.json());
          queries.push(new URL(request.url).searchParams.get('dryRun') ?? '');
          return HttpResponse.json({ kind: 'Status', status: 'Success' });
        },
      ),
      ...fake.handlers(),
    );
    const client = createTestService().getClient('runtime');
    await expect(deleteObject(client, SECRET, { dryRun: true })).resolves.toBe(
      'deleted',
    );
    await expect(deleteObject(client, SECRET)).resolves.toBe('deleted');
    expect(bodies).toEqual([
      {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: 'Background',
        dryRun: ['All'],
      },
      {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: 'Background',
      },
    ]);
    expect(queries).toEqual(['All', '']);
  });

  it('is not-found for a missing object and for a type the cluster does not serve', async () => {
    const fake = new FakeCluster(URLS.runtime, TOKENS.runtime, CORE_RESOURCES);
    withDeletes(fake, CORE_RESOURCES);
    server.use(...fake.handlers());
    const client = createTestService().getClient('runtime');
    await expect(deleteObject(client, SECRET)).resolves.toBe('not-found');
    await expect(
      deleteObject(client, {
        apiVersion: 'delivery.ocm.software/v1alpha1',
        kind: 'Resource',
        namespace: 'ns',
        name: 'x',
      }),
    ).resolves.toBe('not-found');
  });
});
