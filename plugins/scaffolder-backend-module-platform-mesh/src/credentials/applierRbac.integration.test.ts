/*
 * The applier identity of examples/rbac (as the dev clusters bind it) against the real local API
 * servers: it can do what platform-mesh:apply needs and nothing that escalates. Asked with
 * SubjectAccessReviews by the admin identity, and tried for real where admission decides.
 */
import {
  clusterEntry,
  ROLES,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { adminClients } from '../__testUtils__/devClusters';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const NS = `pm-it-scaffolder-rbac-${RUN}`;
const APPLIER = {
  user: 'backstage-applier',
  groups: ['platform-mesh:appliers'],
};
const admin = adminClients();
const applier: Record<Role, ClusterClient> = clientsFor(
  ROLES.map(role => clusterEntry(role, role, 'applier')),
);

interface Attributes {
  verb: string;
  group?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

async function allowed(role: Role, a: Attributes): Promise<boolean> {
  const review: any = await admin[role].requestJson({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        ...APPLIER,
        resourceAttributes: { group: '', ...a },
      },
    },
  });
  return review.status.allowed === true;
}

const rbac = 'rbac.authorization.k8s.io';
const DENIED: Array<[string, Attributes]> = [
  [
    'bind the gitops role',
    {
      verb: 'bind',
      group: rbac,
      resource: 'clusterroles',
      name: 'platform-mesh-gitops-runtime',
    },
  ],
  [
    'bind cluster-admin',
    {
      verb: 'bind',
      group: rbac,
      resource: 'clusterroles',
      name: 'cluster-admin',
    },
  ],
  [
    'escalate the gitops role',
    {
      verb: 'escalate',
      group: rbac,
      resource: 'clusterroles',
      name: 'platform-mesh-gitops-runtime',
    },
  ],
  [
    'escalate the operator role',
    {
      verb: 'escalate',
      group: rbac,
      resource: 'clusterroles',
      name: 'platform-mesh-operator-runtime',
    },
  ],
  [
    'create a ClusterRoleBinding',
    { verb: 'create', group: rbac, resource: 'clusterrolebindings' },
  ],
  [
    'patch the gitops binding',
    {
      verb: 'patch',
      group: rbac,
      resource: 'clusterrolebindings',
      name: 'platform-mesh-gitops-runtime:platform-mesh-system',
    },
  ],
  [
    'create a RoleBinding in kube-system',
    {
      verb: 'create',
      group: rbac,
      resource: 'rolebindings',
      namespace: 'kube-system',
    },
  ],
  [
    'write a ClusterRole',
    {
      verb: 'patch',
      group: rbac,
      resource: 'clusterroles',
      name: 'platform-mesh-operator-runtime',
    },
  ],
  [
    'mint a token for kube-system/default',
    {
      verb: 'create',
      resource: 'serviceaccounts',
      subresource: 'token',
      namespace: 'kube-system',
      name: 'default',
    },
  ],
  [
    'patch a Secret the setup does not name',
    {
      verb: 'patch',
      resource: 'secrets',
      namespace: 'kube-system',
      name: 'bootstrap-token-abcdef',
    },
  ],
  [
    'read a Secret the setup does not name',
    {
      verb: 'get',
      resource: 'secrets',
      namespace: NS,
      name: 'team-b-credentials',
    },
  ],
  ['list Secrets', { verb: 'list', resource: 'secrets', namespace: NS }],
  [
    'impersonate',
    { verb: 'impersonate', resource: 'users', name: 'pm-dev-admin' },
  ],
  ['create pods', { verb: 'create', resource: 'pods', namespace: NS }],
  [
    'delete a Secret the setup does not name',
    {
      verb: 'delete',
      resource: 'secrets',
      namespace: NS,
      name: 'team-b-credentials',
    },
  ],
  ['delete a namespace', { verb: 'delete', resource: 'namespaces', name: NS }],
];
const ALLOWED: Array<[string, Attributes]> = [
  [
    'patch the operator kubeconfig Secret',
    {
      verb: 'patch',
      resource: 'secrets',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh-kubeconfig',
    },
  ],
  ['create Secrets', { verb: 'create', resource: 'secrets', namespace: NS }],
  [
    'patch the operator ServiceAccount',
    {
      verb: 'patch',
      resource: 'serviceaccounts',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh-operator',
    },
  ],
  [
    'mint the gitops token',
    {
      verb: 'create',
      resource: 'serviceaccounts',
      subresource: 'token',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh-gitops',
    },
  ],
  [
    'patch a PlatformMesh',
    {
      verb: 'patch',
      group: 'core.platform-mesh.io',
      resource: 'platformmeshes',
      namespace: NS,
      name: 'pm',
    },
  ],
  [
    'patch a ConfigMap',
    {
      verb: 'patch',
      resource: 'configmaps',
      namespace: NS,
      name: 'pm-profile',
    },
  ],
];

async function attempt(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error: any) {
    return error?.clusterError?.type ?? error?.name ?? 'error';
  }
}

describe('the applier of examples/rbac', () => {
  beforeAll(async () => {
    for (const role of ROLES) {
      await admin[role].apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NS },
      } as any);
    }
  });

  it.each(DENIED)('may not %s, on any cluster', async (_what, attributes) => {
    for (const role of ROLES) {
      expect(await allowed(role, attributes)).toBe(false);
    }
  });

  it.each(ALLOWED)('may %s (the apply needs it)', async (_what, attributes) => {
    for (const role of ROLES) {
      expect(await allowed(role, attributes)).toBe(true);
    }
  });

  it('cannot bind the gitops role to itself, for real', async () => {
    const outcome = await attempt(
      applier.runtime.apply({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `pm-it-escalation-${RUN}` },
        roleRef: {
          apiGroup: rbac,
          kind: 'ClusterRole',
          name: 'platform-mesh-gitops-runtime',
        },
        subjects: [
          { apiGroup: rbac, kind: 'Group', name: 'platform-mesh:appliers' },
        ],
      } as any),
    );
    expect(outcome).toBe('forbidden');
  });

  it('cannot create a ServiceAccount token Secret, even with a name it may use', async () => {
    const outcome = await attempt(
      applier.runtime.apply({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/service-account-token',
        metadata: {
          name: 'platform-mesh-kubeconfig',
          namespace: NS,
          labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
          annotations: { 'kubernetes.io/service-account.name': 'default' },
        },
      } as any),
    );
    expect(outcome).not.toBe('allowed');
    expect(
      await admin.runtime.tryGet({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: NS,
        name: 'platform-mesh-kubeconfig',
      }),
    ).toBeUndefined();
  });

  it('cannot take over a foreign Secret that has a name it may patch', async () => {
    const secret = (labels: Record<string, string>, value: string) =>
      ({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-runtime-secret',
          namespace: NS,
          labels,
        },
        stringData: { kubeconfig: value },
      } as any);
    const before: any = await admin.infra.apply(secret({}, 'team-b'), {
      fieldManager: 'team-b-tool',
    });
    const outcome = await attempt(
      applier.infra.apply(
        secret(
          { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
          'overwritten',
        ),
        { force: true },
      ),
    );
    expect(outcome).not.toBe('allowed');
    const after: any = await admin.infra.get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: NS,
      name: 'platform-mesh-runtime-secret',
    });
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.data).toEqual(before.data);
  });
});
