/*
 * platform-mesh:apply never takes over a Secret another team created, even with force: true, on
 * the real local API servers (packages/dev-clusters) as the applier identity of examples/rbac.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const OPERATOR_NS = `pm-it-scaffolder-own-system-${RUN}`;
const NS = `pm-it-scaffolder-own-${RUN}`;
const FOREIGN_VALUE = 'another team data, not a kubeconfig';

describe('platform-mesh:apply and objects it did not create', () => {
  const admin = adminClients();
  const workspace = createMockDirectory();

  it('fails in preflight on a foreign Secret with the target name, force or not, and leaves it unchanged', async () => {
    await admin.infra.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    } as any);
    const foreign: any = await admin.infra.apply(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-runtime-secret',
          namespace: NS,
          labels: { 'app.kubernetes.io/managed-by': 'team-b' },
        },
        stringData: { kubeconfig: FOREIGN_VALUE },
      } as any,
      { fieldManager: 'team-b-tool' },
    );
    const action = createPlatformMeshApplyAction({
      clusters: itClustersService('applier', {
        operatorNamespace: OPERATOR_NS,
        namespace: NS,
      }),
      permissions: permissions('ALLOW'),
    });
    const context = actionContext({
      input: { target: 'it', name: 'platform-mesh', force: true },
      workspacePath: workspace.path,
    });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('ConflictError');
    expect(error?.message).toContain(
      `Secret ${NS}/platform-mesh-runtime-secret on cluster "it-infra" (managed by field manager "team-b-tool", label app.kubernetes.io/managed-by=team-b)`,
    );
    const visible = [
      ...context.lines,
      JSON.stringify(context.outputs),
      error?.message,
    ].join('\n');
    expect(visible).not.toContain(FOREIGN_VALUE);
    expect(visible).not.toContain(
      Buffer.from(FOREIGN_VALUE).toString('base64'),
    );

    const after: any = await admin.infra.get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: NS,
      name: 'platform-mesh-runtime-secret',
    });
    expect(after.metadata.resourceVersion).toBe(
      foreign.metadata.resourceVersion,
    );
    expect(after.data).toEqual(foreign.data);
    // nothing else was written either: the preflight runs before the first write
    expect(
      await admin.runtime.tryGet({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        namespace: OPERATOR_NS,
        name: 'platform-mesh-operator',
      }),
    ).toBeUndefined();
  });
});
