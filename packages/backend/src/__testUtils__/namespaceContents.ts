import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/**
 * Kinds that are records of what happened, not objects of an instance: left out of
 * {@link namespaceContents}. Events (helm-controller and source-controller write them in the
 * namespace; the API server expires them after an hour).
 */
const RECORDS = new Set(['Event']);

/** Every listable namespaced resource type the cluster serves, `path` without the namespace. */
async function namespacedTypes(
  client: ClusterClient,
): Promise<Array<{ prefix: string; resource: ApiResource }>> {
  const groupVersions = ['v1'];
  const apis: any = await client.requestJson({ path: '/apis' });
  for (const group of apis.groups ?? []) {
    groupVersions.push(group.preferredVersion.groupVersion);
  }
  const lists = await Promise.all(
    groupVersions.map(async gv => {
      const prefix = gv === 'v1' ? '/api/v1' : `/apis/${gv}`;
      const list: any = await client.requestJson({ path: prefix });
      return (list.resources as ApiResource[])
        .filter(
          r =>
            r.namespaced &&
            !r.name.includes('/') &&
            r.verbs.includes('list') &&
            !RECORDS.has(r.kind),
        )
        .map(resource => ({ prefix, resource }));
    }),
  );
  // the same kind may be served by several groups (events.k8s.io): listing one is enough
  const seen = new Set<string>();
  return lists.flat().filter(({ resource }) => {
    if (seen.has(resource.kind)) return false;
    seen.add(resource.kind);
    return true;
  });
}

/**
 * A list, tried again for up to 15 s while the API server answers that the type's storage is
 * (re)initializing (a watch cache that no one used yet on a fresh server).
 */
async function listSoon(client: ClusterClient, path: string): Promise<unknown> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await client.requestJson({ path });
    } catch (error) {
      const initializing = /storage is \(re\)initializing/.test(String(error));
      if (!initializing || Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

/**
 * Everything a namespace holds on a cluster, as `Kind/name`, sorted: every listable namespaced
 * resource type the cluster serves (discovery), Events left out. For "nothing is left" checks.
 *
 * @param client - an admin client of the cluster
 * @param namespace - the namespace
 */
export async function namespaceContents(
  client: ClusterClient,
  namespace: string,
): Promise<string[]> {
  const types = await namespacedTypes(client);
  const found = await Promise.all(
    types.map(async ({ prefix, resource }) => {
      const list: any = await listSoon(
        client,
        `${prefix}/namespaces/${namespace}/${resource.name}`,
      );
      return (list.items ?? []).map(
        (item: any) => `${resource.kind}/${item.metadata.name}`,
      );
    }),
  );
  return found.flat().sort();
}
