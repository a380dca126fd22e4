import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  actionContext,
  createFakes,
  createService,
  permissions,
} from '../__testUtils__/fakeClusters';
import { createPlatformMeshApplyAction } from './apply';
import { createPlatformMeshRenderAction } from './render';

// Every request the fakes answer is journaled; anything else fails the test (msw default).
const server = setupServer();
registerMswTestHooks(server);
const workspace = createMockDirectory();

const OUTSIDE = { target: 'dev', name: 'pm', namespace: 'team-b' };
const EXPECTED =
  'namespace: "team-b" is not allowed for target "dev"; allowed namespaces: "platform-mesh-system", "pm-*", "team-a-*" (platformMesh.targets[].namespaces)';

async function handle(
  action: { handler: (ctx: any) => Promise<void> },
  input: Record<string, unknown>,
) {
  const context = actionContext({ input, workspacePath: workspace.path });
  try {
    await action.handler(context.ctx);
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('the namespace allow-list of a target', () => {
  it('platform-mesh:apply refuses a namespace outside it before any cluster request, even with force', async () => {
    const fakes = createFakes();
    fakes.use(server);
    const action = createPlatformMeshApplyAction({
      clusters: createService(),
      permissions: permissions('ALLOW'),
    });
    const error = await handle(action, { ...OUTSIDE, force: true });
    expect(error?.name).toBe('InputError');
    expect(error?.message).toBe(EXPECTED);
    expect(fakes.journal).toEqual([]);
  });

  it('platform-mesh:apply goes on to the clusters for an allowed namespace', async () => {
    const fakes = createFakes();
    fakes.use(server);
    const action = createPlatformMeshApplyAction({
      clusters: createService(),
      permissions: permissions('ALLOW'),
    });
    const error = await handle(action, { ...OUTSIDE, namespace: 'pm-team-b' });
    expect(error).toBeUndefined();
    expect(fakes.journal.length).toBeGreaterThan(0);
  });

  it('platform-mesh:render refuses it too and writes nothing', async () => {
    workspace.clear();
    const action = createPlatformMeshRenderAction({
      clusters: createService(),
    });
    const error = await handle(action, OUTSIDE);
    expect(error?.name).toBe('InputError');
    expect(error?.message).toBe(EXPECTED);
    expect(workspace.content()).toEqual({});
  });
});
