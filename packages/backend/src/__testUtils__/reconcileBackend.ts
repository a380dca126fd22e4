/*
 * A backend with the Platform Mesh status plugin for the `live` target whose Reconcile route
 * writes with a separate identity: a ServiceAccount on the live infra and runtime clusters bound
 * to the ClusterRole of examples/rbac/reconciler.yaml (its token minted with a TokenRequest, as
 * an administrator would hand one to Backstage), next to the read-only `backstage` identity the
 * status is read with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import platformMeshPlugin from '@platform-mesh-backstage/plugin-platform-mesh-backend';
import { clusterEntry, LIVE_ROLES } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { parseAllDocuments } from 'yaml';
import { LIVE_NS } from './liveBackend';

const REPO = join(__dirname, '../../../..');
const SA_NAMESPACE = 'pm-live-reconciler';
const SA = 'backstage-reconciler';

/** examples/rbac/reconciler.yaml's ClusterRole, bound to a ServiceAccount; returns its token. */
export async function reconcilerToken(admin: ClusterClient): Promise<string> {
  const docs = parseAllDocuments(
    readFileSync(join(REPO, 'examples/rbac/reconciler.yaml'), 'utf8'),
  )
    .map(d => d.toJSON())
    .filter(Boolean);
  const role = docs.find((d: any) => d.kind === 'ClusterRole');
  await admin.apply(role, {
    fieldManager: 'pm-live-administrator',
    force: true,
  });
  for (const object of [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: SA_NAMESPACE } },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: SA, namespace: SA_NAMESPACE },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `${SA}-live` },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: role.metadata.name,
      },
      subjects: [{ kind: 'ServiceAccount', name: SA, namespace: SA_NAMESPACE }],
    },
  ]) {
    await admin.apply(object as any, {
      fieldManager: 'pm-live-administrator',
      force: true,
    });
  }
  const { token } = await admin.requestServiceAccountToken(SA_NAMESPACE, SA, {
    expirationSeconds: 900,
  });
  return token;
}

/** Starts the backend; `infraToken` is the reconciler's token on the live infra cluster. */
export async function startReconcileBackend(infraToken: string): Promise<any> {
  const infra = clusterEntry('pm-live-infra', 'live-infra', 'backstage');
  const { server } = await startTestBackend({
    features: [
      platformMeshPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          platformMesh: {
            clusters: [
              ...LIVE_ROLES.map(role =>
                clusterEntry(`pm-${role}`, role, 'backstage'),
              ),
              {
                ...infra,
                name: 'pm-live-infra-reconciler',
                serviceAccountToken: infraToken,
              },
            ],
            targets: [
              {
                name: 'live',
                operatorCluster: 'pm-live-operator',
                runtimeCluster: 'pm-live-runtime',
                infraCluster: 'pm-live-infra',
                deploymentTechnology: 'fluxcd',
                namespace: LIVE_NS,
                reconcile: { clusters: { infra: 'pm-live-infra-reconciler' } },
              },
            ],
            requestTimeoutSeconds: 10,
            cache: { resyncSeconds: 30 },
          },
        },
      }),
    ],
  });
  return server;
}
