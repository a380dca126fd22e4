import { delay, http, HttpResponse, type RequestHandler } from 'msw';

/** How a fake cluster misbehaves. */
export type Failure = 'network' | 'timeout' | 'unauthorized' | 'forbidden';

const GROUPS: Record<string, Array<{ name: string; kind: string; namespaced?: boolean }>> = {
  'core.platform-mesh.io/v1alpha1': [{ name: 'platformmeshes', kind: 'PlatformMesh' }],
  'helm.toolkit.fluxcd.io/v2': [{ name: 'helmreleases', kind: 'HelmRelease' }],
  'kustomize.toolkit.fluxcd.io/v1': [{ name: 'kustomizations', kind: 'Kustomization' }],
  'source.toolkit.fluxcd.io/v1': [
    { name: 'ocirepositories', kind: 'OCIRepository' },
    { name: 'helmrepositories', kind: 'HelmRepository' },
    { name: 'gitrepositories', kind: 'GitRepository' },
  ],
  'argoproj.io/v1alpha1': [{ name: 'applications', kind: 'Application' }],
};
const CORE = [
  { name: 'configmaps', kind: 'ConfigMap' },
  { name: 'secrets', kind: 'Secret' },
  { name: 'pods', kind: 'Pod' },
];

const status = (code: number, reason: string, message: string) =>
  HttpResponse.json({ kind: 'Status', status: 'Failure', code, reason, message }, { status: code });

/**
 * msw handlers for one fake API server at `base`: discovery of the kinds the plugin reads (minus
 * `missingGroups`, whose CRDs are "not installed"), lists filtered like the API server does (kind,
 * namespace, label and name selectors), and watches that stay open until aborted. With `failure`,
 * every call fails that way.
 */
export function fakeCluster(
  base: string,
  objects: any[],
  options: { failure?: Failure; missingGroups?: string[] } = {},
): RequestHandler[] {
  const groups = Object.keys(GROUPS).filter(
    gv => !options.missingGroups?.includes(gv.split('/')[0]),
  );
  const fail = async () => {
    switch (options.failure) {
      case 'network':
        return HttpResponse.error();
      case 'timeout':
        await delay('infinite');
        return undefined;
      case 'unauthorized':
        return status(401, 'Unauthorized', 'Unauthorized');
      case 'forbidden':
        return status(403, 'Forbidden', 'forbidden: User "backstage" cannot list resource');
      default:
        return undefined;
    }
  };
  const collection = (kind: string, group: string) => async ({ request }: { request: Request }) => {
    const failed = await fail();
    if (failed) return failed;
    const url = new URL(request.url);
    if (url.searchParams.get('watch') === 'true') {
      return new HttpResponse(
        new ReadableStream({
          start(controller) {
            request.signal.addEventListener('abort', () => controller.close());
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    }
    const ns = url.pathname.match(/\/namespaces\/([^/]+)\//)?.[1];
    const label = url.searchParams.get('labelSelector')?.split('=');
    const name = url.searchParams.get('fieldSelector')?.split('=')[1];
    const items = objects.filter(
      o =>
        o.kind === kind &&
        (String(o.apiVersion).includes('/') ? o.apiVersion.split('/')[0] : '') === group &&
        (!ns || o.metadata.namespace === ns) &&
        (!label || o.metadata.labels?.[label[0]] === label[1]) &&
        (!name || o.metadata.name === name),
    );
    return HttpResponse.json({ kind: `${kind}List`, metadata: { resourceVersion: '100' }, items });
  };

  const handlers: RequestHandler[] = [
    http.get(`${base}/api`, async () => (await fail()) ?? HttpResponse.json({ versions: ['v1'] })),
    http.get(`${base}/apis`, async () =>
      (await fail()) ??
      HttpResponse.json({
        groups: groups.map(gv => {
          const [name, version] = gv.split('/');
          return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
        }),
      }),
    ),
    http.get(`${base}/api/v1`, async () =>
      (await fail()) ??
      HttpResponse.json({
        resources: CORE.map(r => ({ ...r, namespaced: true, verbs: ['get', 'list', 'watch'] })),
      }),
    ),
  ];
  for (const r of CORE) {
    handlers.push(http.get(`${base}/api/v1/${r.name}`, collection(r.kind, '')));
    handlers.push(http.get(`${base}/api/v1/namespaces/:ns/${r.name}`, collection(r.kind, '')));
  }
  for (const gv of Object.keys(GROUPS)) {
    const [group] = gv.split('/');
    const served = groups.includes(gv);
    handlers.push(
      http.get(`${base}/apis/${gv}`, async () =>
        (await fail()) ??
        (served
          ? HttpResponse.json({
              resources: GROUPS[gv].map(r => ({ ...r, namespaced: true, verbs: ['get', 'list', 'watch'] })),
            })
          : status(404, 'NotFound', 'the server could not find the requested resource')),
      ),
    );
    for (const r of GROUPS[gv]) {
      handlers.push(http.get(`${base}/apis/${gv}/${r.name}`, collection(r.kind, group)));
      handlers.push(http.get(`${base}/apis/${gv}/namespaces/:ns/${r.name}`, collection(r.kind, group)));
    }
  }
  return handlers;
}
