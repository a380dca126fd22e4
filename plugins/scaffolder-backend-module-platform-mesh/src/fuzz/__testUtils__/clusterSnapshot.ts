import { ROLES, type Role } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** Namespaced collections the actions write, per cluster role. */
const NAMESPACED: Record<Role, string[]> = {
  operator: [
    '/api/v1/namespaces/{ns}/secrets',
    '/api/v1/namespaces/{ns}/configmaps',
    '/api/v1/namespaces/{ns}/serviceaccounts',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings',
  ],
  runtime: [
    '/api/v1/namespaces/{ns}/secrets',
    '/api/v1/namespaces/{ns}/configmaps',
    '/api/v1/namespaces/{ns}/serviceaccounts',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings',
    '/apis/core.platform-mesh.io/v1alpha1/namespaces/{ns}/platformmeshes',
  ],
  infra: [
    '/api/v1/namespaces/{ns}/secrets',
    '/api/v1/namespaces/{ns}/configmaps',
    '/api/v1/namespaces/{ns}/serviceaccounts',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings',
    '/apis/helm.toolkit.fluxcd.io/v2/namespaces/{ns}/helmreleases',
  ],
};

interface ListedObject {
  metadata: { name: string; namespace?: string; resourceVersion: string };
}

/**
 * `<role> <kind path> <namespace>/<name>` → resourceVersion of every object the actions could
 * write for a test's namespaces: the objects in them, the namespaces with the test's prefix, and
 * the ClusterRoleBindings named for them (`<role>:<namespace>`). Not the cluster-wide list
 * revision: kube-apiserver renews its leases, so that one moves by itself.
 *
 * @param clients - admin clients per role
 * @param namespaces - the test's namespaces
 * @param prefix - the prefix of every namespace the test could create
 */
export async function snapshotObjects(
  clients: Record<Role, ClusterClient>,
  namespaces: string[],
  prefix: string,
): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const record = (role: Role, path: string, items: ListedObject[]) => {
    for (const { metadata } of items) {
      result[`${role} ${path} ${metadata.namespace ?? ''}/${metadata.name}`] =
        metadata.resourceVersion;
    }
  };
  for (const role of ROLES) {
    const client = clients[role];
    const list = async (path: string) =>
      (await client.requestJson<{ items: ListedObject[] }>({ path })).items;
    record(
      role,
      'namespaces',
      (await list('/api/v1/namespaces')).filter(n =>
        n.metadata.name.startsWith(prefix),
      ),
    );
    record(
      role,
      'clusterrolebindings',
      (
        await list('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings')
      ).filter(b => namespaces.some(ns => b.metadata.name.endsWith(`:${ns}`))),
    );
    for (const ns of namespaces) {
      for (const template of NAMESPACED[role]) {
        const path = template.replace('{ns}', ns);
        record(role, template, await list(path));
      }
    }
  }
  return result;
}
