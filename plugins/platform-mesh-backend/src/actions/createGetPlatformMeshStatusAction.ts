import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  parseInstanceRef,
  platformMeshStatusReadPermission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { StatusCache } from '../cache/StatusCache';
import type { InstanceAuthorizer } from '../service/InstanceAuthorizer';

/**
 * Registers `get-platform-mesh-status` in the actions registry (Backstage's MCP surface): the same
 * status as the HTTP API, answered from the cache, with the same permission check and the same
 * `NotFoundError` (same text) for an unknown target, a namespace outside the target's or an
 * instance that does not exist.
 */
export function createGetPlatformMeshStatusAction(options: {
  actionsRegistry: ActionsRegistryService;
  cache: StatusCache;
  authorizer: InstanceAuthorizer;
}) {
  const { actionsRegistry, cache, authorizer } = options;
  actionsRegistry.register({
    name: 'get-platform-mesh-status',
    title: 'Get Platform Mesh instance status',
    description:
      'Returns the aggregated status of a Platform Mesh instance: overall health, the PlatformMesh ' +
      'conditions in pipeline order, HelmReleases or Argo CD Applications, Flux sources, the Secrets the ' +
      'remote setup depends on (presence only), diagnostics with hints, and per-cluster reachability of ' +
      'the operator, runtime and infra clusters.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          instance: z
            .string()
            .describe(
              'The instance as <target>/<namespace>/<name>, the value of the platform-mesh.io/instance annotation',
            ),
        }),
      output: z =>
        z.object({
          status: z
            .record(z.string(), z.unknown())
            .describe(
              'The InstanceStatus, as returned by GET /api/platform-mesh/instances/.../status',
            ),
        }),
    },
    async action({ input, credentials }) {
      const ref = parseInstanceRef(input.instance);
      if (!ref) {
        throw new InputError(
          `instance must be <target>/<namespace>/<name>, got "${input.instance}"`,
        );
      }
      await authorizer.authorize(
        platformMeshStatusReadPermission,
        ref,
        credentials,
      );
      // the same answer as GET /instances/:target/:namespace/:name/status, 404s included
      const status = cache.requireStatus(ref);
      return {
        output: { status: status as unknown as Record<string, unknown> },
      };
    },
  });
}
