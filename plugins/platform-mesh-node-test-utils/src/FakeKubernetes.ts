import { http, HttpResponse, type HttpHandler } from 'msw';

/**
 * A resource type the fake API server serves.
 *
 * @public
 */
export interface FakeResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/**
 * The resource types every test cluster needs: Namespace, ConfigMap, Secret, ServiceAccount and Pod
 * (`v1`), and SelfSubjectAccessReview (`authorization.k8s.io/v1`).
 *
 * @public
 */
export const CORE_RESOURCES: FakeResource[] = [
  {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
  },
  {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
  },
  {
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    namespaced: true,
  },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectAccessReview',
    plural: 'selfsubjectaccessreviews',
    namespaced: false,
  },
];

/**
 * The cluster-scoped RBAC resource types (`rbac.authorization.k8s.io/v1`): ClusterRole and
 * ClusterRoleBinding.
 *
 * @public
 */
export const RBAC_RESOURCES: FakeResource[] = [
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
];

/**
 * Argo CD's Application (`argoproj.io/v1alpha1`).
 *
 * @public
 */
export const APPLICATION_RESOURCE: FakeResource = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  kind: 'Application',
  plural: 'applications',
  namespaced: true,
};

/**
 * The Platform Mesh operator's PlatformMesh (`core.platform-mesh.io/v1alpha1`).
 *
 * @public
 */
export const PLATFORM_MESH_RESOURCE: FakeResource = {
  group: 'core.platform-mesh.io',
  version: 'v1alpha1',
  kind: 'PlatformMesh',
  plural: 'platformmeshes',
  namespaced: true,
};

/**
 * Flux's HelmRelease (`helm.toolkit.fluxcd.io/v2`).
 *
 * @public
 */
export const HELM_RELEASE_RESOURCE: FakeResource = {
  group: 'helm.toolkit.fluxcd.io',
  version: 'v2',
  kind: 'HelmRelease',
  plural: 'helmreleases',
  namespaced: true,
};

const fluxResource = (
  group: string,
  version: string,
  kind: string,
  plural: string,
): FakeResource => ({
  group,
  version,
  kind,
  plural,
  namespaced: true,
});

/**
 * Flux's sources and Kustomization, as served by Flux 2.7.
 *
 * @public
 */
export const FLUX_RESOURCES: FakeResource[] = [
  fluxResource(
    'kustomize.toolkit.fluxcd.io',
    'v1',
    'Kustomization',
    'kustomizations',
  ),
  fluxResource(
    'source.toolkit.fluxcd.io',
    'v1',
    'OCIRepository',
    'ocirepositories',
  ),
  fluxResource(
    'source.toolkit.fluxcd.io',
    'v1',
    'HelmRepository',
    'helmrepositories',
  ),
  fluxResource(
    'source.toolkit.fluxcd.io',
    'v1',
    'GitRepository',
    'gitrepositories',
  ),
];

/**
 * One request the fake received.
 *
 * @public
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  dryRun: boolean;
  authorization: string | null;
  contentType: string | null;
}

/**
 * Answers a request before the fake does (a `Response`), or lets it through (`undefined`): for
 * faults such as errors, delays or dropped connections.
 *
 * @public
 */
export type Interceptor = (
  request: RecordedRequest,
) => Response | undefined | Promise<Response | undefined>;

const status = (
  code: number,
  reason: string,
  message: string,
  details?: object,
) =>
  HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message,
      reason,
      code,
      ...(details ? { details } : {}),
    },
    { status: code },
  );

/**
 * An in-memory Kubernetes API server for msw: discovery, get/list, server-side apply (with dry
 * run, resourceVersion bumps only on change, field-manager conflicts), create, TokenRequest,
 * SelfSubjectAccessReview and pod logs. Every request is recorded.
 *
 * @public
 */
export class FakeCluster {
  readonly requests: RecordedRequest[] = [];
  readonly objects = new Map<string, any>();
  private readonly resources: FakeResource[];
  private readonly conflicts = new Map<
    string,
    Array<{ field: string; manager: string }>
  >();
  private readonly interceptors: Interceptor[] = [];
  private revision = 100;
  private uidCounter = 0;
  private tokenCounter = 0;
  /** Every token minted through the TokenRequest API. */
  readonly mintedTokens: string[] = [];
  /** The clock of minted tokens (ms). */
  now: () => number = () => Date.now();
  /** A request log shared between fakes, to assert the order across clusters. */
  journal?: Array<RecordedRequest & { cluster: string }>;
  /** When true, namespaced writes need their Namespace object to exist. */
  strictNamespaces = false;
  podLog = 'line 1\nline 2\nline 3\n';
  accessReview: (attributes: any) => { allowed: boolean; reason?: string } =
    () => ({
      allowed: true,
    });

  constructor(
    readonly url: string,
    readonly token: string,
    resources: FakeResource[] = [...CORE_RESOURCES, PLATFORM_MESH_RESOURCE],
  ) {
    this.resources = resources;
  }

  /** Requests other than discovery. */
  get apiRequests(): RecordedRequest[] {
    return this.requests.filter(r => !isDiscoveryPath(r.path));
  }

  /** Non-dry-run writes. */
  get writes(): RecordedRequest[] {
    return this.requests.filter(
      r => ['PATCH', 'POST', 'PUT', 'DELETE'].includes(r.method) && !r.dryRun,
    );
  }

  /** Answer matching requests differently (return undefined to fall through). */
  intercept(interceptor: Interceptor): void {
    this.interceptors.push(interceptor);
  }

  /** Marks fields of an object as owned by another field manager. */
  setConflict(
    object: any,
    conflicts: Array<{ field: string; manager: string }>,
  ): void {
    this.conflicts.set(this.keyOf(object), conflicts);
  }

  /** Stores an object as if it existed on the cluster. */
  seed(object: any): any {
    const stored = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: `uid-${++this.uidCounter}`,
        resourceVersion: String(++this.revision),
        creationTimestamp: '2026-01-01T00:00:00Z',
        managedFields: [
          {
            manager: 'kubectl-client-side-apply',
            operation: 'Update',
            apiVersion: object.apiVersion,
            fieldsType: 'FieldsV1',
            fieldsV1: {},
          },
        ],
      },
    };
    this.objects.set(this.keyOf(object), stored);
    return stored;
  }

  get(object: any): any {
    return this.objects.get(this.keyOf(object));
  }

  handlers(): HttpHandler[] {
    return [http.all(`${this.url}/*`, ({ request }) => this.handle(request))];
  }

  private keyOf(object: any): string {
    const resource = this.resources.find(
      r => apiVersionOf(r) === object.apiVersion && r.kind === object.kind,
    );
    if (!resource)
      throw new Error(
        `fake: no resource for ${object.apiVersion} ${object.kind}`,
      );
    return key(
      resource,
      resource.namespaced ? object.metadata.namespace : undefined,
      object.metadata.name,
    );
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const base = new URL(this.url);
    const path = url.pathname.slice(base.pathname.replace(/\/$/, '').length);
    const recorded: RecordedRequest = {
      method: request.method,
      path,
      query: url.searchParams,
      dryRun: url.searchParams.get('dryRun') === 'All',
      authorization: request.headers.get('authorization'),
      contentType: request.headers.get('content-type'),
    };
    this.requests.push(recorded);
    this.journal?.push({ ...recorded, cluster: this.url });

    if (recorded.authorization !== `Bearer ${this.token}`) {
      return status(401, 'Unauthorized', 'Unauthorized');
    }
    for (const interceptor of this.interceptors) {
      const response = await interceptor(recorded);
      if (response) return response;
    }
    const body = request.method === 'GET' ? undefined : await request.text();
    return this.route(recorded, body, request.signal);
  }

  private route(
    req: RecordedRequest,
    body: string | undefined,
    signal: AbortSignal,
  ): Response {
    const { path, method } = req;
    if (method === 'GET' && path === '/api') {
      return HttpResponse.json({ kind: 'APIVersions', versions: ['v1'] });
    }
    if (method === 'GET' && path === '/apis') {
      const groups = new Map<string, Set<string>>();
      for (const r of this.resources.filter(x => x.group)) {
        groups.set(r.group, (groups.get(r.group) ?? new Set()).add(r.version));
      }
      return HttpResponse.json({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups.entries()].map(([name, versions]) => ({
          name,
          versions: [...versions].map(v => ({
            groupVersion: `${name}/${v}`,
            version: v,
          })),
          preferredVersion: {
            groupVersion: `${name}/${[...versions][0]}`,
            version: [...versions][0],
          },
        })),
      });
    }
    const match = path.match(
      /^\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/,
    );
    if (!match) return new HttpResponse('404 page not found', { status: 404 });
    const group = match[2] ?? '';
    const version = match[1] ?? match[3];
    const rest = (match[4] ?? '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const served = this.resources.filter(
      r => r.group === group && r.version === version,
    );
    if (served.length === 0) {
      return new HttpResponse('404 page not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain' },
      });
    }
    if (rest.length === 0 && method === 'GET') {
      return HttpResponse.json({
        kind: 'APIResourceList',
        groupVersion: group ? `${group}/${version}` : version,
        resources: served.flatMap(r => [
          {
            name: r.plural,
            singularName: r.kind.toLowerCase(),
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: ['get', 'list', 'watch', 'create', 'patch'],
          },
          {
            name: `${r.plural}/status`,
            singularName: '',
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: ['get', 'patch'],
          },
        ]),
      });
    }
    let namespace: string | undefined;
    let segments = rest;
    if (segments[0] === 'namespaces' && segments.length >= 3) {
      namespace = segments[1];
      segments = segments.slice(2);
    }
    const [plural, name, ...sub] = segments;
    const resource = served.find(r => r.plural === plural);
    if (!resource) {
      return status(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    }
    const objectKey = key(resource, namespace, name);

    if (method === 'GET' && name && sub.length === 0) {
      const found = this.objects.get(objectKey);
      return found
        ? HttpResponse.json(found)
        : status(404, 'NotFound', `${resource.plural} "${name}" not found`, {
            name,
            group,
            kind: resource.plural,
          });
    }
    if (method === 'GET' && !name && req.query.get('watch') === 'true') {
      // a watch that stays open (and silent) until the client closes it
      return new HttpResponse(
        new ReadableStream({
          start(controller) {
            signal.addEventListener('abort', () => controller.close());
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    }
    if (method === 'GET' && !name) {
      const selector = req.query.get('labelSelector');
      const byName = req.query
        .get('fieldSelector')
        ?.match(/^metadata\.name=(.+)$/)?.[1];
      const items = [...this.objects.entries()]
        .filter(([k]) =>
          k.startsWith(
            namespace
              ? `${resource.group}/${resource.plural}|${namespace}|`
              : `${resource.group}/${resource.plural}|`,
          ),
        )
        .map(([, v]) => v)
        .filter(o => matchesSelector(o, selector))
        .filter(o => byName === undefined || o.metadata.name === byName);
      return HttpResponse.json({
        kind: `${resource.kind}List`,
        apiVersion: apiVersionOf(resource),
        metadata: { resourceVersion: String(this.revision) },
        items,
      });
    }
    if (method === 'GET' && resource.plural === 'pods' && sub[0] === 'log') {
      const tail = Number(req.query.get('tailLines') ?? 0);
      const lines = this.podLog.trimEnd().split('\n');
      const text = `${(tail ? lines.slice(-tail) : lines).join('\n')}\n`;
      return new HttpResponse(text, {
        headers: { 'Content-Type': 'text/plain' },
      });
    }
    if (method === 'PATCH' && name && sub.length === 0) {
      return this.apply(req, resource, namespace, name, body ?? '');
    }
    if (method === 'POST' && !name) {
      const object = JSON.parse(body ?? '{}');
      if (resource.plural === 'selfsubjectaccessreviews') {
        return HttpResponse.json(
          {
            ...object,
            status: this.accessReview(object.spec?.resourceAttributes),
          },
          { status: 201 },
        );
      }
      if (this.objects.has(key(resource, namespace, object.metadata?.name))) {
        return status(
          409,
          'AlreadyExists',
          `${resource.plural} "${object.metadata?.name}" already exists`,
          { name: object.metadata?.name, kind: resource.plural },
        );
      }
      const created = this.store(object, undefined, 'create', req.dryRun);
      if (!req.dryRun)
        this.objects.set(
          key(resource, namespace, object.metadata?.name),
          created,
        );
      return HttpResponse.json(created, { status: 201 });
    }
    if (
      method === 'POST' &&
      resource.plural === 'serviceaccounts' &&
      sub[0] === 'token'
    ) {
      if (!this.objects.has(objectKey)) {
        return status(404, 'NotFound', `serviceaccounts "${name}" not found`, {
          name,
          kind: 'serviceaccounts',
        });
      }
      const request = JSON.parse(body ?? '{}');
      const account = this.objects.get(objectKey);
      const iat = Math.floor(this.now() / 1000);
      const exp = iat + (request.spec?.expirationSeconds ?? 3600);
      const token = fakeJwt({
        iss: 'https://fake.invalid',
        sub: `system:serviceaccount:${namespace}:${name}`,
        iat,
        exp,
        'kubernetes.io': {
          namespace,
          serviceaccount: { name, uid: account.metadata.uid },
        },
        jti: `${++this.tokenCounter}`,
      });
      this.mintedTokens.push(token);
      return HttpResponse.json(
        {
          ...request,
          status: {
            token,
            expirationTimestamp: new Date(exp * 1000).toISOString(),
          },
        },
        { status: 201 },
      );
    }
    return status(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }

  private apply(
    req: RecordedRequest,
    resource: FakeResource,
    namespace: string | undefined,
    name: string,
    body: string,
  ): Response {
    if (req.contentType !== 'application/apply-patch+yaml') {
      return status(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format`,
      );
    }
    const manager = req.query.get('fieldManager');
    if (!manager) {
      return status(
        422,
        'Invalid',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
    }
    if (
      this.strictNamespaces &&
      namespace &&
      !this.objects.has(
        key(
          this.resources.find(r => r.kind === 'Namespace')!,
          undefined,
          namespace,
        ),
      )
    ) {
      return status(404, 'NotFound', `namespaces "${namespace}" not found`, {
        name: namespace,
        kind: 'namespaces',
      });
    }
    const object = JSON.parse(body);
    const objectKey = key(resource, namespace, name);
    const existing = this.objects.get(objectKey);
    const conflicts = this.conflicts.get(objectKey);
    if (conflicts && req.query.get('force') !== 'true') {
      return status(
        409,
        'Conflict',
        `Apply failed with ${conflicts.length} conflict${
          conflicts.length > 1 ? 's' : ''
        }: conflict with "${conflicts[0].manager}" using v1: ${conflicts
          .map(c => c.field)
          .join(', ')}`,
        {
          causes: conflicts.map(c => ({
            reason: 'FieldManagerConflict',
            message: `conflict with "${c.manager}" using v1`,
            field: c.field,
          })),
        },
      );
    }
    const next = this.store(object, existing, manager, req.dryRun);
    if (!req.dryRun) {
      if (req.query.get('force') === 'true') this.conflicts.delete(objectKey);
      this.objects.set(objectKey, next);
    }
    return HttpResponse.json(next, { status: existing ? 200 : 201 });
  }

  /** A dry run keeps the current resourceVersion (none for a create); a write bumps it. */
  private nextVersion(
    existing: any,
    dryRun: boolean,
  ): { resourceVersion?: string } {
    if (!dryRun) return { resourceVersion: String(++this.revision) };
    return existing
      ? { resourceVersion: existing.metadata.resourceVersion }
      : {};
  }

  private store(
    object: any,
    existing: any,
    manager: string,
    dryRun: boolean,
  ): any {
    const desired = structuredClone(object);
    if (desired.kind === 'Secret' && desired.stringData) {
      desired.data = { ...(desired.data ?? {}) };
      for (const [k, v] of Object.entries(desired.stringData)) {
        desired.data[k] = Buffer.from(String(v)).toString('base64');
      }
      delete desired.stringData;
    }
    if (desired.kind === 'Secret' && !desired.type) desired.type = 'Opaque';
    const ownedByUs = existing?.metadata?.managedFields?.some(
      (f: any) => f.manager === manager,
    );
    if (existing && ownedByUs && sameContent(existing, desired)) {
      return existing;
    }
    return {
      ...desired,
      metadata: {
        ...desired.metadata,
        uid:
          existing?.metadata?.uid ??
          (dryRun ? 'dry-run-uid' : `uid-${++this.uidCounter}`),
        creationTimestamp:
          existing?.metadata?.creationTimestamp ?? '2026-01-01T00:00:00Z',
        ...this.nextVersion(existing, dryRun),
        managedFields: [
          ...(existing?.metadata?.managedFields ?? []).filter(
            (f: any) => f.manager !== manager,
          ),
          {
            manager,
            operation: 'Apply',
            apiVersion: desired.apiVersion,
            fieldsType: 'FieldsV1',
            fieldsV1: {},
          },
        ],
      },
    };
  }
}

/**
 * A JWT-shaped token (unsigned) with the given claims.
 *
 * @public
 */
export function fakeJwt(claims: object): string {
  const b64 = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'RS256', kid: 'fake' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

function sameContent(existing: any, desired: any): boolean {
  const strip = (o: any) => {
    const { metadata, status: _status, ...rest } = o;
    const {
      managedFields: _m,
      resourceVersion: _r,
      uid: _u,
      creationTimestamp: _c,
      generation: _g,
      ...meta
    } = metadata ?? {};
    return JSON.stringify(sortKeys({ ...rest, metadata: meta }));
  };
  return strip(existing) === strip(desired);
}

function sortKeys(value: any): any {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

function matchesSelector(object: any, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every(term => {
    const [k, v] = term.split('=');
    return object.metadata?.labels?.[k] === v;
  });
}

function key(
  resource: FakeResource,
  namespace: string | undefined,
  name: string | undefined,
) {
  return `${resource.group}/${resource.plural}|${namespace ?? ''}|${
    name ?? ''
  }`;
}

function apiVersionOf(resource: FakeResource): string {
  return resource.group
    ? `${resource.group}/${resource.version}`
    : resource.version;
}

function isDiscoveryPath(path: string): boolean {
  return (
    path === '/api' ||
    path === '/apis' ||
    /^\/api\/[^/]+$/.test(path) ||
    /^\/apis\/[^/]+\/[^/]+$/.test(path)
  );
}
