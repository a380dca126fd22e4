import { mockServices } from '@backstage/backend-test-utils';
import type { AuditorServiceEvent } from '@backstage/backend-plugin-api';
import type { SetupServer } from 'msw/node';
import {
  CORE_RESOURCES,
  FakeCluster,
  FLUX_RESOURCES,
  HELM_RELEASE_RESOURCE,
  OCM_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  withDeletes,
  type FakeResource,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { TOKENS, URLS } from '../../__testUtils__/fakeClusters';

const OURS = {
  'app.kubernetes.io/managed-by': 'backstage-platform-mesh',
};
/** A token inside the seeded kubeconfig Secrets: must never show up in logs or outputs. */
export const SEEDED_TOKEN = 'seeded-sa-token-7d1e3f5a9b2c4d6e';

const RUNTIME: FakeResource[] = [
  ...CORE_RESOURCES,
  PLATFORM_MESH_RESOURCE,
  OCM_RESOURCE,
];
const INFRA: FakeResource[] = [
  ...CORE_RESOURCES,
  HELM_RELEASE_RESOURCE,
  ...FLUX_RESOURCES,
];

/** Stores an object as written by `manager`. */
function seedAs(fake: FakeCluster, object: any, manager: string) {
  const stored = fake.seed(object);
  stored.metadata.managedFields = [{ manager, operation: 'Apply' }];
  return stored;
}

/**
 * The fake clusters of target `dev` with DELETE support, holding instance `pm` in `namespace`
 * as the apply and the operator leave it.
 */
export function decommissionFakes(namespace = 'pm-team-a') {
  const operator = new FakeCluster(
    URLS.operator,
    TOKENS.operator,
    CORE_RESOURCES,
  );
  const runtime = new FakeCluster(URLS.runtime, TOKENS.runtime, RUNTIME);
  const infra = new FakeCluster(URLS.infra, TOKENS.infra, INFRA);
  const deletes = [
    withDeletes(operator, CORE_RESOURCES),
    withDeletes(runtime, RUNTIME),
    withDeletes(infra, INFRA),
  ];
  const journal: any[] = [];
  for (const fake of [operator, runtime, infra]) fake.journal = journal;
  const kubeconfigData = {
    kubeconfig: Buffer.from(
      `users:\n- user:\n    token: ${SEEDED_TOKEN}\n`,
    ).toString('base64'),
  };
  const seedInstance = (name: string) => {
    seedAs(
      runtime,
      {
        apiVersion: 'core.platform-mesh.io/v1alpha1',
        kind: 'PlatformMesh',
        metadata: { name, namespace, labels: OURS },
      },
      'backstage-platform-mesh',
    );
    seedAs(
      runtime,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `${name}-profile`, namespace, labels: OURS },
      },
      'backstage-platform-mesh',
    );
  };
  seedInstance('pm');
  seedAs(
    runtime,
    {
      apiVersion: 'delivery.ocm.software/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'portal-chart', namespace },
    },
    'platform-mesh-deployment',
  );
  seedAs(
    infra,
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'portal',
        namespace,
        labels: { 'core.platform-mesh.io/operator-created': 'true' },
      },
      spec: {
        chartRef: { kind: 'OCIRepository', name: 'portal' },
        kubeConfig: {
          secretRef: {
            name: 'platform-mesh-runtime-secret',
            key: 'kubeconfig',
          },
        },
      },
    },
    'platform-mesh-deployment',
  );
  seedAs(
    infra,
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: { name: 'portal', namespace },
    },
    'platform-mesh-resource',
  );
  seedAs(
    infra,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-runtime-secret',
        namespace,
        labels: OURS,
      },
      data: kubeconfigData,
    },
    'backstage-platform-mesh',
  );
  seedAs(
    operator,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-kubeconfig',
        namespace: 'platform-mesh-system',
        labels: OURS,
      },
      data: kubeconfigData,
    },
    'backstage-platform-mesh',
  );
  for (const sa of ['platform-mesh-operator', 'platform-mesh-gitops']) {
    seedAs(
      runtime,
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: sa, namespace: 'platform-mesh-system', labels: OURS },
      },
      'backstage-platform-mesh',
    );
  }
  return {
    operator,
    runtime,
    infra,
    journal,
    /** Adds a second instance in the same namespace. */
    seedInstance,
    use(server: SetupServer) {
      server.use(
        ...deletes.flatMap(d => d.handlers),
        ...operator.handlers(),
        ...runtime.handlers(),
        ...infra.handlers(),
      );
    },
    /** Non-dry-run writes, as `METHOD path`. */
    writes(): string[] {
      return journal
        .filter(
          r =>
            ['PATCH', 'POST', 'PUT', 'DELETE'].includes(r.method) && !r.dryRun,
        )
        .map(r => `${r.method} ${r.path}`);
    },
  };
}

/** An auditor that records its events. */
export function recordingAuditor() {
  const events: Array<{
    options: any;
    outcome?: { status: 'succeeded' | 'failed'; options: any };
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const entry: (typeof events)[number] = { options };
      events.push(entry);
      const event: AuditorServiceEvent = {
        success: async o => {
          entry.outcome = { status: 'succeeded', options: o };
        },
        fail: async o => {
          entry.outcome = { status: 'failed', options: o };
        },
      };
      return event;
    },
  });
  return { auditor, events };
}
