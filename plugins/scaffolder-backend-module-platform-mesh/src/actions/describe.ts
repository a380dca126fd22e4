import type { PermissionsService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { type PlatformMesh } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  instanceSettingsOf,
  isDnsLabel,
  PROFILE_CONFIGMAP_SUFFIX,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { authorizeApply } from '../apply/authorizeApply';
import { toInputError, type Problem } from '../input/inputProblems';
import { readField } from '../input/readFields';
import { assertTargetNamespace } from '../input/targetNamespace';
import { examples } from './describe.examples';
import { describeOutputProperties } from './describeOutputs';

/** Options of {@link createPlatformMeshDescribeAction}. */
interface PlatformMeshDescribeActionOptions {
  clusters: PlatformMeshClustersService;
  permissions: PermissionsService;
}

function readInput(
  raw: unknown,
  clusters: PlatformMeshClustersService,
): {
  target: ReturnType<PlatformMeshClustersService['getTarget']>;
  name: string;
  namespace: string;
} {
  const input = (raw ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const targetName = readField<string>(input, 'target', 'string', problems, {
    required: true,
  });
  const name = readField<string>(input, 'name', 'string', problems, {
    required: true,
  });
  const namespace = readField<string>(input, 'namespace', 'string', problems);
  for (const [field, value] of [
    ['name', name],
    ['namespace', namespace],
  ] as const) {
    if (value !== undefined && !isDnsLabel(value)) {
      problems.push({ field, message: 'must be an RFC 1123 label' });
    }
  }
  const target = targetName
    ? clusters.listTargets().find(t => t.name === targetName)
    : undefined;
  if (targetName && !target) {
    problems.push({
      field: 'target',
      message: `"${targetName.slice(
        0,
        80,
      )}" is not a configured target (platformMesh.targets: ${clusters
        .listTargets()
        .map(t => t.name)
        .join(', ')})`,
    });
  }
  if (problems.length > 0 || !target || !name) throw toInputError(problems);
  return { target, name, namespace: namespace ?? target.namespace };
}

/**
 * Creates the `platform-mesh:describe` action: reads an instance's PlatformMesh and profile
 * ConfigMap from its target's runtime cluster and outputs its current settings in the input shape
 * of `platform-mesh:apply`, the first step of an Update. Read-only; needs the apply permission
 * (an Update is an apply).
 *
 * @param options - the clusters service and the permissions service
 * @public
 */
export function createPlatformMeshDescribeAction(
  options: PlatformMeshDescribeActionOptions,
) {
  const { clusters, permissions } = options;
  return createTemplateAction({
    id: 'platform-mesh:describe',
    description:
      "Reads an existing Platform Mesh instance of a configured target (its PlatformMesh and profile ConfigMap on the target's runtime cluster) and outputs its current settings in the input shape of platform-mesh:apply: baseDomain, port, protocol, featureToggles, kcp, values, the profile YAML as it is, profileConfigMapName and the recorded owner. An Update template runs it first and applies the user's changes over its outputs. Never writes; fails with NotFoundError when the instance does not exist.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        target: z =>
          z.string({
            description: 'Name of a configured target (`platformMesh.targets`)',
          }),
        name: z => z.string({ description: 'Name of the PlatformMesh' }),
        namespace: z =>
          z
            .string({
              description:
                "Namespace of the PlatformMesh on the runtime cluster. Defaults to the target's namespace",
            })
            .optional(),
      },
      output: describeOutputProperties,
    },
    async handler(ctx) {
      await authorizeApply(permissions, await ctx.getInitiatorCredentials());
      const { target, name, namespace } = readInput(ctx.input, clusters);
      assertTargetNamespace(target, namespace);
      const runtime = clusters.getClient(target.runtimeCluster);
      const where = `on cluster "${target.runtimeCluster}" (runtime of target ${target.name})`;
      const platformMesh = await runtime.tryGet<PlatformMesh>(
        {
          apiVersion: 'core.platform-mesh.io/v1alpha1',
          kind: 'PlatformMesh',
          namespace,
          name,
        },
        { signal: ctx.signal },
      );
      if (!platformMesh) {
        throw new NotFoundError(
          `No PlatformMesh ${namespace}/${name} ${where}: nothing to update (create it with the Remote Platform Mesh template)`,
        );
      }
      const profileRef = platformMesh.spec?.profileConfigMap;
      const profileName =
        profileRef?.name ?? `${name}${PROFILE_CONFIGMAP_SUFFIX}`;
      const profileNamespace = profileRef?.namespace ?? namespace;
      const configMap = await runtime.tryGet<{
        apiVersion: string;
        kind: string;
        metadata: { name: string };
        data?: Record<string, string>;
      }>(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: profileNamespace,
          name: profileName,
        },
        { signal: ctx.signal },
      );
      const settings = instanceSettingsOf(
        platformMesh,
        configMap?.data?.['profile.yaml'],
      );
      ctx.logger.info(
        `Read PlatformMesh ${namespace}/${name} and its profile ConfigMap ${profileNamespace}/${profileName} ${where}: ${
          settings.services?.length ?? 0
        } services enabled${
          settings.baseDomain ? `, exposed on ${settings.baseDomain}` : ''
        }`,
      );
      for (const note of settings.notes) ctx.logger.warn(`Note: ${note}`);
      ctx.output('target', target.name);
      for (const [key, value] of Object.entries(settings)) {
        if (value !== undefined) ctx.output(key as any, value as any);
      }
      ctx.output('instanceRef', { target: target.name, namespace, name });
    },
  });
}
