import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { actionContext, createService } from '../__testUtils__/fakeClusters';
import { createPlatformMeshRenderAction } from './render';

// No handlers: the render calls no cluster (onUnhandledRequest: 'error').
const server = setupServer();
registerMswTestHooks(server);

const ONE = {
  secret: 'orchestrate-kubeconfig',
  path: 'root:providers:orchestrate',
  apiExportName: 'orchestrate.platform-mesh.io',
};
const SEVERAL = {
  secret: 'marketplace-kubeconfig',
  path: 'root:providers:marketplace',
  apiExportNames: ['marketplace.platform-mesh.io', 'ui.platform-mesh.io'],
};

describe('platform-mesh:render crdGeneration', () => {
  const workspace = createMockDirectory();
  const action = createPlatformMeshRenderAction({ clusters: createService() });

  beforeEach(() => workspace.clear());

  const run = async (input: Record<string, unknown>) => {
    const context = actionContext({ input, workspacePath: workspace.path });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    return { ...context, error };
  };
  const base = {
    target: 'dev',
    name: 'pm-render',
    namespace: 'pm-render-ns',
    baseDomain: 'portal.example.com',
  };
  const renderedKcp = (files: string[]) => {
    const file = files.find(f => f.includes('-platformmesh-'))!;
    return parse(readFileSync(join(workspace.path, file), 'utf8')).spec.kcp;
  };

  it('renders the operator v0.81.14 form by default: a list of one becomes apiExportName', async () => {
    const result = await run({
      ...base,
      kcp: {
        providerConnections: [
          {
            secret: ONE.secret,
            path: ONE.path,
            apiExportNames: [ONE.apiExportName],
          },
        ],
      },
    });
    expect(result.error).toBeUndefined();
    expect(renderedKcp(result.outputs.files).providerConnections).toEqual([
      ONE,
    ]);
  });

  it('renders apiExportNames with crdGeneration: apiExportNames', async () => {
    const result = await run({
      ...base,
      crdGeneration: 'apiExportNames',
      kcp: { providerConnections: [ONE], extraProviderConnections: [SEVERAL] },
    });
    expect(result.error).toBeUndefined();
    expect(renderedKcp(result.outputs.files)).toEqual({
      providerConnections: [
        {
          secret: ONE.secret,
          path: ONE.path,
          apiExportNames: [ONE.apiExportName],
        },
      ],
      extraProviderConnections: [SEVERAL],
    });
  });

  it('refuses several names for the default generation, and an unknown generation, writing nothing', async () => {
    const several = await run({
      ...base,
      kcp: { extraProviderConnections: [SEVERAL] },
    });
    expect(several.error?.name).toBe('InputError');
    expect(several.error?.message).toContain(
      'do not fit crdGeneration apiExportName; set crdGeneration to the form of the CRD installed on the runtime cluster',
    );
    expect(several.error?.message).toContain(
      'spec.kcp.extraProviderConnections[0].apiExportNames: lists 2 APIExport names',
    );
    expect(several.outputs.files).toBeUndefined();

    const unknown = await run({ ...base, crdGeneration: 'apiExportNamez' });
    expect(unknown.error?.name).toBe('InputError');
    expect(unknown.error?.message).toContain(
      'crdGeneration: must be apiExportName or apiExportNames',
    );
  });
});
