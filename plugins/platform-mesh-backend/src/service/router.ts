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
  platformMeshReconcilePermission,
  platformMeshStatusReadPermission,
  type ClusterRole,
  type InstanceList,
  type InstanceRef,
  type InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  findInstanceObject,
  instanceObjectRefs,
  profileConfigMapRefOf,
  RECONCILE_KINDS,
  type InstanceObjectRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { toTargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import express from 'express';
import Router from 'express-promise-router';
import type { StatusCache } from '../cache/StatusCache';
import {
  ifNoneMatchHits,
  serializeAnswer,
  type SerializedAnswer,
} from '../cache/statusAnswer';
import type { InstanceAuthorizer } from './InstanceAuthorizer';
import { InstanceReconciler } from './InstanceReconciler';
import type { OperatorLogsReader } from './OperatorLogsReader';
import { parseReconcileRequest } from './parseReconcileRequest';

/**
 * What {@link createRouter} needs.
 */
interface RouterOptions {
  cache: StatusCache;
  authorizer: InstanceAuthorizer;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logs: OperatorLogsReader;
  /**
   * Writes the reconcile annotations with the targets' write credentials. Without it, Reconcile
   * is enabled for no target (the route answers 403 naming the config key).
   */
  reconciler?: InstanceReconciler;
}

const ROLES: ClusterRole[] = ['operator', 'runtime', 'infra'];

/** The JSON body parser of the write routes: small bodies; a malformed one is a 400. */
const jsonBody: express.RequestHandler = (req, res, next) =>
  express.json({ limit: '16kb' })(req, res, error =>
    next(error ? new InputError('The body must be valid JSON') : undefined),
  );

/**
 * The `/api/platform-mesh` routes. Every read comes from the status cache; only the operator
 * logs route (on request, bounded in size) and the Reconcile route (a merge patch of annotations
 * with the target's write credential, audited) reach a cluster. An instance's status and a
 * target's instance list are sent with a strong `ETag`; `If-None-Match` with that tag gets `304`
 * without a body, after the same authentication and permission check as any other request. The
 * raw-object route serves only the instance's own objects (never a Secret), `managedFields`
 * removed. Errors are thrown as
 * `@backstage/errors` types and turned into HTTP answers by the backend's error middleware.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { cache, authorizer, permissions, httpAuth, auditor, logs } = options;
  const reconciler =
    options.reconciler ??
    new InstanceReconciler({
      getClient: () => {
        throw new NotAllowedError('Reconcile is not enabled');
      },
      writeClusters: new Map(),
    });
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
    // the list depends on who asks (the permission filter): tagged per answer, never shared
    sendTagged(req, res, serializeAnswer(answer));
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
    sendTagged(req, res, cache.requireAnswer(ref));
  });

  router.get(
    '/instances/:target/:namespace/:name/objects/:role/:kind/:objectNamespace/:objectName',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const ref = instanceRef(req.params);
      const wanted = objectRef(req.params);
      await authorizer.authorize(
        platformMeshStatusReadPermission,
        ref,
        credentials,
      );
      if (wanted.kind === 'Secret') {
        throw new NotFoundError(
          'Secrets are never served: the status says whether a Secret and its key exist, never its content',
        );
      }
      const status = cache.requireStatus(ref);
      const target = cache.getTarget(ref.target)!;
      requireInstanceObject(
        status,
        instanceObjectsOf(cache, target, status),
        wanted,
      );
      const found = cache.cachedObject(target, wanted);
      if (!found) {
        throw new NotFoundError(
          `${describeObject(wanted)} is not in the cache of the ${
            wanted.role
          } cluster (yet)`,
        );
      }
      res.set('Cache-Control', 'private, no-cache');
      res.json({
        role: wanted.role,
        cluster: found.cluster,
        kind: wanted.kind,
        namespace: wanted.namespace,
        name: wanted.name,
        ...(found.observedAt ? { observedAt: found.observedAt } : {}),
        object: withoutManagedFields(found.object),
      });
    },
  );

  router.post(
    '/instances/:target/:namespace/:name/reconcile',
    jsonBody,
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const ref = instanceRef(req.params);
      const request = parseReconcileRequest(req.body);
      const wanted: InstanceObjectRef = {
        role: RECONCILE_KINDS[request.kind].role,
        kind: request.kind,
        namespace: request.namespace ?? ref.namespace,
        name: request.name ?? ref.name,
      };
      const event = await auditor.createEvent({
        eventId: 'reconcile',
        severityLevel: 'medium',
        request: req,
        meta: {
          instance: formatInstanceRef(ref),
          object: describeObject(wanted),
          role: wanted.role,
          ...(request.force ? { force: true } : {}),
          ...(request.reset ? { reset: true } : {}),
        },
      });
      try {
        await authorizer.authorize(
          platformMeshReconcilePermission,
          ref,
          credentials,
        );
        const status = cache.requireStatus(ref);
        const target = cache.getTarget(ref.target)!;
        requireInstanceObject(status, instanceObjectRefs(status), wanted);
        const result = await reconciler.reconcile(
          target,
          {
            kind: request.kind,
            namespace: wanted.namespace,
            name: wanted.name,
          },
          request,
        );
        await event.success({
          meta: {
            cluster: result.object.cluster,
            requestedAt: result.requestedAt,
            annotations: Object.keys(result.annotations),
          },
        });
        res.json(result);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

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

/**
 * Sends serialized JSON with its strong `ETag`, or `304 Not Modified` without a body when the
 * request's `If-None-Match` names it. `private, no-cache`: the answer depends on who may read it,
 * and is revalidated every time.
 */
function sendTagged(
  req: express.Request,
  res: express.Response,
  { body, etag }: SerializedAnswer,
): void {
  res.set('Cache-Control', 'private, no-cache');
  res.set('ETag', etag);
  if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(body);
}

function objectRef(params: Record<string, string>): InstanceObjectRef {
  const role = params.role as ClusterRole;
  if (!ROLES.includes(role)) {
    throw new InputError(`role must be one of ${ROLES.join(', ')}`);
  }
  return {
    role,
    kind: params.kind,
    namespace: params.objectNamespace,
    name: params.objectName,
  };
}

function describeObject(o: InstanceObjectRef): string {
  return `${o.kind} ${o.namespace}/${o.name}`;
}

/** The instance's objects, its profile ConfigMap included when its PlatformMesh is cached. */
function instanceObjectsOf(
  cache: StatusCache,
  target: PlatformMeshTarget,
  status: InstanceStatus,
): InstanceObjectRef[] {
  const pm = cache.cachedObject(target, {
    role: 'runtime',
    kind: 'PlatformMesh',
    namespace: status.instance.namespace,
    name: status.instance.name,
  });
  return instanceObjectRefs(
    status,
    pm ? profileConfigMapRefOf(pm.object) : undefined,
  );
}

/** A `NotFoundError` unless the object is one of the instance's. */
function requireInstanceObject(
  status: InstanceStatus,
  refs: InstanceObjectRef[],
  wanted: InstanceObjectRef,
): void {
  if (!findInstanceObject(refs, wanted)) {
    throw new NotFoundError(
      `${describeObject(wanted)} on the ${
        wanted.role
      } cluster is not one of the objects of instance ${formatInstanceRef(
        status.instance,
      )}`,
    );
  }
}

function withoutManagedFields(object: any): any {
  if (!object?.metadata || !('managedFields' in object.metadata)) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

function instanceRef(params: Record<string, string>): InstanceRef {
  return {
    target: params.target,
    namespace: params.namespace,
    name: params.name,
  };
}

/** `tailLines` between 1 and 500, default 50. */
function parseTailLines(value: unknown): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) {
    throw new InputError('tailLines must be an integer between 1 and 500');
  }
  return n;
}
