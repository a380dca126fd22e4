/*
 * Reconcile and the OCM Resources against the real local API servers (packages/dev-clusters): the
 * route writes the annotation with a separate write identity (a ServiceAccount bound to the
 * rules of examples/rbac/reconciler.yaml, made here with a TokenRequest because the static
 * `reconciler` token only works after a harness restart), the read-only status identity could
 * not have written it, the admission policy of reconciler.yaml lets that group change nothing
 * but the reconcile annotations, and the cache shows the instance's OCM Resources.
 */
import https from 'node:https';
import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  clusterEntry,
  devClusters,
  eventually,
} from '@internal/dev-clusters/lib/testing';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { platformMeshPlugin } from '../plugin';

jest.setTimeout(60_000);

const dev = devClusters();
const NS = 'pm-it-reconcile';
const SA = 'pm-it-reconciler';
const admin = clientsFor([
  clusterEntry('runtime', 'runtime', 'admin'),
  clusterEntry('infra', 'infra', 'admin'),
]);
const readerInfra = clientsFor([
  clusterEntry('reader-infra', 'infra', 'backstage'),
]);

const helmRelease = {
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: {
    name: 'portal',
    namespace: NS,
    labels: { 'core.platform-mesh.io/operator-created': 'true' },
  },
  spec: {
    interval: '10m',
    chartRef: { kind: 'OCIRepository', name: 'portal' },
    // nothing reconciles here: keep a real helm-controller (if any) off it
    suspend: true,
  },
};
const platformMesh = {
  apiVersion: 'core.platform-mesh.io/v1alpha1',
  kind: 'PlatformMesh',
  metadata: { name: 'platform-mesh', namespace: NS },
  spec: { exposure: { baseDomain: 'portal.localhost', port: 8443 } },
};
const ocmResource = {
  apiVersion: 'delivery.ocm.software/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'portal-chart',
    namespace: NS,
    labels: { artifact: 'chart', repo: 'oci' },
  },
  spec: {
    componentRef: { name: 'platform-mesh' },
    resource: { byReference: { resource: { name: 'chart' } } },
    ocmConfig: [
      {
        kind: 'Repository',
        apiVersion: 'delivery.ocm.software/v1alpha1',
        name: 'platform-mesh',
        namespace: NS,
      },
    ],
  },
};

/** A ServiceAccount in NS bound (RoleBinding) to reconciler.yaml's ClusterRole, and its token. */
async function reconcilerToken(client: (typeof admin)['infra']) {
  await client.apply({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: SA, namespace: NS },
  } as any);
  await client.apply({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: SA, namespace: NS },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'platform-mesh-backstage-reconciler',
    },
    subjects: [{ kind: 'ServiceAccount', name: SA, namespace: NS }],
  } as any);
  const { token } = await client.requestServiceAccountToken(NS, SA, {
    expirationSeconds: 600,
  });
  return token;
}

/** A merge patch as a member of `platform-mesh:reconcilers` (admin impersonation). */
function patchAsReconcilerGroup(
  path: string,
  body: object,
): Promise<{ status: number; text: string }> {
  const entry = clusterEntry('infra', 'infra', 'admin');
  const url = new URL(entry.url + path);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PATCH',
        ca: Buffer.from(entry.caData, 'base64'),
        timeout: 10_000,
        headers: {
          Authorization: `Bearer ${entry.serviceAccountToken}`,
          'Impersonate-User': 'pm-it-reconciler-group-member',
          'Impersonate-Group': 'platform-mesh:reconcilers',
          'Content-Type': 'application/merge-patch+json',
        },
      },
      res => {
        let text = '';
        res.on('data', d => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('Reconcile and OCM Resources on real API servers', () => {
  let server: any;
  let tokens: string[] = [];

  beforeAll(async () => {
    for (const client of [admin.runtime, admin.infra]) {
      await client.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NS },
      });
    }
    await admin.infra.apply(helmRelease as any, { force: true });
    await admin.runtime.apply(platformMesh as any, { force: true });
    await admin.runtime.apply(ocmResource as any, { force: true });
    const infraToken = await reconcilerToken(admin.infra);
    const runtimeToken = await reconcilerToken(admin.runtime);
    tokens = [infraToken, runtimeToken];

    ({ server } = await startTestBackend({
      features: [
        platformMeshPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            platformMesh: {
              clusters: [
                clusterEntry('pm-operator', 'operator', 'backstage'),
                clusterEntry('pm-runtime', 'runtime', 'backstage'),
                clusterEntry('pm-infra', 'infra', 'backstage'),
                {
                  ...clusterEntry('pm-runtime-writer', 'runtime', 'backstage'),
                  serviceAccountToken: runtimeToken,
                },
                {
                  ...clusterEntry('pm-infra-writer', 'infra', 'backstage'),
                  serviceAccountToken: infraToken,
                },
              ],
              targets: [
                {
                  name: 'it',
                  operatorCluster: 'pm-operator',
                  runtimeCluster: 'pm-runtime',
                  infraCluster: 'pm-infra',
                  deploymentTechnology: 'fluxcd',
                  namespace: NS,
                  runtimeServerUrl: dev.runtime.url,
                  reconcile: {
                    clusters: {
                      runtime: 'pm-runtime-writer',
                      infra: 'pm-infra-writer',
                    },
                  },
                },
              ],
            },
          },
        }),
      ],
    }));
  });

  const status = () =>
    eventually(async () => {
      const res = await request(server).get(
        `/api/platform-mesh/instances/it/${NS}/platform-mesh/status`,
      );
      return res.status === 200 &&
        res.body.releases.some((r: any) => r.name === 'portal') &&
        res.body.ocmResources
        ? res.body
        : undefined;
    });

  it('shows the OCM Resources of the namespace, read by the status identity', async () => {
    const body = await status();
    expect(body.ocmResources).toEqual([
      expect.objectContaining({
        name: 'portal-chart',
        namespace: NS,
        resourceName: 'chart',
      }),
    ]);
    expect(body).not.toHaveProperty('ocmResourcesError');
  });

  it('lands reconcile.fluxcd.io/requestedAt on a HelmRelease, which the status identity could not write', async () => {
    await status();
    const res = await request(server)
      .post(`/api/platform-mesh/instances/it/${NS}/platform-mesh/reconcile`)
      .send({
        kind: 'HelmRelease',
        namespace: NS,
        name: 'portal',
        force: true,
      });
    expect(res.status).toBe(200);
    const stored: any = await admin.infra.get({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      name: 'portal',
      namespace: NS,
    });
    expect(stored.metadata.annotations).toMatchObject({
      'reconcile.fluxcd.io/requestedAt': res.body.requestedAt,
      'reconcile.fluxcd.io/forceAt': res.body.requestedAt,
    });
    expect(stored.spec.suspend).toBe(true);
    for (const token of tokens) expect(res.text).not.toContain(token);

    // the read-only status identity is refused the same patch
    const refused = await readerInfra['reader-infra']
      .requestJson({
        method: 'PATCH',
        path: `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${NS}/helmreleases/portal`,
        contentType: 'application/merge-patch+json',
        body: { metadata: { annotations: { x: 'y' } } },
      })
      .catch((e: any) => e);
    expect((refused as any).clusterError?.type).toBe('forbidden');
  });

  it('touches the PlatformMesh on the runtime cluster', async () => {
    await status();
    const res = await request(server)
      .post(`/api/platform-mesh/instances/it/${NS}/platform-mesh/reconcile`)
      .send({ kind: 'PlatformMesh' });
    expect(res.status).toBe(200);
    const stored: any = await admin.runtime.get({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      name: 'platform-mesh',
      namespace: NS,
    });
    expect(
      stored.metadata.annotations['platform-mesh.io/reconcile-requested-at'],
    ).toBe(res.body.requestedAt);
  });

  it("reconciler.yaml's policy: the group may change the reconcile annotations, nothing else", async () => {
    const path = `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${NS}/helmreleases/portal`;
    const ok = await patchAsReconcilerGroup(path, {
      metadata: {
        annotations: { 'reconcile.fluxcd.io/requestedAt': 'by-policy-test' },
      },
    });
    expect(ok.status).toBe(200);
    for (const body of [
      { spec: { suspend: false } },
      { metadata: { labels: { extra: 'x' } } },
      { metadata: { annotations: { 'some.other/annotation': 'x' } } },
    ]) {
      const denied = await patchAsReconcilerGroup(path, body);
      expect([403, 422]).toContain(denied.status);
      expect(denied.text).toMatch(/Platform Mesh reconciler/);
    }
  });
});
