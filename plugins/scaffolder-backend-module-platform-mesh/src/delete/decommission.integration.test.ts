/*
 * platform-mesh:delete against the real local API servers, with the applier identity of
 * examples/rbac (re-applied here by the administrator, so that the running clusters have this
 * version's `delete` verbs and admission policy). The instance's objects are seeded as the apply
 * action and the operator write them (their labels and field managers); a neighbour instance,
 * a foreign Secret and the namespaces must survive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { parseAllDocuments } from 'yaml';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { createPlatformMeshDeleteAction } from '../actions/delete';
import { recordingAuditor } from './__testUtils__/decommissionFakes';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const NS = `pm-it-scaffolder-del-${RUN}`;
const OTHER_NS = `pm-it-scaffolder-del-other-${RUN}`;
const OP_NS = `pm-it-scaffolder-delop-${RUN}`;
const OURS = { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' };
const OPERATOR_CREATED = { 'core.platform-mesh.io/operator-created': 'true' };
const admin = adminClients();
const workspace = createMockDirectory();

const rbacFile = (file: string) =>
  parseAllDocuments(
    readFileSync(
      join(__dirname, '..', '..', '..', '..', 'examples', 'rbac', file),
      'utf8',
    ),
  ).map(d => d.toJS());

async function put(client: ClusterClient, object: any, fieldManager: string) {
  await client.apply(object, { fieldManager, force: true });
}

/** The instance `pm` in `namespace`, as the apply action and the operator leave it. */
async function seedInstance(namespace: string, withFinalizer: boolean) {
  await put(
    admin.runtime,
    {
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: { name: 'pm', namespace, labels: OURS },
      spec: { profileConfigMap: { name: 'pm-profile' } },
    },
    'backstage-platform-mesh',
  );
  await put(
    admin.runtime,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'pm-profile', namespace, labels: OURS },
      data: { 'profile.yaml': 'infra: {}\ncomponents: {}\n' },
    },
    'backstage-platform-mesh',
  );
  await put(
    admin.runtime,
    {
      apiVersion: 'delivery.ocm.software/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'portal-chart',
        namespace,
        labels: { artifact: 'chart', repo: 'oci' },
      },
      spec: {
        componentRef: { name: 'platform-mesh' },
        resource: { byReference: { resource: { name: 'portal' } } },
      },
    },
    'platform-mesh-deployment',
  );
  // the operator's webhook Secrets: kcp-webhook-secret as the operator writes it, and
  // rebac-authz-webhook-cert as cert-manager issues it
  await put(
    admin.runtime,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'kcp-webhook-secret', namespace },
      stringData: { kubeconfig: `token: seeded-${RUN}` },
    },
    'platform-mesh-deployment',
  );
  await put(
    admin.runtime,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: {
        name: 'rebac-authz-webhook-cert',
        namespace,
        annotations: {
          'cert-manager.io/certificate-name': 'rebac-authz-webhook-cert',
          'cert-manager.io/issuer-name': 'rebac-authz-webhook-issuer',
        },
      },
      stringData: { 'tls.crt': 'x', 'tls.key': `seeded-${RUN}`, 'ca.crt': 'x' },
    },
    'cert-manager-certificates-issuing',
  );
  await put(
    admin.infra,
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'portal',
        namespace,
        labels: OPERATOR_CREATED,
        ...(withFinalizer ? { finalizers: ['finalizers.fluxcd.io'] } : {}),
      },
      spec: {
        interval: '1m',
        releaseName: 'portal',
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
  await put(
    admin.infra,
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: { name: 'portal', namespace },
      spec: {
        url: 'oci://127.0.0.1:5000/portal',
        interval: '1m0s',
        ref: { tag: '1.0.0' },
      },
    },
    'platform-mesh-resource',
  );
  await put(
    admin.infra,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-runtime-secret',
        namespace,
        labels: OURS,
      },
      stringData: { kubeconfig: `users:\n- user:\n    token: seeded-${RUN}\n` },
    },
    'backstage-platform-mesh',
  );
}

async function exists(client: ClusterClient, ref: any): Promise<boolean> {
  return (await client.tryGet(ref)) !== undefined;
}

describe('platform-mesh:delete on the real API servers', () => {
  beforeAll(async () => {
    // The administrator's step: this version of examples/rbac (its `delete` verbs and policy).
    for (const client of [admin.operator, admin.runtime, admin.infra]) {
      for (const object of [
        ...rbacFile('applier.yaml'),
        ...rbacFile('applier-tokens.yaml'),
      ]) {
        await put(client, object, 'pm-it-administrator');
      }
    }
    for (const ns of [NS, OTHER_NS, OP_NS]) {
      for (const client of [admin.operator, admin.runtime, admin.infra]) {
        await put(
          client,
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
          'pm-it-administrator',
        );
      }
    }
    await seedInstance(NS, true);
    await seedInstance(OTHER_NS, false);
    await put(
      admin.operator,
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-kubeconfig',
          namespace: OP_NS,
          labels: OURS,
        },
        stringData: { kubeconfig: `token: seeded-${RUN}` },
      },
      'backstage-platform-mesh',
    );
    for (const sa of ['platform-mesh-operator', 'platform-mesh-gitops']) {
      await put(
        admin.runtime,
        {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: sa, namespace: OP_NS, labels: OURS },
        },
        'backstage-platform-mesh',
      );
    }
    // someone else's object with one of our names: kept
    await put(
      admin.operator,
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'platform-mesh-infra-kubeconfig', namespace: OP_NS },
        stringData: { kubeconfig: 'not ours' },
      },
      'kubectl',
    );
  });

  it('removes everything of the instance, in order, waiting for the release finalizer, and nothing else', async () => {
    const clusters = itClustersService('applier', {
      operatorNamespace: OP_NS,
      namespace: NS,
      namespaces: [NS],
    });
    const { auditor, events } = recordingAuditor();
    const action = createPlatformMeshDeleteAction({
      clusters,
      permissions: permissions('ALLOW'),
      auditor,
    });
    // helm-controller's part: its uninstall finalizer goes a moment after the delete
    const release = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      namespace: NS,
      name: 'portal',
    };
    const uninstaller = setInterval(async () => {
      const hr: any = await admin.infra.tryGet(release).catch(() => undefined);
      if (hr?.metadata.deletionTimestamp) {
        clearInterval(uninstaller);
        await admin.infra.requestJson({
          method: 'PATCH',
          path: `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${NS}/helmreleases/portal`,
          contentType: 'application/merge-patch+json',
          body: { metadata: { finalizers: null } },
        });
      }
    }, 300);
    const started = Date.now();
    const { ctx, outputs, lines } = actionContext({
      input: {
        instanceRef: `it/${NS}/pm`,
        confirm: 'pm',
        waitTimeoutSeconds: 30,
      },
      workspacePath: workspace.path,
    });
    try {
      await action.handler(ctx);
    } finally {
      clearInterval(uninstaller);
    }
    const ms = Date.now() - started;
    expect(outputs.removed).toEqual({
      runtime: [
        { kind: 'PlatformMesh', namespace: NS, name: 'pm' },
        { kind: 'Resource', namespace: NS, name: 'portal-chart' },
        { kind: 'Secret', namespace: NS, name: 'kcp-webhook-secret' },
        { kind: 'Secret', namespace: NS, name: 'rebac-authz-webhook-cert' },
        { kind: 'ConfigMap', namespace: NS, name: 'pm-profile' },
        {
          kind: 'ServiceAccount',
          namespace: OP_NS,
          name: 'platform-mesh-operator',
        },
        {
          kind: 'ServiceAccount',
          namespace: OP_NS,
          name: 'platform-mesh-gitops',
        },
      ],
      infra: [
        { kind: 'HelmRelease', namespace: NS, name: 'portal' },
        { kind: 'OCIRepository', namespace: NS, name: 'portal' },
        { kind: 'Secret', namespace: NS, name: 'platform-mesh-runtime-secret' },
      ],
      operator: [
        { kind: 'Secret', namespace: OP_NS, name: 'platform-mesh-kubeconfig' },
      ],
    });
    expect(outputs.kept).toEqual([
      expect.objectContaining({
        role: 'operator',
        kind: 'Secret',
        name: 'platform-mesh-infra-kubeconfig',
        reason: expect.stringContaining(
          'not created by Platform Mesh for Backstage',
        ),
      }),
    ]);
    // gone on every cluster
    const gone = [
      [
        admin.runtime,
        {
          apiVersion: 'core.platform-mesh.io/v1alpha1',
          kind: 'PlatformMesh',
          namespace: NS,
          name: 'pm',
        },
      ],
      [
        admin.runtime,
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: NS,
          name: 'pm-profile',
        },
      ],
      [
        admin.runtime,
        {
          apiVersion: 'delivery.ocm.software/v1alpha1',
          kind: 'Resource',
          namespace: NS,
          name: 'portal-chart',
        },
      ],
      [admin.infra, release],
      [
        admin.infra,
        {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'OCIRepository',
          namespace: NS,
          name: 'portal',
        },
      ],
      ...['kcp-webhook-secret', 'rebac-authz-webhook-cert'].map(
        name =>
          [
            admin.runtime,
            { apiVersion: 'v1', kind: 'Secret', namespace: NS, name },
          ] as const,
      ),
      [
        admin.infra,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: NS,
          name: 'platform-mesh-runtime-secret',
        },
      ],
      [
        admin.operator,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: OP_NS,
          name: 'platform-mesh-kubeconfig',
        },
      ],
      [
        admin.runtime,
        {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          namespace: OP_NS,
          name: 'platform-mesh-gitops',
        },
      ],
    ] as const;
    for (const [client, ref] of gone)
      expect(await exists(client, ref)).toBe(false);
    // ... and nothing else: the neighbour instance, the foreign Secret, the namespaces
    const kept = [
      [
        admin.runtime,
        {
          apiVersion: 'core.platform-mesh.io/v1alpha1',
          kind: 'PlatformMesh',
          namespace: OTHER_NS,
          name: 'pm',
        },
      ],
      [admin.infra, { ...release, namespace: OTHER_NS }],
      [
        admin.infra,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: OTHER_NS,
          name: 'platform-mesh-runtime-secret',
        },
      ],
      [
        admin.operator,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: OP_NS,
          name: 'platform-mesh-infra-kubeconfig',
        },
      ],
      [
        admin.runtime,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: OTHER_NS,
          name: 'kcp-webhook-secret',
        },
      ],
      [admin.runtime, { apiVersion: 'v1', kind: 'Namespace', name: NS }],
      [admin.infra, { apiVersion: 'v1', kind: 'Namespace', name: NS }],
    ] as const;
    for (const [client, ref] of kept)
      expect(await exists(client, ref)).toBe(true);
    expect(events[0].outcome?.status).toBe('succeeded');
    const text = JSON.stringify({ outputs, lines, events });
    expect(text).not.toContain(`seeded-${RUN}`);
    for (const secret of secretMaterial()) expect(text).not.toContain(secret);
    // eslint-disable-next-line no-console
    console.log(`decommission on the real API servers: ${ms} ms`);

    // idempotent: a second run finds nothing
    const second = actionContext({
      input: { instanceRef: `it/${NS}/pm` },
      workspacePath: workspace.path,
    });
    await action.handler(second.ctx);
    expect(second.outputs.removed).toEqual({});
    expect(second.lines.join('\n')).toContain('already decommissioned');
  });

  it('the applier can not delete a webhook Secret the operator or cert-manager did not write (the admission policy)', async () => {
    const applier = itClustersService('applier', {
      operatorNamespace: OP_NS,
      namespace: NS,
    }).getClient('it-runtime');
    for (const name of ['kcp-webhook-secret', 'rebac-authz-webhook-cert']) {
      await put(
        admin.runtime,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name, namespace: OP_NS },
          stringData: { note: 'hand-made' },
        },
        'kubectl',
      );
      await expect(
        applier.requestJson({
          method: 'DELETE',
          path: `/api/v1/namespaces/${OP_NS}/secrets/${name}`,
          query: { dryRun: 'All' },
        }),
      ).rejects.toMatchObject({
        message: expect.stringContaining(
          'does not take over or delete objects it did not create',
        ),
      });
    }
  });

  it("the applier can not delete someone else's ConfigMap (the admission policy)", async () => {
    await put(
      admin.runtime,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'team-b-data', namespace: OTHER_NS },
      },
      'kubectl',
    );
    const applier = itClustersService('applier', {
      operatorNamespace: OP_NS,
      namespace: NS,
    }).getClient('it-runtime');
    await expect(
      applier.requestJson({
        method: 'DELETE',
        path: `/api/v1/namespaces/${OTHER_NS}/configmaps/team-b-data`,
        query: { dryRun: 'All' },
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'does not take over or delete objects it did not create',
      ),
    });
  });
});
