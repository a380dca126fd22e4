import {
  providerConnectionFormsOfCrd,
  providerConnectionFormsOfOpenApi,
  type InstalledProviderConnectionForms,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isClusterRequestError,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** The PlatformMesh CRD's name. */
const PLATFORM_MESH_CRD = 'platformmeshes.core.platform-mesh.io';
const CRD_PATH = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${PLATFORM_MESH_CRD}`;
/** The key of the PlatformMesh group version in the `GET /openapi/v3` index. */
const OPENAPI_GROUP_VERSION = 'apis/core.platform-mesh.io/v1alpha1';
/** The group version's OpenAPI document is about 100 KiB; a bigger one is not what we expect. */
const OPENAPI_MAX_BYTES = 8 * 1024 * 1024;

/** What {@link readInstalledProviderConnectionForms} found. */
interface InstalledSchemaRead {
  /** The provider connection forms the installed schema declares, when it could be read. */
  forms?: InstalledProviderConnectionForms;
  /** Where they were read: the CRD, or the group's OpenAPI v3 document. */
  source?: 'crd' | 'openapi-v3';
  /** Why the schema could not be read, for the task log (never a credential or URL). */
  warning?: string;
}

/** A failure as its typed kind only: server messages name our identity, which the log needs not. */
function failureOf(error: unknown): string {
  return isClusterRequestError(error)
    ? error.clusterError.type
    : `unexpected ${(error as Error)?.name ?? 'error'}`;
}

/** Failures after which asking the same server again only waits longer. */
const GIVE_UP = ['timeout', 'unreachable', 'unauthorized'];

async function fromOpenApi(
  client: ClusterClient,
  signal?: AbortSignal,
): Promise<InstalledProviderConnectionForms | string> {
  const index = await client.requestJson<{
    paths?: Record<string, { serverRelativeURL?: string }>;
  }>({ path: '/openapi/v3', signal, resource: 'the OpenAPI v3 index' });
  const relative = index.paths?.[OPENAPI_GROUP_VERSION]?.serverRelativeURL;
  if (typeof relative !== 'string' || !relative.startsWith('/openapi/v3/')) {
    return `the server publishes no OpenAPI v3 document for ${OPENAPI_GROUP_VERSION}`;
  }
  // Only the path and query are taken: the request goes to the configured cluster, nowhere else.
  const url = new URL(relative, 'http://127.0.0.1');
  const document = await client.requestJson({
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    signal,
    resource: `the OpenAPI v3 document of ${OPENAPI_GROUP_VERSION}`,
    maxBytes: OPENAPI_MAX_BYTES,
  });
  return (
    providerConnectionFormsOfOpenApi(document) ??
    `the OpenAPI v3 document of ${OPENAPI_GROUP_VERSION} has no PlatformMesh schema`
  );
}

/**
 * Reads which provider connection form (`apiExportName` or `apiExportNames`) the PlatformMesh
 * schema installed on a cluster declares: from the CRD
 * (`GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions/platformmeshes.core.platform-mesh.io`)
 * when our identity may read it, otherwise from the group's OpenAPI v3 document (`GET /openapi/v3`,
 * then the path it gives for `apis/core.platform-mesh.io/v1alpha1`), which every authenticated
 * identity may read by default. Each request has the client's timeout. Never throws: when neither
 * can be read, says why in `warning`.
 *
 * @param client - the runtime cluster's client
 * @param options - cancels the reads
 */
export async function readInstalledProviderConnectionForms(
  client: ClusterClient,
  options: { signal?: AbortSignal } = {},
): Promise<InstalledSchemaRead> {
  const { signal } = options;
  let crdFailure: string;
  try {
    const crd = await client.requestJson({
      path: CRD_PATH,
      signal,
      resource: 'customresourcedefinitions.apiextensions.k8s.io',
    });
    const forms = providerConnectionFormsOfCrd(crd);
    if (forms) return { forms, source: 'crd' };
    crdFailure = 'no v1alpha1 schema';
  } catch (error) {
    crdFailure = failureOf(error);
  }
  let openApiFailure: string;
  if (GIVE_UP.includes(crdFailure)) {
    openApiFailure = 'not tried';
  } else {
    try {
      const forms = await fromOpenApi(client, signal);
      if (typeof forms !== 'string') return { forms, source: 'openapi-v3' };
      openApiFailure = forms;
    } catch (error) {
      openApiFailure = failureOf(error);
    }
  }
  return {
    warning: `cluster "${client.clusterName}": could not read the installed PlatformMesh schema (CRD ${PLATFORM_MESH_CRD}: ${crdFailure}; OpenAPI v3: ${openApiFailure}), so the provider connections keep the rendered form (apiExportName for operator v0.81.14, apiExportNames for CRD chart 0.11.0 and newer); the dry run checks it`,
  };
}

/**
 * {@link readInstalledProviderConnectionForms} on the cluster the plan writes its PlatformMesh to.
 *
 * @param input - the clusters and the planned objects
 * @returns undefined when the plan writes no PlatformMesh
 */
export async function readInstalledFormsForPlan(input: {
  clusters: { getClient(cluster: string): ClusterClient };
  items: Array<{
    cluster: string;
    object: { apiVersion: string; kind: string };
  }>;
  signal?: AbortSignal;
}): Promise<InstalledSchemaRead | undefined> {
  const item = input.items.find(
    i =>
      i.object.apiVersion === 'core.platform-mesh.io/v1alpha1' &&
      i.object.kind === 'PlatformMesh',
  );
  return item
    ? readInstalledProviderConnectionForms(
        input.clusters.getClient(item.cluster),
        {
          signal: input.signal,
        },
      )
    : undefined;
}
