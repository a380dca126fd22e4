import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  resolveSetup,
  type ProviderConnectionForm,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { buildApplyPlan } from '../apply/applyPlan';
import { planInInstalledForm } from '../apply/installedFormPlan';
import {
  readField,
  readSetupInput,
  type Problem,
} from '../input/readSetupInput';
import { assertTargetNamespace } from '../input/targetNamespace';
import { reportInputWarnings } from '../input/reportInputWarnings';
import { changeDescription } from '../render/changeDescription';
import { workspaceFiles } from '../render/workspaceFiles';
import { setupInputProperties, setupOutputProperties } from './inputProperties';
import { instanceOutputs } from './outputs';
import { examples } from './render.examples';

/** Options of {@link createPlatformMeshRenderAction}. @public */
export interface PlatformMeshRenderActionOptions {
  clusters: PlatformMeshClustersService;
  /** `catalog.providers.platformMesh.namePattern`: names the rendered catalog entity. */
  namePattern?: string;
  /** `catalog.providers.platformMesh.defaultOwner`: the owner when the template names none. */
  defaultOwner?: string;
}

/**
 * Creates the `platform-mesh:render` action: the manifests, the operator's Helm values, a catalog
 * entity and a README written into the workspace. No cluster calls.
 *
 * @param options - the clusters service (for the configured targets)
 * @public
 */
export function createPlatformMeshRenderAction(
  options: PlatformMeshRenderActionOptions,
) {
  const { clusters, namePattern, defaultOwner } = options;
  return createTemplateAction({
    id: 'platform-mesh:render',
    description:
      "Renders a remote Platform Mesh for a configured target into the workspace, for GitOps and pull-request flows: one YAML file per object in a folder per cluster role (operator/, runtime/, infra/) in apply order, the operator chart's helm-values.operator.yaml, a catalog-info.yaml with the platform-mesh.io/instance annotation, and a README.md saying what goes where and which Secrets to create out of band. Never calls a cluster; never writes credentials unless the template passes kubeconfigs as task secrets and sets includeSecrets.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...setupInputProperties,
        targetPath: z =>
          z
            .string({
              description:
                'Folder in the workspace to write to (default: the workspace root)',
            })
            .optional(),
        crdGeneration: z =>
          z
            .enum(['apiExportName', 'apiExportNames'], {
              description:
                'The PlatformMesh CRD generation to render provider connections for: apiExportName (one name; operator v0.81.14, the default) or apiExportNames (a list; CRD chart 0.11.0 / pm-operator 0.87.0 and newer). One name and a list of one are converted; a list of several names needs apiExportNames',
            })
            .optional(),
        catalogEntity: z =>
          z
            .enum(['repository', 'provider'], {
              description:
                "Where the instance's catalog entity comes from: `repository` (default: the rendered catalog-info.yaml is registered from the Git repository, and the PlatformMesh is annotated `platform-mesh.io/catalog-entity: repository` so the catalog entity provider does not emit it too) or `provider` (the provider emits it once the PlatformMesh exists; do not register the catalog-info.yaml then)",
            })
            .optional(),
        includeSecrets: z =>
          z
            .boolean({
              description:
                'With credentials: secrets, also write the kubeconfig Secrets (they hold credentials: encrypt them before committing). Off by default: Secrets are only documented in the README',
            })
            .optional(),
      },
      output: {
        ...setupOutputProperties,
        files: z =>
          z
            .array(z.string())
            .describe('Paths written, relative to the workspace'),
        requiredSecrets: z =>
          z
            .array(
              z.object({
                cluster: z.string(),
                namespace: z.string(),
                name: z.string(),
                key: z.string(),
              }),
            )
            .describe('Secrets to create out of band (names only)'),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              "Path of the instance's catalog-info.yaml, relative to the workspace (register it from the repository with catalog:register)",
            ),
        changeDescription: z =>
          z
            .string()
            .describe(
              'Markdown for a pull request: the instance, the objects per cluster in apply order, and the Secrets to create out of band (names only)',
            ),
        readme: z =>
          z
            .string()
            .describe('The README.md: what goes where (no credentials)'),
        operatorHelmValues: z =>
          z
            .string()
            .describe(
              "The operator chart's values (helm-values.operator.yaml): the Secret names and keys it mounts, no credentials",
            ),
      },
    },
    async handler(ctx) {
      const problems: Problem[] = [];
      const raw = (ctx.input ?? {}) as Record<string, unknown>;
      const targetPath =
        readField<string>(raw, 'targetPath', 'string', problems) ?? '.';
      const includeSecrets =
        readField<boolean>(raw, 'includeSecrets', 'boolean', problems) ?? false;
      const crdGeneration =
        readField<string>(raw, 'crdGeneration', 'string', problems) ??
        'apiExportName';
      if (!['apiExportName', 'apiExportNames'].includes(crdGeneration)) {
        problems.push({
          field: 'crdGeneration',
          message: 'must be apiExportName or apiExportNames',
        });
      }
      const catalogEntity =
        readField<string>(raw, 'catalogEntity', 'string', problems) ??
        'repository';
      if (!['repository', 'provider'].includes(catalogEntity)) {
        problems.push({
          field: 'catalogEntity',
          message: 'must be repository or provider',
        });
      }
      const credentials = raw.credentials ?? 'serviceAccount';
      if (includeSecrets && credentials !== 'secrets') {
        problems.push({
          field: 'includeSecrets',
          message:
            'needs credentials: secrets (kubeconfigs passed as task secrets); nothing else can be written',
        });
      }
      let outDir = ctx.workspacePath;
      try {
        outDir = resolveSafeChildPath(ctx.workspacePath, targetPath);
      } catch {
        problems.push({
          field: 'targetPath',
          message: 'must be a folder inside the workspace',
        });
      }
      const input = readSetupInput(ctx.input, {
        clusters,
        // Task secrets are only read when they may be written.
        secrets: includeSecrets ? ctx.secrets : undefined,
        readSecretKubeconfigs: includeSecrets,
        defaultCredentials: 'serviceAccount',
        defaultOwner: ctx.user?.ref,
        configuredOwner: defaultOwner,
        namePattern,
        sourceTemplate: ctx.templateInfo?.entityRef,
        catalogEntity: catalogEntity as 'repository' | 'provider',
        extraProblems: problems,
      });
      assertTargetNamespace(input.target, input.setup.instance.namespace);
      reportInputWarnings(ctx, input.warnings);
      const secretsWritten = includeSecrets && input.credentials === 'secrets';
      const form = crdGeneration as ProviderConnectionForm;
      const { plan } = planInInstalledForm(
        buildApplyPlan(
          secretsWritten
            ? { ...input.setup, kubeconfigs: input.secretKubeconfigs }
            : input.setup,
          input.credentials === 'serviceAccount',
          true,
          input.annotations,
        ),
        { providerConnections: [form], extraProviderConnections: [form] },
        `crdGeneration ${form}; set crdGeneration to the form of the CRD installed on the runtime cluster`,
      );
      const resolved = resolveSetup(input.setup);
      const { files, readme } = workspaceFiles({
        plan: plan.render,
        items: plan.items,
        clusters: resolved.clusters,
        operatorNamespace: resolved.operatorNamespace,
        credentials: input.credentials,
        serviceAccounts: plan.serviceAccounts,
        secretsWritten,
        deploymentTechnology: resolved.deploymentTechnology,
        entity: input.entity,
      });

      const written: string[] = [];
      for (const file of files) {
        const path = resolveSafeChildPath(outDir, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, 'utf8');
        written.push(
          targetPath === '.'
            ? file.path
            : `${targetPath.replace(/\/+$/, '')}/${file.path}`,
        );
      }
      if (secretsWritten) {
        ctx.logger.warn(
          `Wrote ${
            plan.items.filter(i => i.object.kind === 'Secret').length
          } kubeconfig Secret(s) with credentials into the workspace (includeSecrets: true); encrypt them before committing`,
        );
      }
      ctx.logger.info(
        `Rendered Platform Mesh ${plan.render.annotation}: ${
          plan.items.length
        } objects for clusters ${[...new Set(plan.items.map(i => i.cluster))]
          .map(c => `"${c}"`)
          .join(', ')}, ${written.length} files under ${targetPath}`,
      );
      for (const secret of plan.render.requiredSecrets) {
        ctx.logger.info(
          `To create out of band: Secret ${secret.namespace}/${secret.name} (key ${secret.key}) on cluster "${secret.cluster}"`,
        );
      }

      for (const [name, value] of Object.entries(
        instanceOutputs(plan.render, input.entity),
      )) {
        ctx.output(name as any, value as any);
      }
      ctx.output('files', written);
      ctx.output(
        'catalogInfoPath',
        targetPath === '.'
          ? 'catalog-info.yaml'
          : `${targetPath.replace(/\/+$/, '')}/catalog-info.yaml`,
      );
      ctx.output(
        'changeDescription',
        changeDescription(plan.render, plan.items, secretsWritten),
      );
      ctx.output(
        'requiredSecrets',
        plan.render.requiredSecrets.map(s => ({
          cluster: s.cluster,
          namespace: s.namespace,
          name: s.name,
          key: s.key,
        })),
      );
      ctx.output('readme', readme);
      ctx.output('operatorHelmValues', plan.render.helmValuesYaml);
    },
  });
}
