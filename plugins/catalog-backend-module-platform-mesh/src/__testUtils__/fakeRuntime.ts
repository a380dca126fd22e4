import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { FakeCluster } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { HttpResponse } from 'msw';

const RUNTIME_URL = 'http://127.0.0.1:17311';
export const RUNTIME_TOKEN = 'runtime-token-never-in-catalog-logs-42';

/**
 * A fake runtime cluster whose watches the test drives: `send` writes one event to the open
 * watch, `drop` ends it (as the server does at its timeout), `failLists` makes lists answer 503.
 */
export function fakeRuntime() {
  const cluster = new FakeCluster(RUNTIME_URL, RUNTIME_TOKEN);
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const watchRvs: string[] = [];
  let listFailures = false;
  cluster.intercept(request => {
    const isCollection = /\/platformmeshes$/.test(request.path);
    if (!isCollection || request.method !== 'GET') return undefined;
    if (request.query.get('watch') === 'true') {
      watchRvs.push(request.query.get('resourceVersion') ?? '');
      return new HttpResponse(
        new ReadableStream<Uint8Array>({
          start(controller) {
            stream = controller;
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    }
    if (listFailures) {
      return HttpResponse.json(
        {
          kind: 'Status',
          status: 'Failure',
          code: 503,
          reason: 'ServiceUnavailable',
          message: 'etcd is not ready',
        },
        { status: 503 },
      );
    }
    return undefined;
  });
  return {
    cluster,
    watchRvs,
    get watching() {
      return stream !== undefined;
    },
    failLists(fail: boolean) {
      listFailures = fail;
    },
    send(type: string, object: unknown) {
      stream!.enqueue(
        new TextEncoder().encode(`${JSON.stringify({ type, object })}\n`),
      );
    },
    drop() {
      const open = stream;
      stream = undefined;
      open?.close();
    },
  };
}

/** A clusters service with the fake runtime cluster and target `dev` over it. */
export function fakeClustersService(namespaces: string[] = ['pm-*']) {
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: [
              {
                name: 'pm-runtime',
                url: RUNTIME_URL,
                serviceAccountToken: RUNTIME_TOKEN,
              },
              {
                name: 'pm-operator',
                url: 'http://127.0.0.1:17312',
                serviceAccountToken: 'x',
              },
            ],
            targets: [
              {
                name: 'dev',
                operatorCluster: 'pm-operator',
                runtimeCluster: 'pm-runtime',
                deploymentTechnology: 'fluxcd',
                namespaces,
              },
            ],
            requestTimeoutSeconds: 5,
          },
        },
      }),
    ),
  });
}

/** A PlatformMesh as the harness seeds them. */
export function platformMesh(
  namespace: string,
  annotations: Record<string, string> = {},
  name = 'platform-mesh',
) {
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: { name, namespace, annotations },
    spec: {
      exposure: {
        baseDomain: 'portal.localhost',
        port: 8443,
        protocol: 'https',
      },
    },
  };
}

/** An `EntityProviderConnection` that records its mutations. */
export function recordingConnection() {
  const mutations: any[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: jest.fn(async mutation => {
      mutations.push(mutation);
    }),
    refresh: jest.fn(async () => {}),
  };
  return { connection, mutations };
}

/** Waits until `check` returns true (polling every 10 ms, at most `timeoutMs`). */
export async function until(check: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 10));
  }
}
