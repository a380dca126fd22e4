import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { parse, parseAllDocuments } from 'yaml';
import { PLACEHOLDER_TOKEN } from '../input/readSetupInput';
import {
  actionContext,
  createService,
  TOKENS,
} from '../__testUtils__/fakeClusters';
import { createPlatformMeshRenderAction } from './render';

// No handlers: any cluster call fails the test (onUnhandledRequest: 'error').
const server = setupServer();
registerMswTestHooks(server);

const SECRET_TOKEN = 'render-secret-token-1a2b3c4d5e6f';

/** The text plus every base64-looking run in it decoded, so that an encoded secret is found too. */
function withDecoded(text: string): string {
  const runs = text.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? [];
  return [
    text,
    ...runs.map(r => Buffer.from(r, 'base64').toString('utf8')),
  ].join('\n');
}
const kubeconfig = (url: string) =>
  `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: { server: ${url}, certificate-authority-data: Q0EK }
users:
- name: u
  user: { token: ${SECRET_TOKEN} }
contexts:
- name: x
  context: { cluster: c, user: u }
current-context: x
`;

describe('platform-mesh:render', () => {
  const workspace = createMockDirectory();
  const action = createPlatformMeshRenderAction({ clusters: createService() });

  beforeEach(() => workspace.clear());

  const run = async (
    input: Record<string, unknown>,
    secrets?: Record<string, string>,
  ) => {
    const context = actionContext({
      input,
      workspacePath: workspace.path,
      secrets,
    });
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
  const allFiles = (files: string[]) => files.map(read).join('\n');

  it('writes one file per object in a folder per cluster role, Helm values, catalog entity and README', async () => {
    const result = await run({
      target: 'dev',
      name: 'pm-render',
      namespace: 'pm-render-ns',
      baseDomain: 'portal.example.com',
    });
    expect(result.error).toBeUndefined();
    const files: string[] = result.outputs.files;
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'helm-values.operator.yaml',
        'catalog-info.yaml',
        'operator/kustomization.yaml',
        'runtime/kustomization.yaml',
        'infra/kustomization.yaml',
      ]),
    );
    const runtimeFiles = files.filter(f => f.startsWith('runtime/'));
    expect(
      runtimeFiles.some(f =>
        /-configmap-pm-render-ns-pm-render-profile\.yaml$/.test(f),
      ),
    ).toBe(true);
    const pmFile = runtimeFiles.find(f => f.includes('-platformmesh-'))!;
    // the PlatformMesh is last in the apply order
    const numbers = files
      .map(f => f.match(/\/(\d+)-/)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(Number(pmFile.match(/\/(\d+)-/)![1])).toBe(Math.max(...numbers));
    const pm = parseAllDocuments(read(pmFile))[0].toJS();
    expect(pm.spec.exposure).toEqual({
      baseDomain: 'portal.example.com',
      port: 443,
      protocol: 'https',
    });
    // no Secret objects: they are documented only
    expect(files.some(f => f.includes('-secret-'))).toBe(false);
    expect(result.outputs.requiredSecrets.map((s: any) => s.name)).toEqual([
      'platform-mesh-kubeconfig',
      'platform-mesh-infra-kubeconfig',
      'platform-mesh-runtime-secret',
    ]);
    const readme = read('README.md');
    expect(readme).toContain('platform-mesh-runtime-secret');
    expect(readme).toContain(
      'kubectl --context <runtime> -n platform-mesh-system create token platform-mesh-gitops',
    );
    expect(readme).toContain('| `infra/` | `infra` |');
    expect(result.outputs.readme).toBe(readme);
    expect(parse(read('helm-values.operator.yaml'))).toEqual({
      remoteRuntime: {
        enabled: true,
        secretName: 'platform-mesh-kubeconfig',
        secretKey: 'kubeconfig',
        infra: {
          secretName: 'platform-mesh-runtime-secret',
          secretKey: 'kubeconfig',
        },
      },
      remoteInfra: {
        enabled: true,
        secretName: 'platform-mesh-infra-kubeconfig',
        secretKey: 'kubeconfig',
      },
    });
    const entity = parse(read('catalog-info.yaml'));
    expect(entity.metadata.annotations).toEqual({
      'platform-mesh.io/instance': 'dev/pm-render-ns/pm-render',
    });
    expect(entity.spec.owner).toBe('user:default/platform-engineer');
    expect(result.outputs).toMatchObject({
      annotation: 'dev/pm-render-ns/pm-render',
      entityUrl: '/catalog/default/resource/dev-pm-render-ns-pm-render',
    });
    // ServiceAccount RBAC is rendered so GitOps users can apply it too
    expect(
      files.some(f => f.includes('clusterrole-platform-mesh-operator-runtime')),
    ).toBe(true);
    const text = allFiles(files);
    expect(text).not.toContain(PLACEHOLDER_TOKEN);
    for (const token of Object.values(TOKENS))
      expect(text).not.toContain(token);
  });

  it('writes the Secrets only with credentials: secrets and includeSecrets: true', async () => {
    const secrets = {
      operatorToRuntimeKubeconfig: kubeconfig('https://runtime.internal:6443'),
      operatorToInfraKubeconfig: kubeconfig('https://infra.internal:6443'),
      infraToRuntimeKubeconfig: kubeconfig('https://runtime.internal:6443'),
    };
    const documented = await run(
      { target: 'dev', name: 'pm-render', credentials: 'secrets' },
      secrets,
    );
    expect(documented.error).toBeUndefined();
    expect(withDecoded(allFiles(documented.outputs.files))).not.toContain(
      SECRET_TOKEN,
    );
    expect(documented.outputs.requiredSecrets).toHaveLength(3);

    workspace.clear();
    const included = await run(
      {
        target: 'dev',
        name: 'pm-render',
        credentials: 'secrets',
        includeSecrets: true,
      },
      secrets,
    );
    expect(included.error).toBeUndefined();
    const secretFiles = included.outputs.files.filter((f: string) =>
      f.includes('-secret-'),
    );
    expect(secretFiles).toHaveLength(3);
    // Secret data is base64, as the API server stores it
    expect(allFiles(secretFiles)).not.toContain(SECRET_TOKEN);
    expect(withDecoded(allFiles(secretFiles))).toContain(SECRET_TOKEN);
    expect(included.outputs.requiredSecrets).toEqual([]);
    expect(included.lines.join('\n')).toContain(
      'encrypt them before committing',
    );
    // never in logs or outputs
    expect(
      withDecoded(
        [...included.lines, JSON.stringify(included.outputs)].join('\n'),
      ),
    ).not.toContain(SECRET_TOKEN);
  });

  it('refuses includeSecrets without task-secret kubeconfigs, and a path outside the workspace', async () => {
    const result = await run({
      target: 'dev',
      name: 'pm-render',
      includeSecrets: true,
      targetPath: '../outside',
    });
    expect(result.error?.name).toBe('InputError');
    expect(result.error?.message).toContain(
      'includeSecrets: needs credentials: secrets',
    );
    expect(result.error?.message).toContain(
      'targetPath: must be a folder inside the workspace',
    );
  });

  it('names every bad field at once', async () => {
    const result = await run({
      target: 'dev',
      name: 'pm',
      namespace: 'Not_A_Namespace',
      profile: 'infra: [',
      services: ['portal'],
      featureToggles: ['feature-enable-marketplace-org'],
    });
    expect(result.error?.name).toBe('InputError');
    for (const field of [
      'namespace',
      'profile',
      'services',
      'featureToggles[0]',
    ]) {
      expect(result.error?.message).toContain(`${field}`);
    }
  });

  it('renders Operator == Infra with no infra kubeconfig for the operator', async () => {
    const result = await run({ target: 'colocated', name: 'pm-colo' });
    expect(result.error).toBeUndefined();
    expect(parse(read('helm-values.operator.yaml')).remoteInfra.enabled).toBe(
      false,
    );
    expect(read('README.md')).toContain(
      'Operator == Infra: `operator/` and `infra/` both go to cluster `operator`.',
    );
    expect(result.outputs.requiredSecrets.map((s: any) => s.name)).toEqual([
      'platform-mesh-kubeconfig',
      'platform-mesh-runtime-secret',
    ]);
  });
});
