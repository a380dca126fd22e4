/*
 * platform-mesh:apply against the real local API servers (packages/dev-clusters), as the
 * least-privileged applier identity of examples/rbac/applier.yaml: the full apply on the right
 * clusters with a working, least-privileged ServiceAccount token, the idempotent re-run, the
 * profile-only change, and waitForReady on progressing and failed instances. Everything lives in
 * this test's own namespaces (pm-it-scaffolder-*); nothing the other tests seed is touched.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { parse } from 'yaml';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import {
  adminClients,
  bindOperatorIdentities,
  clientWithToken,
  itClustersService,
  writeStatus,
} from '../__testUtils__/devClusters';
import { readyConditions } from '../__testUtils__/statusHelpers';
import { createPlatformMeshApplyAction } from './apply';

jest.setTimeout(120_000);

// New namespaces every run: Namespaces cannot be deleted on the dev clusters (no controller-manager),
// and a re-run must be `unchanged` for Namespaces this run created, not only for older ones.
const RUN = Date.now().toString(36);
const OPERATOR_NS = `pm-it-scaffolder-system-${RUN}`;
const NS = `pm-it-scaffolder-${RUN}`;
const NS_PROGRESSING = 'pm-it-scaffolder-progressing';
const NS_FAILED = 'pm-it-scaffolder-failed';

const admin = adminClients();
const workspace = createMockDirectory();
const clusters = itClustersService('applier', {
  operatorNamespace: OPERATOR_NS,
  namespace: NS,
});
const action = createPlatformMeshApplyAction({
  clusters,
  permissions: permissions('ALLOW'),
});

async function run(input: Record<string, unknown>) {
  const context = actionContext({ input, workspacePath: workspace.path });
  const started = Date.now();
  let error: Error | undefined;
  try {
    await action.handler(context.ctx);
  } catch (e) {
    error = e as Error;
  }
  return { ...context, error, ms: Date.now() - started };
}

const INPUT = {
  target: 'it',
  name: 'platform-mesh',
  baseDomain: 'portal.localhost',
  port: 8443,
  services: [
    'portal',
    'openfga',
    'kcp-operator',
    'iam-ui',
    'iam-service',
    'account-operator',
    'security-operator',
    'keycloak-operator',
    'cnpg-operator',
    'rebac-authz-webhook',
    'extension-manager-operator',
  ],
};

const PM = (namespace: string) => ({
  apiVersion: 'core.platform-mesh.io/v1alpha1',
  kind: 'PlatformMesh',
  metadata: { name: 'platform-mesh', namespace },
});

async function remove(client: ClusterClient, path: string): Promise<void> {
  await client.requestJson({ method: 'DELETE', path }).catch(error => {
    if (error?.clusterError?.type !== 'not-found') throw error;
  });
}

async function secretToken(
  client: ClusterClient,
  namespace: string,
  name: string,
) {
  const secret: any = await client.get({
    apiVersion: 'v1',
    kind: 'Secret',
    namespace,
    name,
  });
  const kubeconfig = parse(
    Buffer.from(secret.data.kubeconfig, 'base64').toString('utf8'),
  );
  return {
    server: kubeconfig.clusters[0].cluster.server as string,
    token: kubeconfig.users[0].user.token as string,
  };
}

/** Everything a run showed: log lines, outputs, the error. */
function visible(result: { lines: string[]; outputs: object; error?: Error }) {
  return [
    ...result.lines,
    JSON.stringify(result.outputs),
    result.error ? result.error.message : '',
  ].join('\n');
}

describe('platform-mesh:apply against the local clusters', () => {
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // The administrator's step: the operator's and Flux's roles, bound once (examples/rbac).
    await bindOperatorIdentities(OPERATOR_NS);
    // A clean start for the namespaced objects of this test (namespaces stay: nothing finalizes them).
    for (const ns of [NS, NS_PROGRESSING, NS_FAILED]) {
      await remove(
        admin.runtime,
        `/apis/core.platform-mesh.io/v1alpha1/namespaces/${ns}/platformmeshes/platform-mesh`,
      );
      await remove(
        admin.runtime,
        `/api/v1/namespaces/${ns}/configmaps/platform-mesh-profile`,
      );
      await remove(
        admin.infra,
        `/api/v1/namespaces/${ns}/secrets/platform-mesh-runtime-secret`,
      );
    }
    await remove(
      admin.infra,
      `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${NS_FAILED}/helmreleases/portal`,
    );
    for (const name of [
      'platform-mesh-kubeconfig',
      'platform-mesh-infra-kubeconfig',
    ]) {
      await remove(
        admin.operator,
        `/api/v1/namespaces/${OPERATOR_NS}/secrets/${name}`,
      );
    }
    for (const [client, sa] of [
      [admin.runtime, 'platform-mesh-operator'],
      [admin.runtime, 'platform-mesh-gitops'],
      [admin.infra, 'platform-mesh-operator'],
    ] as const) {
      await remove(
        client,
        `/api/v1/namespaces/${OPERATOR_NS}/serviceaccounts/${sa}`,
      );
    }
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`apply timings (ms): ${JSON.stringify(timings)}`);
  });

  it('creates everything on the right clusters, with a working least-privileged token', async () => {
    const result = await run(INPUT);
    timings.firstApply = result.ms;
    expect(result.error).toBeUndefined();
    const byObject = Object.fromEntries(
      Object.values(result.outputs.appliedObjects as Record<string, any[]>)
        .flat()
        .map(o => [`${o.role}/${o.object}`, o.action]),
    );
    expect(byObject).toMatchObject({
      [`operator/Secret ${OPERATOR_NS}/platform-mesh-kubeconfig`]: 'created',
      [`operator/Secret ${OPERATOR_NS}/platform-mesh-infra-kubeconfig`]:
        'created',
      [`infra/Secret ${NS}/platform-mesh-runtime-secret`]: 'created',
      [`runtime/ConfigMap ${NS}/platform-mesh-profile`]: 'created',
      [`runtime/PlatformMesh ${NS}/platform-mesh`]: 'created',
      [`runtime/ServiceAccount ${OPERATOR_NS}/platform-mesh-operator`]:
        'created',
      [`runtime/ServiceAccount ${OPERATOR_NS}/platform-mesh-gitops`]: 'created',
      [`infra/ServiceAccount ${OPERATOR_NS}/platform-mesh-operator`]: 'created',
    });
    // the roles are the administrator's: the applier writes no RBAC
    expect(
      Object.keys(byObject).filter(o => /\/(Cluster)?Role(Binding)? /.test(o)),
    ).toEqual([]);

    // on the right clusters, read back with the admin identity
    expect(
      await admin.runtime.tryGet({
        ...PM(NS),
        name: 'platform-mesh',
        namespace: NS,
      }),
    ).toBeDefined();
    expect(
      await admin.infra
        .tryGet({ ...PM(NS), name: 'platform-mesh', namespace: NS })
        .catch(() => undefined),
    ).toBeUndefined();
    const cm: any = await admin.runtime.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: NS,
      name: 'platform-mesh-profile',
    });
    expect(
      parse(cm.data['profile.yaml']).components.services.portal.enabled,
    ).toBe(true);

    // the operator's kubeconfig works against the runtime cluster, with least privilege
    const operator = await secretToken(
      admin.operator,
      OPERATOR_NS,
      'platform-mesh-kubeconfig',
    );
    expect(operator.server).toBe(clusters.getTarget('it').runtimeServerUrl);
    const asOperator = clientWithToken('runtime', operator.token);
    expect(
      (
        await asOperator.get({
          ...PM(NS),
          name: 'platform-mesh',
          namespace: NS,
        })
      ).metadata.name,
    ).toBe('platform-mesh');
    const may = (
      client: ClusterClient,
      verb: string,
      resource: string,
      group = '',
    ) =>
      client
        .selfSubjectAccessReview({ verb, group, resource, namespace: NS })
        .then(r => r.allowed);
    expect(
      await may(
        asOperator,
        'update',
        'platformmeshes/status'.split('/')[0],
        'core.platform-mesh.io',
      ),
    ).toBe(true);
    expect(
      await may(
        asOperator,
        'delete',
        'platformmeshes',
        'core.platform-mesh.io',
      ),
    ).toBe(false);
    expect(
      await may(
        asOperator,
        'create',
        'clusterroles',
        'rbac.authorization.k8s.io',
      ),
    ).toBe(false);

    // Flux's kubeconfig (infra cluster, instance namespace) can install charts on runtime
    const flux = await secretToken(
      admin.infra,
      NS,
      'platform-mesh-runtime-secret',
    );
    expect(
      await may(
        clientWithToken('runtime', flux.token),
        'create',
        'customresourcedefinitions',
        'apiextensions.k8s.io',
      ),
    ).toBe(true);

    // the operator's infra kubeconfig reaches the infra cluster and may write HelmReleases only
    const infra = await secretToken(
      admin.operator,
      OPERATOR_NS,
      'platform-mesh-infra-kubeconfig',
    );
    const asOperatorOnInfra = clientWithToken('infra', infra.token);
    expect(
      await may(
        asOperatorOnInfra,
        'patch',
        'helmreleases',
        'helm.toolkit.fluxcd.io',
      ),
    ).toBe(true);
    expect(
      await may(
        asOperatorOnInfra,
        'create',
        'platformmeshes',
        'core.platform-mesh.io',
      ),
    ).toBe(false);

    // no credential in logs, outputs or errors
    const text = visible(result);
    for (const secret of [
      ...secretMaterial(),
      operator.token,
      flux.token,
      infra.token,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reports everything unchanged on a second run with the same input', async () => {
    const result = await run(INPUT);
    timings.reRun = result.ms;
    expect(result.error).toBeUndefined();
    expect(
      Object.values(result.outputs.appliedObjects as Record<string, any[]>)
        .flat()
        .filter(o => o.action !== 'unchanged'),
    ).toEqual([]);
    expect(
      result.outputs.summary.created + result.outputs.summary.configured,
    ).toBe(0);
    expect(result.outputs.tokens.every((t: any) => t.origin === 'reused')).toBe(
      true,
    );
  });

  const CHANGED_PROFILE = {
    ...INPUT,
    services: [...INPUT.services, 'marketplace-ui'],
  };

  it('touches the PlatformMesh when only the profile changes', async () => {
    const before: any = await admin.runtime.get({
      ...PM(NS),
      name: 'platform-mesh',
      namespace: NS,
    });
    const result = await run(CHANGED_PROFILE);
    timings.profileChange = result.ms;
    expect(result.error).toBeUndefined();
    const changed = Object.values(
      result.outputs.appliedObjects as Record<string, any[]>,
    )
      .flat()
      .filter(o => o.action !== 'unchanged')
      .map(o => o.object);
    expect(changed).toEqual([
      `ConfigMap ${NS}/platform-mesh-profile`,
      `PlatformMesh ${NS}/platform-mesh`,
    ]);
    const after: any = await admin.runtime.get({
      ...PM(NS),
      name: 'platform-mesh',
      namespace: NS,
    });
    expect(after.metadata.resourceVersion).not.toBe(
      before.metadata.resourceVersion,
    );
    expect(
      after.metadata.annotations['platform-mesh.io/profile-sha256'],
    ).not.toBe(before.metadata.annotations['platform-mesh.io/profile-sha256']);
    expect(after.spec).toEqual(before.spec);
  });

  it('writes nothing in a dry run', async () => {
    const before: any = await admin.runtime.get({
      ...PM(NS),
      name: 'platform-mesh',
      namespace: NS,
    });
    const context = actionContext({
      input: { ...CHANGED_PROFILE, baseDomain: 'dry-run.localhost' },
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await action.handler(context.ctx);
    expect(context.outputs.summary.configured).toBe(1);
    expect(context.lines.join('\n')).toContain(
      '~ spec.exposure.baseDomain: portal.localhost → dry-run.localhost',
    );
    const after: any = await admin.runtime.get({
      ...PM(NS),
      name: 'platform-mesh',
      namespace: NS,
    });
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('waitForReady times out on a progressing instance with the stopped step in the error', async () => {
    const input = { ...INPUT, namespace: NS_PROGRESSING };
    expect((await run(input)).error).toBeUndefined();
    const pm: any = await admin.runtime.get({
      ...PM(NS_PROGRESSING),
      name: 'platform-mesh',
      namespace: NS_PROGRESSING,
    });
    const generation = pm.metadata.generation;
    await writeStatus(admin.runtime, PM(NS_PROGRESSING), {
      conditions: [
        {
          type: 'DeploymentSubroutine',
          status: 'False',
          reason: 'Stopped',
          message:
            'cert-manager CRD issuers.cert-manager.io is not established',
          lastTransitionTime: new Date().toISOString(),
          observedGeneration: generation,
        },
        ...readyConditions(generation - 1)
          .filter(c => !['DeploymentSubroutine', 'Ready'].includes(c.type))
          .map(c => ({ ...c, lastTransitionTime: new Date().toISOString() })),
        {
          type: 'Ready',
          status: 'False',
          reason: 'Stopped',
          message: 'one or more subroutines stopped the chain',
          lastTransitionTime: new Date().toISOString(),
          observedGeneration: generation,
        },
      ],
    });
    const started = Date.now();
    const result = await run({
      ...input,
      waitForReady: true,
      timeoutSeconds: 3,
      pollIntervalSeconds: 0.5,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.error?.message).toContain(
      'Timed out after 3s waiting for PlatformMesh pm-it-scaffolder-progressing/platform-mesh to become Ready; it stopped at DeploymentSubroutine False/Stopped: cert-manager CRD issuers.cert-manager.io is not established',
    );
    const progress = result.lines.filter(l =>
      l.includes('DeploymentSubroutine False/Stopped'),
    );
    expect(progress).toHaveLength(1);
  });

  it('waitForReady fails fast on a Stalled HelmRelease with its message', async () => {
    const input = { ...INPUT, namespace: NS_FAILED };
    expect((await run(input)).error).toBeUndefined();
    const pm: any = await admin.runtime.get({
      ...PM(NS_FAILED),
      name: 'platform-mesh',
      namespace: NS_FAILED,
    });
    await writeStatus(admin.runtime, PM(NS_FAILED), {
      conditions: [
        ...readyConditions(pm.metadata.generation)
          .filter(c => !['WaitSubroutine', 'Ready'].includes(c.type))
          .map(c => ({ ...c, lastTransitionTime: new Date().toISOString() })),
        {
          type: 'WaitSubroutine',
          status: 'False',
          reason: 'Stopped',
          message: `resource ${NS_FAILED}/portal of type HelmRelease is not ready yet`,
          lastTransitionTime: new Date().toISOString(),
          observedGeneration: pm.metadata.generation,
        },
      ],
    });
    const hr = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'portal',
        namespace: NS_FAILED,
        labels: { 'core.platform-mesh.io/operator-created': 'true' },
      },
      spec: {
        interval: '1m',
        chartRef: {
          kind: 'OCIRepository',
          name: 'portal',
          namespace: NS_FAILED,
        },
        kubeConfig: {
          secretRef: {
            name: 'platform-mesh-runtime-secret',
            key: 'kubeconfig',
          },
        },
      },
    };
    await admin.infra.apply(hr as any);
    const stored: any = await admin.infra.get({
      ...hr,
      name: 'portal',
      namespace: NS_FAILED,
    });
    const now = new Date().toISOString();
    await writeStatus(admin.infra, hr, {
      observedGeneration: stored.metadata.generation,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'UpgradeFailed',
          message: `Helm upgrade failed for release ${NS_FAILED}/portal with chart portal@0.9.3: context deadline exceeded`,
          lastTransitionTime: now,
          observedGeneration: stored.metadata.generation,
        },
        {
          type: 'Stalled',
          status: 'True',
          reason: 'RetriesExceeded',
          message: 'Failed to upgrade after 3 attempt(s)',
          lastTransitionTime: now,
          observedGeneration: stored.metadata.generation,
        },
      ],
    });
    const started = Date.now();
    const result = await run({
      ...input,
      waitForReady: true,
      timeoutSeconds: 60,
      pollIntervalSeconds: 0.5,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.error?.message).toBe(
      `HelmRelease ${NS_FAILED}/portal on the infra cluster failed (RetriesExceeded): Failed to upgrade after 3 attempt(s) — Helm upgrade failed for release ${NS_FAILED}/portal with chart portal@0.9.3: context deadline exceeded`,
    );
  });
});
