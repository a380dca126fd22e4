/*
 * Removing the last spec field of an instance against the real local API servers: apply
 * `{target, name, baseDomain}`, then `{target, name}`. Server-side applying an empty `spec: {}`
 * over the owned `spec.exposure` leaves `spec: null`, which the PlatformMesh CRD refuses; the
 * second run must succeed and leave the instance without exposure. Own namespaces
 * (pm-it-specremoval-*).
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const NS = `pm-it-specremoval-${RUN}`;
const OPERATOR_NS = `pm-it-specremoval-system-${RUN}`;

describe('platform-mesh:apply removing the last spec field', () => {
  const workspace = createMockDirectory();
  const action = createPlatformMeshApplyAction({
    clusters: itClustersService('applier', {
      operatorNamespace: OPERATOR_NS,
      namespace: NS,
    }),
    permissions: permissions('ALLOW'),
  });

  async function run(input: Record<string, unknown>) {
    const context = actionContext({ input, workspacePath: workspace.path });
    await action.handler(context.ctx);
    return context;
  }

  it('applies {target, name, baseDomain}, then {target, name}: the second apply succeeds and drops the exposure', async () => {
    const base = { target: 'it', name: 'platform-mesh', credentials: 'none' };
    await run({ ...base, baseDomain: 'portal.localhost' });
    const first: any = await adminClients().runtime.get({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'platform-mesh',
    });
    expect(first.spec).toEqual({
      exposure: {
        baseDomain: 'portal.localhost',
        port: 443,
        protocol: 'https',
      },
    });

    await run(base);
    const second: any = await adminClients().runtime.get({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'platform-mesh',
    });
    expect(second.spec?.exposure).toBeUndefined();
    expect(second.spec ?? {}).toEqual({});

    // And back: the exposure can be set again.
    await run({ ...base, baseDomain: 'portal.localhost', port: 8443 });
    const third: any = await adminClients().runtime.get({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'platform-mesh',
    });
    expect(third.spec.exposure.port).toBe(8443);
  });
});
