import { registerMswTestHooks } from '@backstage/backend-test-utils';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  clientsFor,
  FakeCluster,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterOperatorLogsReader } from './OperatorLogsReader';

const URL = 'http://127.0.0.1:17331';
const TOKEN = 'operator-logs-reader-test-token-0123456789';
const NS = 'platform-mesh-system';

const target = {
  name: 'dev',
  operatorCluster: 'op',
  operatorNamespace: NS,
} as PlatformMeshTarget;

const pod = (
  name: string,
  containers: string[],
  labels: Record<string, string> = { app: 'platform-mesh-operator' },
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS, labels },
  spec: { containers: containers.map(c => ({ name: c })) },
  status: { phase: 'Running' },
});

const status = (code: number, reason: string, message: string) =>
  HttpResponse.json(
    { kind: 'Status', status: 'Failure', code, reason, message },
    { status: code },
  );

/**
 * Pod logs as a kube-apiserver answers them: per container, and a 400 when a pod has several
 * containers and the request names none. `answers[pod][container]` is the log text or a failure.
 */
function serveLogs(
  fake: FakeCluster,
  answers: Record<string, Record<string, string | Response>>,
) {
  fake.intercept(req => {
    const m = req.path.match(
      /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/,
    );
    if (!m) return undefined;
    const stored = fake.get({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: m[1], name: m[2] },
    });
    const names: string[] = stored.spec.containers.map((c: any) => c.name);
    const container = req.query.get('container') ?? undefined;
    if (!container && names.length > 1) {
      return status(
        400,
        'BadRequest',
        `a container name must be specified for pod ${
          m[2]
        }, choose one of: [${names.join(' ')}]`,
      );
    }
    const answer = answers[m[2]]?.[container ?? names[0]];
    if (answer === undefined) {
      return status(
        400,
        'BadRequest',
        `container ${container} is not valid for pod ${m[2]}`,
      );
    }
    return typeof answer === 'string'
      ? new HttpResponse(answer, { headers: { 'Content-Type': 'text/plain' } })
      : answer;
  });
}

describe('ClusterOperatorLogsReader', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function setup(options?: { labelSelector?: string; container?: string }) {
    const fake = new FakeCluster(URL, TOKEN);
    server.use(...fake.handlers());
    const clients = clientsFor([
      { name: 'op', url: URL, serviceAccountToken: TOKEN },
    ]);
    const reader = new ClusterOperatorLogsReader(
      async () => clients.op,
      options,
    );
    return { fake, reader };
  }

  it("reads the operator's container of a pod with an istio-proxy sidecar", async () => {
    const { fake, reader } = setup();
    fake.seed(pod('operator-a', ['istio-proxy', 'platform-mesh-operator']));
    serveLogs(fake, {
      'operator-a': {
        'istio-proxy': 'envoy started\n',
        'platform-mesh-operator': 'reconciling\nreconciled\n',
      },
    });
    const logs = await reader.read(target, 50);
    expect(logs.pods).toEqual([
      {
        name: 'operator-a',
        container: 'platform-mesh-operator',
        lines: ['reconciling', 'reconciled'],
        truncated: false,
      },
    ]);
  });

  it('reports a pod whose log fails as typed data next to the pod that worked', async () => {
    const { fake, reader } = setup();
    fake.seed(pod('operator-a', ['platform-mesh-operator']));
    fake.seed(pod('operator-b', ['platform-mesh-operator']));
    serveLogs(fake, {
      'operator-a': { 'platform-mesh-operator': 'ok\n' },
      'operator-b': {
        'platform-mesh-operator': status(
          403,
          'Forbidden',
          'pods "operator-b" is forbidden: User "backstage" cannot get resource "pods/log"',
        ),
      },
    });
    const logs = await reader.read(target, 50);
    expect(logs.pods[0]).toEqual({
      name: 'operator-a',
      container: 'platform-mesh-operator',
      lines: ['ok'],
      truncated: false,
    });
    expect(logs.pods[1]).toMatchObject({
      name: 'operator-b',
      container: 'platform-mesh-operator',
      lines: [],
      error: { type: 'forbidden', statusCode: 403 },
    });
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect(JSON.stringify(logs)).not.toContain('127.0.0.1');
  });

  it('says which label selector and namespace matched no pod', async () => {
    const { fake, reader } = setup();
    fake.seed(pod('unrelated', ['app'], { app: 'something-else' }));
    const logs = await reader.read(target, 50);
    expect(logs).toEqual({
      source: {
        cluster: 'op',
        namespace: NS,
        labelSelector: 'app=platform-mesh-operator',
      },
      pods: [],
    });
  });

  it('uses the configured label selector and container', async () => {
    const { fake, reader } = setup({
      labelSelector: 'app.kubernetes.io/name=pm-operator',
      container: 'manager',
    });
    fake.seed(
      pod('custom', ['manager', 'istio-proxy'], {
        'app.kubernetes.io/name': 'pm-operator',
      }),
    );
    serveLogs(fake, { custom: { manager: 'from the manager\n' } });
    const logs = await reader.read(target, 50);
    expect(logs.source.labelSelector).toBe(
      'app.kubernetes.io/name=pm-operator',
    );
    expect(logs.pods).toEqual([
      expect.objectContaining({
        name: 'custom',
        container: 'manager',
        lines: ['from the manager'],
      }),
    ]);
    const list = fake.apiRequests.find(r => r.path.endsWith('/pods'));
    expect(list?.query.get('labelSelector')).toBe(
      'app.kubernetes.io/name=pm-operator',
    );
  });

  it('fails the whole read only when the pods cannot be listed, naming where it looked', async () => {
    const { fake, reader } = setup();
    fake.intercept(req =>
      req.path.endsWith('/pods')
        ? status(403, 'Forbidden', 'cannot list resource "pods"')
        : undefined,
    );
    const error = await reader.read(target, 50).catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toContain('app=platform-mesh-operator');
    expect(error.message).toContain(`namespace "${NS}"`);
    expect(error.message).toContain('forbidden');
    expect(error.message).not.toContain(TOKEN);
  });
});
