import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { actionContext, createService } from '../__testUtils__/fakeClusters';
import { createPlatformMeshRenderAction } from './render';
import { examples } from './render.examples';

// The render never calls a cluster: no handlers, any request fails the test.
const server = setupServer();
registerMswTestHooks(server);

const kubeconfig = (url: string) =>
  `apiVersion: v1\nclusters:\n- name: c\n  cluster: { server: ${url} }\nusers:\n- name: u\n  user: { token: example-token }\ncontexts:\n- name: x\n  context: { cluster: c, user: u }\ncurrent-context: x\n`;

describe('platform-mesh:render examples', () => {
  const workspace = createMockDirectory();
  const action = createPlatformMeshRenderAction({ clusters: createService() });

  beforeEach(() => workspace.clear());

  it.each(examples)('should handle example: $description', async example => {
    const input = parse(example.example).steps[0].input;
    const { ctx, outputs } = actionContext({
      input,
      workspacePath: workspace.path,
      secrets: {
        runtimeKubeconfig: kubeconfig('https://runtime.internal:6443'),
        infraKubeconfig: kubeconfig('https://infra.internal:6443'),
      },
    });
    await action.handler(ctx);
    expect(outputs.files).toContain(
      input.targetPath ? `${input.targetPath}/README.md` : 'README.md',
    );
    expect(outputs.annotation).toBe(
      `${input.target}/${input.namespace ?? 'platform-mesh-system'}/${
        input.name
      }`,
    );
  });
});
