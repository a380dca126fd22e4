/*
 * The GitOps template (examples/templates/platform-mesh-gitops/template.yaml) through the
 * scaffolder's dry run (POST /api/scaffolder/v2/dry-run), as the template editor runs it: no Git
 * server runs here, so the test checks what the run would publish — the files the render step
 * writes (the PlatformMesh, its profile ConfigMap, the instance's catalog-info.yaml; no Secret and
 * no credential anywhere) and the inputs of the pull-request and catalog:register steps, which the
 * scaffolder logs for actions that do not support dry runs.
 *
 * The real publish:github:pull-request lives in @backstage/plugin-scaffolder-backend-module-github,
 * which this package does not depend on; a recorder with the same id, schema and dry-run support
 * (none) stands in for it, so the scaffolder takes the same path it takes for the real action.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import { parse, parseAllDocuments } from 'yaml';
import {
  dryRunTemplate,
  readExampleTemplate,
  startTemplateBackend,
} from './__testUtils__/templateBackend';

jest.setTimeout(60_000);

const TEMPLATE = readExampleTemplate('platform-mesh-gitops');
const NS = 'pm-it-scaffolder-gitops';

/** Same id, inputs and outputs as the GitHub module's action; like it, no dry-run support. */
const pullRequestRecorder = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'pull-request-recorder',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'publish:github:pull-request',
            schema: {
              input: {
                repoUrl: z => z.string(),
                branchName: z => z.string(),
                targetBranchName: z => z.string().optional(),
                title: z => z.string(),
                description: z => z.string(),
                sourcePath: z => z.string().optional(),
                targetPath: z => z.string().optional(),
              },
              output: {
                remoteUrl: z => z.string(),
                pullRequestNumber: z => z.number(),
                targetBranchName: z => z.string(),
              },
            },
            async handler() {
              throw new Error('a dry run never runs the publish action');
            },
          }),
        );
      },
    });
  },
});

describe('the platform-mesh-gitops template in a scaffolder dry run', () => {
  let server: any;

  beforeAll(async () => {
    ({ server } = await startTemplateBackend({
      templates: [],
      features: [pullRequestRecorder],
      config: { integrations: { github: [{ host: 'github.com' }] } },
      platformMesh: {
        targets: [
          {
            name: 'it-gitops',
            operatorCluster: 'pm-operator',
            runtimeCluster: 'pm-runtime',
            infraCluster: 'pm-infra',
            deploymentTechnology: 'argocd',
            namespace: NS,
          },
        ],
      },
    }));
  });

  it('shows the files it would publish and the pull request it would open', async () => {
    const res = await dryRunTemplate(server, TEMPLATE, {
      target: 'it-gitops',
      name: 'platform-mesh',
      owner: 'group:default/platform-team',
      baseDomain: 'portal.example.com',
      port: 443,
      repoUrl: 'github.com?owner=acme&repo=gitops',
      branch: 'main',
      targetPath: 'clusters/platform-mesh',
    });
    expect(res.status).toBe(200);
    const log: string = res.body.log.map((l: any) => l.body.message).join('\n');

    // the files: PlatformMesh (entity from the repository), profile ConfigMap, catalog-info.yaml
    const files = new Map<string, string>(
      res.body.directoryContents.map((f: any) => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    const paths = [...files.keys()];
    const pmPath = paths.find(p => /^gitops\/runtime\/.*platformmesh/.test(p))!;
    const pm = parse(files.get(pmPath)!);
    expect(pm.metadata.annotations).toMatchObject({
      'platform-mesh.io/catalog-entity': 'repository',
      'platform-mesh.io/owner': 'group:default/platform-team',
    });
    const profilePath = paths.find(p =>
      /^gitops\/runtime\/.*configmap/.test(p),
    )!;
    const profile = parse(parse(files.get(profilePath)!).data['profile.yaml']);
    expect(profile.components.services['cnpg-operator'].repoURL).toBe(
      'ghcr.io/cloudnative-pg/charts',
    );
    const entity = parse(files.get('gitops/catalog-info.yaml')!);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: `it-gitops-${NS}-platform-mesh`,
        annotations: {
          'platform-mesh.io/instance': `it-gitops/${NS}/platform-mesh`,
        },
      },
      spec: {
        type: 'platform-mesh-instance',
        owner: 'group:default/platform-team',
      },
    });

    // Secrets as references only: no Secret object, no kubeconfig, no credential
    const all = [...files.values()].join('\n---\n');
    for (const [path, text] of files) {
      if (!path.endsWith('.yaml')) continue;
      for (const doc of parseAllDocuments(text)) {
        expect({ path, kind: doc.toJS()?.kind }).not.toMatchObject({
          kind: 'Secret',
        });
      }
    }
    expect(all).not.toMatch(/kind: Config\b|client-key-data|token:/);
    for (const secret of secretMaterial()) expect(all).not.toContain(secret);
    // ... named in the README instead (Argo CD target: the cluster Secret for the runtime cluster)
    expect(files.get('gitops/README.md')).toContain(
      'platform-mesh-cluster-secret',
    );

    // the pull request: branch, paths, title, and a description listing the objects
    const pr = JSON.parse(
      log.match(
        /Running publish:github:pull-request in dry-run mode with inputs \(secrets redacted\): (\{[\s\S]*?\n\})/,
      )![1],
    );
    expect(pr).toMatchObject({
      repoUrl: 'github.com?owner=acme&repo=gitops',
      targetBranchName: 'main',
      branchName: `platform-mesh/it-gitops-${NS}-platform-mesh`,
      title: `Platform Mesh it-gitops/${NS}/platform-mesh`,
      sourcePath: 'gitops',
      targetPath: `clusters/platform-mesh/it-gitops/${NS}/platform-mesh`,
    });
    expect(pr.description).toContain(
      `| \`pm-runtime\` | runtime | PlatformMesh ${NS}/platform-mesh |`,
    );
    expect(pr.description).toContain(
      `| \`pm-runtime\` | runtime | ConfigMap ${NS}/platform-mesh-profile |`,
    );
    expect(pr.description).toContain('Secrets to create out of band');
    expect(log).toContain(
      'Skipping because publish:github:pull-request does not support dry-run',
    );

    // the catalog-info.yaml is registered from the repository
    const register = JSON.parse(
      log.match(
        /Running catalog:register in dry-run mode with inputs \(secrets redacted\): (\{[\s\S]*?\n\})/,
      )![1],
    );
    expect(register).toEqual({
      optional: true,
      catalogInfoUrl: `https://github.com/acme/gitops/blob/<example>/clusters/platform-mesh/it-gitops/${NS}/platform-mesh/catalog-info.yaml`,
    });
    expect(res.body.output.links[1].url).toBe(
      `/catalog/default/resource/it-gitops-${NS}-platform-mesh`,
    );
  });
});
