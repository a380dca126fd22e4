import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import {
  actionContext,
  createService,
  permissions,
} from '../__testUtils__/fakeClusters';
import {
  decommissionFakes,
  recordingAuditor,
} from '../delete/__testUtils__/decommissionFakes';
import { createPlatformMeshDeleteAction } from './delete';
import { examples } from './delete.examples';

const server = setupServer();
registerMswTestHooks(server);

describe('platform-mesh:delete examples', () => {
  const workspace = createMockDirectory();

  it.each(examples)('should handle example: $description', async example => {
    const input = parse(example.example).steps[0].input;
    const namespace = input.instanceRef?.split('/')[1] ?? input.namespace;
    const fakes = decommissionFakes(namespace);
    fakes.use(server);
    const name = input.instanceRef?.split('/')[2] ?? input.name;
    // the fakes hold `pm`; the example's instance is seeded under its name
    fakes.seedInstance(name);
    const action = createPlatformMeshDeleteAction({
      clusters: createService(),
      permissions: permissions('ALLOW'),
      auditor: recordingAuditor().auditor,
    });
    const { ctx, outputs } = actionContext({
      input: { ...input, waitTimeoutSeconds: 2 },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(outputs.removed.runtime).toContainEqual({
      kind: 'PlatformMesh',
      namespace,
      name,
    });
    expect(outputs.instance).toEqual({ target: 'dev', namespace, name });
  });
});
