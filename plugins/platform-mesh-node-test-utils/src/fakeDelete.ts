import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeCluster, FakeResource } from './FakeKubernetes';

/**
 * OCM's Resource (delivery.ocm.software), as the runtime cluster serves it.
 *
 * @public
 */
export const OCM_RESOURCE: FakeResource = {
  group: 'delivery.ocm.software',
  version: 'v1alpha1',
  kind: 'Resource',
  plural: 'resources',
  namespaced: true,
};

/**
 * Controls of {@link withDeletes}.
 *
 * @public
 */
export interface FakeDeletes {
  /** The objects a non-dry-run DELETE was sent for, as `plural/namespace/name`, in order. */
  readonly deleted: string[];
  /**
   * Plays a controller finishing its cleanup: removes the finalizers of every object of this
   * plural marked for deletion (and so the objects).
   */
  finish(plural: string): void;
  /**
   * msw handlers for merge patches of `metadata.finalizers` (what a finalizer removal sends): put
   * them before the fake's own handlers.
   */
  readonly handlers: HttpHandler[];
  /** The merge patches received, as `plural/namespace/name` with their body. */
  readonly patches: Array<{ object: string; body: any }>;
}

/**
 * Teaches a `FakeCluster` DELETE as the API server does it: `dryRun=All` only checks; an object
 * with finalizers gets `deletionTimestamp` and stays until they are removed ({@link FakeDeletes.finish}
 * or a merge patch of `metadata.finalizers`); a missing object is a 404 NotFound.
 *
 * @param fake - the fake cluster
 * @param resources - the resource types it serves (as passed to its constructor)
 *
 * @public
 */
export function withDeletes(
  fake: FakeCluster,
  resources: FakeResource[],
): FakeDeletes {
  const deleted: string[] = [];
  const findKey = (path: string) => {
    const m = path.match(
      /^\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/,
    );
    if (!m) return undefined;
    const group = m[2] ?? '';
    const resource = resources.find(
      r => r.group === group && r.plural === m[5],
    );
    if (!resource) return undefined;
    const namespace = m[4] ? decodeURIComponent(m[4]) : '';
    const name = decodeURIComponent(m[6]);
    return {
      key: `${group}/${resource.plural}|${namespace}|${name}`,
      resource,
      namespace,
      name,
    };
  };
  const notFound = (plural: string, name: string) =>
    HttpResponse.json(
      {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: `${plural} "${name}" not found`,
        details: { name, kind: plural },
      },
      { status: 404 },
    );
  const drop = (key: string) => {
    const stored = fake.objects.get(key);
    if (
      stored &&
      (stored.metadata.finalizers ?? []).length === 0 &&
      stored.metadata.deletionTimestamp
    ) {
      fake.objects.delete(key);
    }
  };
  fake.intercept(async request => {
    const found =
      request.method === 'DELETE' ? findKey(request.path) : undefined;
    if (!found) return undefined;
    const stored = fake.objects.get(found.key);
    if (!stored) return notFound(found.resource.plural, found.name);
    if (request.dryRun) return HttpResponse.json(stored);
    deleted.push(`${found.resource.plural}/${found.namespace}/${found.name}`);
    if ((stored.metadata.finalizers ?? []).length > 0) {
      stored.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
      return HttpResponse.json(stored);
    }
    fake.objects.delete(found.key);
    return HttpResponse.json({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Success',
    });
  });
  const patches: Array<{ object: string; body: any }> = [];
  const handlers = [
    http.patch(`${fake.url}/*`, async ({ request }) => {
      if (
        request.headers.get('content-type') !== 'application/merge-patch+json'
      ) {
        return undefined;
      }
      const path = new URL(request.url).pathname;
      const found = findKey(path);
      if (!found) return undefined;
      const body = await request.json();
      patches.push({
        object: `${found.resource.plural}/${found.namespace}/${found.name}`,
        body,
      });
      const stored = fake.objects.get(found.key);
      if (!stored) return notFound(found.resource.plural, found.name);
      const finalizers = (body as any)?.metadata?.finalizers;
      if (Array.isArray(finalizers)) stored.metadata.finalizers = finalizers;
      const answer = structuredClone(stored);
      drop(found.key);
      return HttpResponse.json(answer);
    }),
  ];
  return {
    deleted,
    handlers,
    patches,
    finish(plural) {
      for (const [key, stored] of fake.objects) {
        if (key.includes(`/${plural}|`) && stored.metadata.deletionTimestamp) {
          stored.metadata.finalizers = [];
          drop(key);
        }
      }
    },
  };
}
