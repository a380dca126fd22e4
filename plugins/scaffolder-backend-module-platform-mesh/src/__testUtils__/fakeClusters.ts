import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { SetupServer } from 'msw/node';
import {
  APPLICATION_RESOURCE,
  CORE_RESOURCES,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  RBAC_RESOURCES,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';

/** Loopback URLs the msw fakes answer on (never contacted for real). */
export const URLS = {
  operator: 'http://127.0.0.1:17101',
  runtime: 'http://127.0.0.1:17102',
  infra: 'http://127.0.0.1:17103',
};

/** The static tokens of the configured clusters: must never show up in logs or outputs. */
export const TOKENS = {
  operator: 'operator-token-3f1c9a7e5d2b4c6a',
  runtime: 'runtime-token-8b2e4d6f1a3c5e7b',
  infra: 'infra-token-5c7e9a1b3d5f7a9c',
};

/** The three fake clusters. */
export function createFakes() {
  // The operator cluster is also the infra cluster of target `colocated`.
  const operator = new FakeCluster(URLS.operator, TOKENS.operator, [
    ...CORE_RESOURCES,
    ...RBAC_RESOURCES,
    HELM_RELEASE_RESOURCE,
  ]);
  const runtime = new FakeCluster(URLS.runtime, TOKENS.runtime, [
    ...CORE_RESOURCES,
    ...RBAC_RESOURCES,
    PLATFORM_MESH_RESOURCE,
  ]);
  const infra = new FakeCluster(URLS.infra, TOKENS.infra, [
    ...CORE_RESOURCES,
    ...RBAC_RESOURCES,
    HELM_RELEASE_RESOURCE,
    APPLICATION_RESOURCE,
  ]);
  const journal: Array<any> = [];
  for (const fake of [operator, runtime, infra]) fake.journal = journal;
  return {
    operator,
    runtime,
    infra,
    all: [operator, runtime, infra],
    journal,
    use(server: SetupServer) {
      server.use(
        ...operator.handlers(),
        ...runtime.handlers(),
        ...infra.handlers(),
      );
    },
    /**
     * Every non-dry-run write on any cluster, in order, as `<cluster url> <METHOD> <path>`
     * (access reviews, which change nothing, left out).
     */
    writes(): string[] {
      return journal
        .filter(
          r =>
            ['PATCH', 'POST', 'PUT', 'DELETE'].includes(r.method) &&
            !r.dryRun &&
            !r.path.endsWith('/selfsubjectaccessreviews'),
        )
        .map(r => `${r.cluster} ${r.method} ${r.path}`);
    },
  };
}

/** The namespaces the fake targets allow instances in (`platformMesh.targets[].namespaces`). */
const FAKE_NAMESPACES = ['platform-mesh-system', 'pm-*', 'team-a-*'];

/** Targets of the fake clusters: `dev` (three clusters), `colocated` (Operator == Infra), `argo`. */
export function createService(
  options: { requestTimeoutSeconds?: number; logger?: LoggerService } = {},
) {
  const config = mockServices.rootConfig({
    data: {
      platformMesh: {
        clusters: (['operator', 'runtime', 'infra'] as const).map(name => ({
          name,
          url: URLS[name],
          authProvider: 'serviceAccount',
          serviceAccountToken: TOKENS[name],
        })),
        targets: [
          {
            name: 'dev',
            namespaces: FAKE_NAMESPACES,
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            infraCluster: 'infra',
            deploymentTechnology: 'fluxcd',
          },
          {
            name: 'colocated',
            namespaces: FAKE_NAMESPACES,
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            deploymentTechnology: 'fluxcd',
          },
          {
            name: 'argo',
            namespaces: FAKE_NAMESPACES,
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            infraCluster: 'infra',
            deploymentTechnology: 'argocd',
            runtimeServerUrl: 'https://runtime.internal:6443',
          },
        ],
        requestTimeoutSeconds: options.requestTimeoutSeconds ?? 2,
      },
    },
  });
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(config),
    logger: options.logger,
  });
}

/** A logger that records every line (message and metadata) for the secrets-never-logged checks. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['info', 'warn', 'error', 'debug'] as const) {
    logger[level].mockImplementation((message: string, meta?: unknown) => {
      lines.push(
        `${level}: ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`,
      );
    });
  }
  logger.child.mockReturnValue(logger);
  return { logger, lines };
}

/**
 * An action context with what `createMockActionContext` leaves out (`isDryRun`, `signal`), a
 * recording logger, collected outputs and, optionally, a checkpoint store that behaves like the
 * scaffolder's (a finished key returns its stored value without running again).
 */
export function actionContext(options: {
  input: Record<string, any>;
  workspacePath: string;
  secrets?: Record<string, string>;
  isDryRun?: boolean;
  signal?: AbortSignal;
  checkpoints?: Map<string, unknown>;
}) {
  const { logger, lines } = recordingLogger();
  const outputs: Record<string, any> = {};
  const base = createMockActionContext<any>({
    input: options.input,
    workspacePath: options.workspacePath,
    logger,
    secrets: options.secrets,
    user: { ref: 'user:default/platform-engineer' },
  });
  const checkpointKeys: string[] = [];
  const ctx: ActionContext<any, any> = {
    ...base,
    isDryRun: options.isDryRun,
    signal: options.signal,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    async checkpoint(opts: any) {
      checkpointKeys.push(opts.key);
      const store = options.checkpoints;
      if (store?.has(opts.key)) return store.get(opts.key) as any;
      const value = await opts.fn();
      store?.set(opts.key, value);
      return value;
    },
  } as ActionContext<any, any>;
  return { ctx, lines, outputs, checkpointKeys };
}

/** Permissions that allow or deny everything. */
export function permissions(result: 'ALLOW' | 'DENY') {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: result as any })),
  });
}
