import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import {
  actionContext,
  createFakes,
  createService,
  permissions,
} from '../__testUtils__/fakeClusters';
import { readyConditions, serveStatus } from '../__testUtils__/statusHelpers';
import { createPlatformMeshApplyAction } from './apply';
import { examples } from './apply.examples';

const server = setupServer();
registerMswTestHooks(server);

const kubeconfig = (url: string) =>
  `apiVersion: v1\nclusters:\n- name: c\n  cluster: { server: ${url} }\nusers:\n- name: u\n  user: { token: example-token }\ncontexts:\n- name: x\n  context: { cluster: c, user: u }\ncurrent-context: x\n`;

describe('platform-mesh:apply examples', () => {
  const workspace = createMockDirectory();

  it.each(examples)('should handle example: $description', async example => {
    const input = parse(example.example).steps[0].input;
    const fakes = createFakes();
    const namespace = input.namespace ?? 'platform-mesh-system';
    serveStatus(fakes.runtime, namespace, input.name, () => ({
      conditions: readyConditions(),
    }));
    fakes.use(server);
    const action = createPlatformMeshApplyAction({
      clusters: createService(),
      permissions: permissions('ALLOW'),
    });
    const { ctx, outputs } = actionContext({
      input: input.waitForReady
        ? { ...input, pollIntervalSeconds: 0.05 }
        : input,
      workspacePath: workspace.path,
      secrets: {
        runtimeKubeconfig: kubeconfig('https://runtime.internal:6443'),
        infraKubeconfig: kubeconfig('https://infra.internal:6443'),
      },
    });
    await action.handler(ctx);
    expect(outputs.annotation).toBe(`dev/${namespace}/${input.name}`);
    expect(outputs.appliedObjects.runtime).toContainEqual({
      role: 'runtime',
      object: `PlatformMesh ${namespace}/${input.name}`,
      action: 'created',
    });
    expect(outputs.ready).toBe(input.waitForReady ? true : undefined);
  });
});
