import type { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  platformMeshApplyPermission,
  resolveSetup,
  type ClusterRole,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  describeObject,
  formatDiff,
  type ApplyAction,
  type PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  buildApplyPlan,
  STEP_TITLES,
  type ApplyPlan,
  type ApplyStepKey,
} from '../apply/applyPlan';
import {
  applyFailedError,
  dryRunFailedError,
  PreflightError,
} from '../apply/errors';
import { preflight } from '../apply/preflight';
import { waitForReady } from '../apply/waitForReady';
import {
  DEFAULT_TOKEN_EXPIRATION_SECONDS,
  serviceAccountTokens,
  type ServiceAccountToken,
} from '../credentials/serviceAccountTokens';
import {
  PLACEHOLDER_TOKEN,
  readField,
  readSetupInput,
  serviceAccountKubeconfigs,
  type Problem,
  type SetupInput,
} from '../input/readSetupInput';
import { examples } from './apply.examples';
import { setupInputProperties, setupOutputProperties } from './inputProperties';
import { entityOf, instanceOutputs } from './outputs';

/** Options of {@link createPlatformMeshApplyAction}. */
export interface PlatformMeshApplyActionOptions {
  clusters: PlatformMeshClustersService;
  permissions: PermissionsService;
}

interface ApplyOptionsInput {
  tokenExpirationSeconds: number;
  rotateTokens: boolean;
  force: boolean;
  waitForReady: boolean;
  timeoutSeconds: number;
  pollIntervalSeconds: number;
}

// Types, not interfaces: checkpoint values must be JSON objects.
type ObjectOutcome = {
  role: ClusterRole;
  cluster: string;
  object: string;
  action: ApplyAction;
};

type StepOutcome = {
  objects: ObjectOutcome[];
  tokens?: Array<{
    cluster: string;
    serviceAccount: string;
    expiresAt?: string;
    origin: string;
  }>;
};

const STEPS: ApplyStepKey[] = ['prepare', 'credentials', 'profile', 'instance'];
const MAX_DIFF_LINES = 40;

function readApplyOptions(
  raw: unknown,
  problems: Problem[],
): ApplyOptionsInput {
  const input = (raw ?? {}) as Record<string, unknown>;
  const num = (name: string, fallback: number, min: number, max: number) => {
    const value = readField<number>(input, name, 'number', problems);
    if (value === undefined) return fallback;
    if (value < min || value > max) {
      problems.push({
        field: name,
        message: `must be between ${min} and ${max}, got ${value}`,
      });
    }
    return value;
  };
  const bool = (name: string) =>
    readField<boolean>(input, name, 'boolean', problems) ?? false;
  return {
    tokenExpirationSeconds: num(
      'tokenExpirationSeconds',
      DEFAULT_TOKEN_EXPIRATION_SECONDS,
      600,
      10 * 365 * 24 * 3600,
    ),
    rotateTokens: bool('rotateTokens'),
    force: bool('force'),
    waitForReady: bool('waitForReady'),
    timeoutSeconds: num('timeoutSeconds', 900, 1, 24 * 3600),
    pollIntervalSeconds: num('pollIntervalSeconds', 5, 0.05, 300),
  };
}

/** Puts minted or reused tokens into the ServiceAccount kubeconfigs. */
function withTokens(
  base: SetupKubeconfigs,
  tokens: ServiceAccountToken[],
): SetupKubeconfigs {
  const result: SetupKubeconfigs = {};
  for (const [id, source] of Object.entries(base) as Array<
    [keyof SetupKubeconfigs, NonNullable<SetupKubeconfigs['operatorToRuntime']>]
  >) {
    const token = tokens.find(t => t.source === id)?.token || PLACEHOLDER_TOKEN;
    result[id] = { ...source, credential: { token } };
  }
  return result;
}

function summarize(objects: ObjectOutcome[]) {
  const summary = { created: 0, configured: 0, unchanged: 0 };
  for (const o of objects) summary[o.action]++;
  return summary;
}

function byCluster(objects: ObjectOutcome[]) {
  const result: Record<
    string,
    Array<{ role: ClusterRole; object: string; action: ApplyAction }>
  > = {};
  for (const { cluster, role, object, action } of objects) {
    (result[cluster] ??= []).push({ role, object, action });
  }
  return result;
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
  const { clusters, permissions } = options;
  return createTemplateAction({
    id: 'platform-mesh:apply',
    description:
      "Applies a remote Platform Mesh to the clusters of a configured target. Checks the input, then every cluster (reachable, CRDs installed, SelfSubjectAccessReviews for every write), dry-runs every object on every cluster, and only then writes with server-side apply, in order: namespaces and the operator's ServiceAccounts with least-privilege RBAC, the kubeconfig Secrets (operator and infra clusters, tokens minted with the TokenRequest API), the profile ConfigMap and the PlatformMesh (runtime cluster). Optionally waits until the instance is Ready and fails fast on a terminal condition. In a dry run it does everything but the writes and logs a redacted diff.",
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
      const { logger, signal } = ctx;

      // Permission first: nothing about the clusters is revealed to a denied user.
      const credentials = await ctx.getInitiatorCredentials();
      const [decision] = await permissions.authorize(
        [{ permission: platformMeshApplyPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Not allowed to apply Platform Mesh setups (permission ${platformMeshApplyPermission.name})`,
        );
      }

      // Every input problem at once, before any cluster call.
      const problems: Problem[] = [];
      const opts = readApplyOptions(ctx.input, problems);
      const input: SetupInput = readSetupInput(ctx.input, {
        clusters,
        secrets: ctx.secrets,
        defaultCredentials: 'serviceAccount',
        defaultOwner: ctx.user?.ref,
        extraProblems: problems,
      });
      const { setup, target } = input;
      const resolved = resolveSetup(setup);
      const useServiceAccounts = input.credentials === 'serviceAccount';
      let baseKubeconfigs: SetupKubeconfigs | undefined;
      if (useServiceAccounts) {
        baseKubeconfigs = serviceAccountKubeconfigs(input, clusters);
      } else if (input.credentials === 'secrets') {
        baseKubeconfigs = input.secretKubeconfigs;
      }
      const planFor = (kubeconfigs?: SetupKubeconfigs): ApplyPlan =>
        buildApplyPlan(
          kubeconfigs && Object.keys(kubeconfigs).length > 0
            ? { ...setup, kubeconfigs }
            : setup,
          useServiceAccounts,
        );
      let plan = planFor(baseKubeconfigs);
      const annotation = plan.render.annotation;
      const roleOf = ({
        cluster,
        object,
      }: {
        cluster: string;
        object: string;
      }) => {
        const roles = new Set<ClusterRole>();
        for (const item of plan.items) {
          if (item.cluster === cluster) roles.add(item.role);
        }
        const match = plan.items.find(
          i => i.cluster === cluster && describeObject(i.object) === object,
        );
        return match ? [match.role] : [...roles];
      };
      const describe = (o: { cluster: string; object: string }) =>
        `${roleOf(o).join('+')}/${o.object} on cluster "${o.cluster}"`;

      logger.info(
        `${
          ctx.isDryRun ? 'Dry run: checking' : 'Applying'
        } Platform Mesh ${annotation} (${
          plan.items.length
        } objects; operator cluster "${target.operatorCluster}", runtime "${
          target.runtimeCluster
        }", infra "${target.infraCluster}"; credentials: ${input.credentials})`,
      );

      // Preflight on every cluster: reachable, CRDs, access reviews. All problems at once.
      const check = await preflight({
        clusters,
        items: plan.items,
        tokenRequests: plan.serviceAccounts,
        requiredTypes: [
          {
            cluster: target.runtimeCluster,
            type: {
              group: 'core.platform-mesh.io',
              version: 'v1alpha1',
              kind: 'PlatformMesh',
            },
            what: 'the PlatformMesh CRD (platformmeshes.core.platform-mesh.io)',
            hint: 'install the platform-mesh-operator-crds chart on the runtime cluster',
          },
          target.deploymentTechnology === 'argocd'
            ? {
                cluster: target.infraCluster,
                type: { group: 'argoproj.io', kind: 'Application' },
                what: 'the Argo CD Application CRD (applications.argoproj.io)',
                hint: 'install Argo CD on the infra cluster',
              }
            : {
                cluster: target.infraCluster,
                type: { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
                what: 'the Flux HelmRelease CRD (helmreleases.helm.toolkit.fluxcd.io)',
                hint: 'install Flux (helm-controller, source-controller) on the infra cluster',
              },
        ],
        optionalAccess: opts.waitForReady
          ? [
              {
                cluster: target.runtimeCluster,
                attributes: {
                  verb: 'get',
                  group: 'core.platform-mesh.io',
                  resource: 'platformmeshes',
                  namespace: resolved.instance.namespace,
                  name: resolved.instance.name,
                },
                without:
                  'waitForReady cannot read the PlatformMesh and will time out',
              },
              {
                cluster: target.infraCluster,
                attributes:
                  target.deploymentTechnology === 'argocd'
                    ? {
                        verb: 'list',
                        group: 'argoproj.io',
                        resource: 'applications',
                        namespace: resolved.instance.namespace,
                      }
                    : {
                        verb: 'list',
                        group: 'helm.toolkit.fluxcd.io',
                        resource: 'helmreleases',
                        namespace: resolved.instance.namespace,
                      },
                without:
                  'waitForReady watches the PlatformMesh conditions only and cannot fail fast on a stalled release',
              },
            ]
          : [],
        signal,
      });
      for (const warning of check.warnings) logger.warn(warning);
      if (!check.ok) throw new PreflightError(check.problems);
      logger.info(
        `Preflight passed on ${
          new Set(plan.items.map(i => i.cluster)).size
        } cluster(s): reachable, CRDs installed, access allowed`,
      );

      // The dry run uses the tokens the Secrets will carry when they can stay (nothing is minted).
      let previewTokens: ServiceAccountToken[] = [];
      if (useServiceAccounts && baseKubeconfigs) {
        previewTokens = await serviceAccountTokens({
          clusters,
          resolved,
          serviceAccounts: plan.serviceAccounts,
          expirationSeconds: opts.tokenExpirationSeconds,
          rotate: opts.rotateTokens,
          mint: false,
          logger,
          signal,
        });
        plan = planFor(withTokens(baseKubeconfigs, previewTokens));
      }

      const dryRun = await clusters.applyEngine.dryRun(
        plan.items.map(i => ({ cluster: i.cluster, object: i.object })),
        { force: opts.force, signal },
      );
      if (!dryRun.ok) throw dryRunFailedError(dryRun.failures, roleOf);
      for (const result of dryRun.results) {
        const willMint =
          result.object.startsWith('Secret ') &&
          previewTokens.some(t => t.origin === 'not-minted');
        logger.info(
          `Dry run: ${describe(result)}: ${result.action}${
            willMint && result.action !== 'unchanged'
              ? ' (with a token minted at apply time)'
              : ''
          }`,
        );
        if (ctx.isDryRun && result.diff.length > 0) {
          const lines = formatDiff(result.diff)
            .split('\n')
            .map(line => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
          logger.info(
            `  ${lines.slice(0, MAX_DIFF_LINES).join('\n  ')}${
              lines.length > MAX_DIFF_LINES
                ? `\n  … ${lines.length - MAX_DIFF_LINES} more line(s)`
                : ''
            }`,
          );
        }
        for (const note of result.notes ?? []) logger.info(`  note: ${note}`);
      }

      const outputs = (
        objects: ObjectOutcome[],
        tokens?: StepOutcome['tokens'],
      ) => {
        const summary = summarize(objects);
        for (const [name, value] of Object.entries(
          instanceOutputs(plan.render, entityOf(input)),
        )) {
          ctx.output(name as any, value as any);
        }
        ctx.output('appliedObjects', byCluster(objects));
        ctx.output('summary', summary);
        ctx.output(
          'requiredSecrets',
          plan.render.requiredSecrets.map(s => ({
            cluster: s.cluster,
            namespace: s.namespace,
            name: s.name,
            key: s.key,
          })),
        );
        if (tokens && tokens.length > 0) ctx.output('tokens', tokens);
        return summary;
      };
      const toOutcome = (o: {
        cluster: string;
        object: string;
        action: ApplyAction;
      }) => ({
        role: roleOf(o)[0],
        cluster: o.cluster,
        object: o.object,
        action: o.action,
      });

      if (ctx.isDryRun) {
        const objects = dryRun.results.map(toOutcome);
        const summary = outputs(objects);
        ctx.output('dryRun', true);
        logger.info(
          `Dry run finished in ${Date.now() - started} ms: would create ${
            summary.created
          }, configure ${summary.configured}, leave ${
            summary.unchanged
          } unchanged; nothing was written`,
        );
        return;
      }

      // Ordered writes, one checkpoint per step: a retried task skips the finished steps.
      const objects: ObjectOutcome[] = [];
      let tokens: StepOutcome['tokens'];
      for (const step of STEPS) {
        const stepItems = plan.items.filter(i => i.step === step);
        if (stepItems.length === 0) continue;
        const outcome = await ctx.checkpoint<StepOutcome>({
          key: `platform-mesh.apply.${annotation}.${step}`,
          fn: async () => {
            let items = stepItems;
            let stepTokens: StepOutcome['tokens'];
            if (
              step === 'credentials' &&
              useServiceAccounts &&
              baseKubeconfigs
            ) {
              const final = await serviceAccountTokens({
                clusters,
                resolved,
                serviceAccounts: plan.serviceAccounts,
                expirationSeconds: opts.tokenExpirationSeconds,
                rotate: opts.rotateTokens,
                mint: true,
                logger,
                signal,
              });
              for (const t of final) {
                logger.info(
                  `ServiceAccount ${t.serviceAccount.namespace}/${
                    t.serviceAccount.name
                  } on cluster "${t.serviceAccount.cluster}": ${
                    t.origin === 'reused'
                      ? 'current token kept'
                      : 'token minted'
                  }${t.expiresAt ? `, expires ${t.expiresAt}` : ''}`,
                );
              }
              stepTokens = final.map(t => ({
                cluster: t.serviceAccount.cluster,
                serviceAccount: `${t.serviceAccount.namespace}/${t.serviceAccount.name}`,
                ...(t.expiresAt ? { expiresAt: t.expiresAt } : {}),
                origin: t.origin,
              }));
              items = planFor(withTokens(baseKubeconfigs, final)).items.filter(
                i => i.step === 'credentials',
              );
            }
            const result = await clusters.applyEngine.apply(
              items.map(i => ({ cluster: i.cluster, object: i.object })),
              { force: opts.force, signal },
            );
            if (!result.ok) {
              if (!result.dryRun.ok) {
                throw dryRunFailedError(result.dryRun.failures, roleOf);
              }
              throw applyFailedError(
                STEP_TITLES[step],
                result.failure!,
                result.applied.map(describe),
                result.notApplied.map(describe),
                roleOf,
              );
            }
            return {
              objects: result.applied.map(toOutcome),
              ...(stepTokens ? { tokens: stepTokens } : {}),
            };
          },
        });
        for (const o of outcome.objects) {
          logger.info(`Applied ${describe(o)}: ${o.action}`);
        }
        objects.push(...outcome.objects);
        tokens = outcome.tokens ?? tokens;
      }
      const summary = outputs(objects, tokens);
      ctx.output('dryRun', false);
      logger.info(
        `Applied ${objects.length} objects in ${Date.now() - started} ms: ${
          summary.created
        } created, ${summary.configured} configured, ${
          summary.unchanged
        } unchanged`,
      );
      for (const secret of plan.render.requiredSecrets) {
        logger.warn(
          `Not written: Secret ${secret.namespace}/${secret.name} on cluster "${secret.cluster}" (key ${secret.key}): ${secret.purpose}. Create it out of band.`,
        );
      }

      if (opts.waitForReady) {
        await waitForReady({
          runtime: clusters.getClient(target.runtimeCluster),
          infra: clusters.getClient(target.infraCluster),
          instance: resolved.instance,
          deploymentTechnology: target.deploymentTechnology,
          timeoutMs: opts.timeoutSeconds * 1000,
          pollMs: opts.pollIntervalSeconds * 1000,
          logger,
          signal,
        });
        ctx.output('ready', true);
      }
    },
  });
}
