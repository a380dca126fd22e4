import type { PermissionsService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { reportApply, reportDryRun } from '../apply/applyOutputs';
import { startApplyRun } from '../apply/applyRun';
import { authorizeApply } from '../apply/authorizeApply';
import { dryRunApply } from '../apply/dryRunApply';
import { preflightApply } from '../apply/preflightApply';
import { readApplyInput } from '../apply/readApplyInput';
import { assertTargetNamespace } from '../input/targetNamespace';
import { reportInputWarnings } from '../input/reportInputWarnings';
import { waitForAppliedInstance } from '../apply/waitForAppliedInstance';
import { writeApplySteps } from '../apply/writeApplySteps';
import { examples } from './apply.examples';
import { setupInputProperties, setupOutputProperties } from './inputProperties';

/** Options of {@link createPlatformMeshApplyAction}. @public */
export interface PlatformMeshApplyActionOptions {
  clusters: PlatformMeshClustersService;
  permissions: PermissionsService;
  /** `catalog.providers.platformMesh.namePattern`: names the entity the output links to. */
  namePattern?: string;
  /** `catalog.providers.platformMesh.defaultOwner`: the owner when the template names none. */
  defaultOwner?: string;
}

/**
 * Creates the `platform-mesh:apply` action: validate, preflight every cluster, dry-run everything,
 * then write in order with checkpoints, and optionally wait for Ready.
 *
 * @param options - the clusters service and the permissions service
 * @public
 */
export function createPlatformMeshApplyAction(
  options: PlatformMeshApplyActionOptions,
) {
  const { clusters, permissions, namePattern, defaultOwner } = options;
  return createTemplateAction({
    id: 'platform-mesh:apply',
    description:
      "Applies a remote Platform Mesh to the clusters of a configured target. Checks the input, then every cluster (reachable, CRDs installed, SelfSubjectAccessReviews for every write), dry-runs every object on every cluster, and only then writes with server-side apply, in order: namespaces (created first, as a reported step, so that everything in them can be dry-run before any other write) and the operator's and Flux's ServiceAccounts (their roles and bindings are an administrator's one-time step: examples/rbac/operator-identities.yaml), the kubeconfig Secrets (operator and infra clusters, tokens minted with the TokenRequest API), the profile ConfigMap and the PlatformMesh (runtime cluster). Optionally waits until the instance is Ready and fails fast on a terminal condition. In a dry run it does everything but the writes and logs a redacted diff.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...setupInputProperties,
        tokenExpirationSeconds: z =>
          z
            .number({
              description:
                'Lifetime of minted ServiceAccount tokens in seconds (default one year). A token with less than a quarter of its lifetime left is replaced on the next run',
            })
            .int()
            .optional(),
        rotateTokens: z =>
          z
            .boolean({
              description:
                'Mint new ServiceAccount tokens even when the current ones are still valid',
            })
            .optional(),
        force: z =>
          z
            .boolean({
              description:
                'Take over fields other field managers own (server-side apply force). Off by default: conflicts fail the run',
            })
            .optional(),
        waitForReady: z =>
          z
            .boolean({
              description:
                'Wait until the PlatformMesh is Ready, streaming its progress to the log',
            })
            .optional(),
        timeoutSeconds: z =>
          z
            .number({
              description: 'How long waitForReady waits (default 900)',
            })
            .int()
            .optional(),
        pollIntervalSeconds: z =>
          z
            .number({
              description: 'How often waitForReady polls (default 5)',
            })
            .optional(),
      },
      output: {
        ...setupOutputProperties,
        appliedObjects: z =>
          z
            .record(
              z.array(
                z.object({
                  role: z.string(),
                  object: z.string(),
                  action: z.enum(['created', 'configured', 'unchanged']),
                }),
              ),
            )
            .describe(
              'Per cluster name: each object written (or, in a dry run, that would be) and what happened',
            ),
        summary: z =>
          z
            .object({
              created: z.number(),
              configured: z.number(),
              unchanged: z.number(),
            })
            .describe('How many objects were created, configured, unchanged'),
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
            .describe(
              'Secrets the setup needs that were not written (credentials: none, or kubeconfigs not passed)',
            ),
        tokens: z =>
          z
            .array(
              z.object({
                cluster: z.string(),
                serviceAccount: z.string(),
                expiresAt: z.string().optional(),
                origin: z.string(),
              }),
            )
            .optional()
            .describe(
              'ServiceAccount tokens in the kubeconfig Secrets: when they expire and whether this run minted or reused them (never the token)',
            ),
        ready: z =>
          z
            .boolean()
            .optional()
            .describe('With waitForReady: the instance became Ready'),
        dryRun: z => z.boolean().describe('True when nothing was written'),
      },
    },
    async handler(ctx) {
      const started = Date.now();
      // Permission first: nothing about the clusters is revealed to a denied user.
      await authorizeApply(permissions, await ctx.getInitiatorCredentials());
      // Every input problem at once, before any cluster call.
      const { options: applyOptions, input } = readApplyInput(ctx.input, {
        clusters,
        secrets: ctx.secrets,
        owner: ctx.user?.ref,
        configuredOwner: defaultOwner,
        namePattern,
        sourceTemplate: ctx.templateInfo?.entityRef,
      });
      assertTargetNamespace(input.target, input.setup.instance.namespace);
      reportInputWarnings(ctx, input.warnings);
      const run = startApplyRun({
        clusters,
        options: applyOptions,
        input,
        logger: ctx.logger,
        signal: ctx.signal,
        isDryRun: ctx.isDryRun,
      });
      await preflightApply(run);
      const results = await dryRunApply(run, ctx.isDryRun);
      if (ctx.isDryRun) {
        reportDryRun(run, ctx, results, started);
        return;
      }
      reportApply(run, ctx, await writeApplySteps(run, ctx), started);
      if (applyOptions.waitForReady) {
        await waitForAppliedInstance(run);
        ctx.output('ready', true);
      }
    },
  });
}
