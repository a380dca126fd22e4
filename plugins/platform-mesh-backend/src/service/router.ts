import type {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import {
  formatInstanceRef,
  platformMeshLogsReadPermission,
  platformMeshStatusReadPermission,
  type InstanceList,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { toTargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import express from 'express';
import Router from 'express-promise-router';
import type { StatusCache } from '../cache/StatusCache';
import { ifNoneMatchHits } from '../cache/statusAnswer';
import type { InstanceAuthorizer } from './InstanceAuthorizer';
import type { OperatorLogsReader } from './OperatorLogsReader';

/**
 * What {@link createRouter} needs.
 */
export interface RouterOptions {
  cache: StatusCache;
  authorizer: InstanceAuthorizer;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logs: OperatorLogsReader;
}

/**
 * The `/api/platform-mesh` routes. Every answer comes from the status cache; only the operator
 * logs route reaches a cluster, on request, bounded in size. An instance's status is sent as the
 * cache's serialized bytes with a strong `ETag`; `If-None-Match` with that tag gets `304` without
 * a body, after the same authentication and permission check as any other request. Errors are thrown as
 * `@backstage/errors` types and turned into HTTP answers by the backend's error middleware.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { cache, authorizer, permissions, httpAuth, auditor, logs } = options;
  const router = Router();

  router.get('/targets', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: platformMeshStatusReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed: ${platformMeshStatusReadPermission.name}`,
      );
    }
    res.json(cache.listTargets().map(toTargetSummary));
  });

  router.get('/targets/:target/instances', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const target = cache.getTarget(req.params.target);
    if (!target)
      throw new NotFoundError(`Unknown target "${req.params.target}"`);
    const { instances, runtime } = cache.listInstances(target);
    const visible = await authorizer.filterAllowed(
      platformMeshStatusReadPermission,
      instances,
      credentials,
    );
    const answer: InstanceList = {
      items: visible,
      cluster: {
        name: runtime.cluster,
        reachable: runtime.reachable,
        ...(runtime.observedAt ? { observedAt: runtime.observedAt } : {}),
        ...(runtime.error ? { error: runtime.error } : {}),
      },
    };
    res.json(answer);
  });

  router.get('/instances/:target/:namespace/:name/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = instanceRef(req.params);
    // the permission check runs on every request, a conditional one included
    await authorizer.authorize(
      platformMeshStatusReadPermission,
      ref,
      credentials,
    );
    const { body, etag } = cache.requireAnswer(ref);
    // private: the answer depends on who may read it; no-cache: revalidate every time
    res.set('Cache-Control', 'private, no-cache');
    res.set('ETag', etag);
    if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body);
  });

  router.get(
    '/instances/:target/:namespace/:name/operator-logs',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const ref = instanceRef(req.params);
      const tailLines = parseTailLines(req.query.tailLines);
      const event = await auditor.createEvent({
        eventId: 'operator-logs-read',
        severityLevel: 'medium',
        request: req,
        meta: { instance: formatInstanceRef(ref), tailLines },
      });
      try {
        // The instance must be one the caller may see and that exists (as for its status) ...
        await authorizer.authorize(
          platformMeshStatusReadPermission,
          ref,
          credentials,
        );
        // the same 404s as the status route: unknown target, namespace not allowed, no instance
        cache.requireStatus(ref);
        const target = cache.getTarget(ref.target)!;
        // ... and the logs are the target operator's, which serves every instance of the target:
        // a basic permission, never granted by owning one instance's entity.
        const [decision] = await permissions.authorize(
          [{ permission: platformMeshLogsReadPermission }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            `Not allowed: ${platformMeshLogsReadPermission.name} on the operator of target "${ref.target}"`,
          );
        }
        const result = await logs.read(target, tailLines);
        await event.success({
          meta: {
            pods: result.pods.map(p => p.name),
            failedPods: result.pods.filter(p => p.error).map(p => p.name),
          },
        });
        res.json(result);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}

function instanceRef(params: Record<string, string>): InstanceRef {
  return {
    target: params.target,
    namespace: params.namespace,
    name: params.name,
  };
}

/** `tailLines` between 1 and 500, default 50. */
export function parseTailLines(value: unknown): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) {
    throw new InputError('tailLines must be an integer between 1 and 500');
  }
  return n;
}
