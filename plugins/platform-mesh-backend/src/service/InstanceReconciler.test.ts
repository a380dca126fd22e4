/*
 * How a failed write becomes an HTTP error: typed, naming the object and the cluster, never the
 * token or the URL.
 */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import {
  clientsFor,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { devTarget } from '../__testUtils__/fixtures';
import { InstanceReconciler } from './InstanceReconciler';

const URL = 'http://127.0.0.1:17351';
const TOKEN = 'reconciler-unit-token-never-shown-55aa';

describe('InstanceReconciler errors', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function reconcilerAnswering(code: number, reason: string) {
    const fake = new FakeCluster(URL, TOKEN, [HELM_RELEASE_RESOURCE]);
    server.use(
      http.patch(`${URL}/*`, () =>
        HttpResponse.json(
          { kind: 'Status', code, reason, message: `${reason} message` },
          { status: code },
        ),
      ),
      ...fake.handlers(),
    );
    const clients = clientsFor([
      { name: 'writer', url: URL, serviceAccountToken: TOKEN },
    ]);
    return new InstanceReconciler({
      getClient: () => clients.writer,
      writeClusters: new Map([['dev', { infra: 'writer' }]]),
    });
  }

  it.each([
    [404, 'NotFound', 'NotFoundError'],
    [403, 'Forbidden', 'NotAllowedError'],
    [401, 'Unauthorized', 'NotAllowedError'],
    [500, 'InternalError', 'ServiceUnavailableError'],
  ])('%s %s is a %s', async (code, reason, name) => {
    const reconciler = reconcilerAnswering(code, reason);
    const error = await reconciler
      .reconcile(
        devTarget,
        { kind: 'HelmRelease', namespace: 'pm-healthy', name: 'portal' },
        {},
      )
      .catch(e => e);
    expect(error.name).toBe(name);
    expect(error.message).toContain('HelmRelease pm-healthy/portal');
    expect(error.message).toContain('"writer"');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('127.0.0.1');
  });
});
