import type {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatInstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { planDecommission } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  readDecommissionInventory,
  runDecommission,
  type PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { authorizeDelete } from '../delete/authorizeDelete';
import { deleteCandidates } from '../delete/deleteCandidates';
import { decommissionError, inventoryError } from '../delete/deleteErrors';
import { byRole, describeRef, keptOutput } from '../delete/deleteOutputs';
import { readDeleteInput } from '../delete/readDeleteInput';
import { examples } from './delete.examples';

/** Options of {@link createPlatformMeshDeleteAction}. @public */
export interface PlatformMeshDeleteActionOptions {
  clusters: PlatformMeshClustersService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/**
 * Creates the `platform-mesh:delete` action: decommissions an instance. Takes stock on every
 * cluster of the target, plans (`planDecommission`), dry-runs every deletion, then deletes in an
 * order that lets Flux uninstall the releases from the runtime cluster: the PlatformMesh, the
 * operator-created releases, their sources, the OCM Resources, and last the profile ConfigMap,
 * kubeconfig Secrets and ServiceAccounts the apply created. Needs `platform-mesh.delete`;
 * audited as `decommission`.
 *
 * @param options - the clusters, permissions and auditor services
 * @public
 */
export function createPlatformMeshDeleteAction(
  options: PlatformMeshDeleteActionOptions,
) {
  const { clusters, permissions, auditor } = options;
  return createTemplateAction({
    id: 'platform-mesh:delete',
    description:
      "Decommissions a Platform Mesh instance. Checks the input and the permission platform-mesh.delete, reads what the instance has on every cluster of the target, dry-runs every deletion (dryRun=All) and only then deletes, step by step, each step waiting until its objects are gone: the PlatformMesh (the operator's finalizer), the HelmReleases, Kustomizations and Argo CD Applications the operator created in the instance namespace (Flux uninstalls them from the runtime cluster while its kubeconfig Secret is still there), the OCM Resources (the operator writes sources from them), their Flux sources, the operator's webhook Secrets in the instance namespace (kcp-webhook-secret, and cert-manager's rebac-authz-webhook-cert), and last the profile ConfigMap, kubeconfig Secrets and ServiceAccounts platform-mesh:apply created (only objects with its label and field manager). Never deletes a Namespace; keeps what another instance still uses and says why. Idempotent. In a dry run it lists what would be removed and removes nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        instanceRef: z =>
          z
            .string({
              description:
                'The instance as `<target>/<namespace>/<name>` (the `platform-mesh.io/instance` annotation of its catalog entity). Or give target, name and namespace',
            })
            .optional(),
        target: z =>
          z
            .string({
              description:
                'Name of a configured target (`platformMesh.targets`)',
            })
            .optional(),
        name: z =>
          z
            .string({ description: 'Name of the PlatformMesh instance' })
            .optional(),
        namespace: z =>
          z
            .string({
              description:
                "Namespace of the instance. Defaults to the target's namespace",
            })
            .optional(),
        confirm: z =>
          z
            .string({
              description:
                'When given, must repeat the instance name (the template asks the user to type it)',
            })
            .optional(),
        waitTimeoutSeconds: z =>
          z
            .number({
              description:
                'How long each step waits for its objects to be gone (finalizers, Helm uninstall), default 300',
            })
            .int()
            .optional(),
        removeFinalizer: z =>
          z
            .boolean({
              description:
                "Remove the operator's finalizer from the PlatformMesh when the operator has not removed it within the wait (e.g. its kcp subroutines are switched off). Off by default",
            })
            .optional(),
      },
      output: {
        instance: z =>
          z
            .object({
              target: z.string(),
              namespace: z.string(),
              name: z.string(),
            })
            .describe('The instance'),
        removed: z =>
          z
            .record(
              z.array(
                z.object({
                  kind: z.string(),
                  namespace: z.string().optional(),
                  name: z.string(),
                }),
              ),
            )
            .describe(
              'Per cluster role: each object deleted (in a dry run: that would be), in order',
            ),
        kept: z =>
          z
            .array(
              z.object({
                role: z.string(),
                cluster: z.string(),
                kind: z.string(),
                namespace: z.string().optional(),
                name: z.string(),
                reason: z.string(),
              }),
            )
            .describe('Objects of the instance left in place, and why'),
        alreadyGone: z =>
          z
            .number()
            .describe('Planned objects that were already gone (NotFound)'),
        dryRun: z => z.boolean().describe('True when nothing was deleted'),
      },
    },
    async handler(ctx) {
      // Permission first: nothing about the clusters is revealed to a denied user.
      await authorizeDelete(permissions, await ctx.getInitiatorCredentials());
      // Every input problem at once, before any cluster call.
      const input = readDeleteInput(ctx.input, clusters);
      const instance = formatInstanceRef(input.ref);
      const dryRun = Boolean(ctx.isDryRun);
      const event = await auditor.createEvent({
        eventId: 'decommission',
        severityLevel: 'high',
        meta: {
          instance,
          target: input.target.name,
          clusters: {
            operator: input.target.operatorCluster,
            runtime: input.target.runtimeCluster,
            infra: input.target.infraCluster,
          },
          initiator: ctx.user?.ref ?? 'unknown',
          dryRun,
          removeFinalizer: input.removeFinalizer,
        },
      });
      try {
        const getClient = (name: string) => clusters.getClient(name);
        const { inventory, errors } = await readDecommissionInventory({
          getClient,
          target: input.target,
          ref: input.ref,
          candidates: deleteCandidates(input.target, input.ref),
          signal: ctx.signal,
        });
        if (errors.length > 0) throw inventoryError(errors);
        const plan = planDecommission(inventory);
        const planned = plan.steps.flatMap(s => s.objects);
        ctx.output('instance', input.ref);
        ctx.output('kept', keptOutput(plan.kept));
        for (const k of plan.kept) {
          ctx.logger.info(`Keeping ${describeRef(k)}: ${k.reason}`);
        }
        if (planned.length === 0) {
          ctx.logger.info(
            `Nothing of instance ${instance} to remove on any cluster of target "${input.target.name}": it is already decommissioned`,
          );
        } else {
          ctx.logger.info(
            `${dryRun ? 'Dry run: would remove' : 'Removing'} ${
              planned.length
            } object(s) of ${instance}, in this order: ${planned
              .map(describeRef)
              .join(', ')}`,
          );
        }
        const result = await runDecommission({
          getClient,
          plan,
          dryRun,
          waitTimeoutMs: input.waitTimeoutSeconds * 1000,
          removeFinalizer: input.removeFinalizer,
          log: message => ctx.logger.info(message),
          signal: ctx.signal,
        });
        ctx.output('removed', byRole(result.removed));
        ctx.output('alreadyGone', result.alreadyGone.length);
        ctx.output('dryRun', dryRun);
        if (result.failure) throw decommissionError(result.failure);
        ctx.logger.info(
          `${dryRun ? 'Dry run: would remove' : 'Removed'} ${
            result.removed.length
          } object(s) of ${instance}${
            result.alreadyGone.length > 0
              ? `; ${result.alreadyGone.length} already gone`
              : ''
          }${plan.kept.length > 0 ? `; kept ${plan.kept.length}` : ''}`,
        );
        await event.success({
          meta: {
            removed: result.removed.map(describeRef),
            kept: plan.kept.map(describeRef),
            finalizerRemoved: result.finalizerRemoved ?? false,
          },
        });
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  });
}
