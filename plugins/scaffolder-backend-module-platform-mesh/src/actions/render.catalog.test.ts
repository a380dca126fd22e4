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

// No handlers: any cluster call fails the test.
const server = setupServer();
registerMswTestHooks(server);

/** The render action's catalog link: owner, source template, entity name, catalog-info.yaml. */
describe('platform-mesh:render and the instance catalog entity', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  const run = async (
    input: Record<string, unknown>,
    options: { namePattern?: string; defaultOwner?: string } = {},
    templateRef?: string,
  ) => {
    const action = createPlatformMeshRenderAction({
      clusters: createService(),
      ...options,
    });
    const context = actionContext({
      input: { target: 'dev', name: 'pm', namespace: 'pm-ns', ...input },
      workspacePath: workspace.path,
    });
    (context.ctx as any).templateInfo = templateRef
      ? { entityRef: templateRef }
      : undefined;
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    return { ...context, error };
  };
  const read = (path: string) =>
    readFileSync(join(workspace.path, path), 'utf8');
  const platformMesh = (files: string[]) =>
    parse(read(files.find(f => /runtime\/.*platformmesh/.test(f))!));

  it('records owner and template on the PlatformMesh and writes the entity the provider would emit', async () => {
    const result = await run(
      { owner: 'Group:platform-team', targetPath: 'gitops' },
      { namePattern: 'pm-{target}-{name}' },
      'template:default/platform-mesh-gitops',
    );
    expect(result.error).toBeUndefined();
    expect(
      platformMesh(result.outputs.files).metadata.annotations,
    ).toMatchObject({
      'platform-mesh.io/owner': 'group:default/platform-team',
      'platform-mesh.io/source-template':
        'template:default/platform-mesh-gitops',
      'platform-mesh.io/catalog-entity': 'repository',
    });
    expect(result.outputs).toMatchObject({
      entityRef: 'resource:default/pm-dev-pm',
      entityUrl: '/catalog/default/resource/pm-dev-pm',
      catalogInfoPath: 'gitops/catalog-info.yaml',
    });
    expect(parse(read('gitops/catalog-info.yaml'))).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'pm-dev-pm',
        namespace: 'default',
        title: 'Platform Mesh pm (dev)',
        description: 'Platform Mesh instance pm-ns/pm on target dev',
        annotations: {
          'platform-mesh.io/instance': 'dev/pm-ns/pm',
          'backstage.io/source-template':
            'template:default/platform-mesh-gitops',
        },
        tags: ['platform-mesh'],
      },
      spec: {
        type: 'platform-mesh-instance',
        owner: 'group:default/platform-team',
      },
    });
    expect(result.outputs.changeDescription).toContain(
      '| `runtime` | runtime | PlatformMesh pm-ns/pm |',
    );
  });

  it('uses the default pattern and owner from config, and leaves the entity to the provider when asked', async () => {
    const result = await run(
      { catalogEntity: 'provider' },
      { defaultOwner: 'group:default/platform' },
    );
    expect(result.error).toBeUndefined();
    const annotations =
      platformMesh(result.outputs.files).metadata.annotations ?? {};
    expect(annotations['platform-mesh.io/catalog-entity']).toBeUndefined();
    expect(annotations['platform-mesh.io/owner']).toBeUndefined();
    expect(result.outputs.entityRef).toBe('resource:default/dev-pm-ns-pm');
    expect(parse(read('catalog-info.yaml')).spec.owner).toBe(
      'group:default/platform',
    );
  });

  it('refuses an owner that is not a group or user, a bad template ref and a bad repository', async () => {
    const result = await run({
      owner: 'component:default/x',
      sourceTemplate: 'platform-mesh-remote',
      serviceRepoUrls: {
        'cnpg-operator': 'https://user:pass@charts.example.com',
      },
      catalogEntity: 'somewhere',
    });
    expect(result.error?.name).toBe('InputError');
    expect(result.error?.message).toContain(
      'owner: must be a ref of kind group or user, got kind "component"',
    );
    expect(result.error?.message).toContain(
      'sourceTemplate: must name its kind',
    );
    expect(result.error?.message).toContain(
      'serviceRepoUrls.cnpg-operator: must be a chart repository',
    );
    expect(result.error?.message).not.toContain('pass@');
    expect(result.error?.message).toContain(
      'catalogEntity: must be repository or provider',
    );
  });

  it('sets a per-service chart repository in the profile', async () => {
    const result = await run({
      serviceRepoUrls: { 'cnpg-operator': 'oci://mirror.example.com/charts' },
    });
    expect(result.error).toBeUndefined();
    const configMap = parse(
      read(result.outputs.files.find((f: string) => /configmap/.test(f))!),
    );
    expect(
      parse(configMap.data['profile.yaml']).components.services['cnpg-operator']
        .repoURL,
    ).toBe('oci://mirror.example.com/charts');
  });
});
