/*
 * A first install against the real local API servers where a later object is refused
 * server-side: a ValidatingAdmissionPolicy (created by this test, matching only its own fresh
 * namespace) denies the profile ConfigMap. Before the refusal only the Namespaces may be written,
 * and the error must say exactly that. Runs as the least-privileged applier identity.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { eventually, secretMaterial } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const OPERATOR_NS = `pm-it-first-system-${RUN}`;
const NS = `pm-it-first-${RUN}`;
const POLICY = `pm-it-deny-profile-${RUN}`;
const PROBE = `pm-it-probe-${RUN}`;
const VAP = '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies';
const BINDINGS =
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings';

const admin = adminClients();
const workspace = createMockDirectory();

async function remove(client: ClusterClient, path: string): Promise<void> {
  await client.requestJson({ method: 'DELETE', path }).catch(error => {
    if (error?.clusterError?.type !== 'not-found') throw error;
  });
}

const exists = async (
  client: ClusterClient,
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
) => (await client.tryGet({ apiVersion, kind, name, namespace })) !== undefined;

describe('platform-mesh:apply first install with a server-side refusal', () => {
  beforeAll(async () => {
    await admin.runtime.requestJson({
      method: 'POST',
      path: VAP,
      body: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: POLICY },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: [''],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['configmaps'],
              },
            ],
          },
          // Only this test's namespace, and a probe object to see the policy is in force.
          matchConditions: [
            {
              name: 'this-test-only',
              expression: `object.metadata.namespace == '${NS}' || (object.metadata.namespace == 'default' && object.metadata.name == '${PROBE}')`,
            },
          ],
          validations: [
            {
              expression: `object.metadata.name != 'platform-mesh-profile' && object.metadata.name != '${PROBE}'`,
              message: 'the test policy refuses the profile ConfigMap',
            },
          ],
        },
      },
    });
    await admin.runtime.requestJson({
      method: 'POST',
      path: BINDINGS,
      body: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: POLICY },
        spec: { policyName: POLICY, validationActions: ['Deny'] },
      },
    });
    // The API server picks policies up asynchronously: wait until the probe is refused.
    await eventually(async () => {
      try {
        await admin.runtime.apply(
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: PROBE, namespace: 'default' },
          },
          { dryRun: true },
        );
        return undefined;
      } catch {
        return true;
      }
    }, 20_000);
  });

  afterAll(async () => {
    await remove(admin.runtime, `${BINDINGS}/${POLICY}`);
    await remove(admin.runtime, `${VAP}/${POLICY}`);
  });

  it('writes only the Namespaces, dry-runs everything else first, and says what was written', async () => {
    const action = createPlatformMeshApplyAction({
      clusters: itClustersService('applier', {
        operatorNamespace: OPERATOR_NS,
        namespace: NS,
      }),
      permissions: permissions('ALLOW'),
    });
    const context = actionContext({
      input: {
        target: 'it',
        name: 'platform-mesh',
        baseDomain: 'portal.localhost',
        port: 8443,
      },
      workspacePath: workspace.path,
    });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('DryRunFailedError');
    const message = error!.message;
    expect(message).toContain(
      `runtime cluster "it-runtime" ConfigMap ${NS}/platform-mesh-profile`,
    );
    expect(message).toContain('the test policy refuses the profile ConfigMap');
    expect(message).not.toContain('nothing was written');
    expect(message).toContain(
      `Namespace ${NS} on runtime cluster "it-runtime" (created)`,
    );
    expect(message).toContain(
      `Namespace ${OPERATOR_NS} on operator cluster "it-operator" (created)`,
    );
    expect(message).toContain('nothing else was written');
    expect(context.lines.join('\n')).toContain(
      `Created namespace ${NS} on runtime cluster "it-runtime"`,
    );

    // read back: the Namespaces are there, nothing else is
    expect(await exists(admin.runtime, 'v1', 'Namespace', NS)).toBe(true);
    expect(await exists(admin.infra, 'v1', 'Namespace', NS)).toBe(true);
    expect(await exists(admin.operator, 'v1', 'Namespace', OPERATOR_NS)).toBe(
      true,
    );
    const absent: Array<[ClusterClient, string, string, string, string?]> = [
      [admin.operator, 'v1', 'Secret', 'platform-mesh-kubeconfig', OPERATOR_NS],
      [
        admin.operator,
        'v1',
        'Secret',
        'platform-mesh-infra-kubeconfig',
        OPERATOR_NS,
      ],
      [admin.infra, 'v1', 'Secret', 'platform-mesh-runtime-secret', NS],
      [admin.runtime, 'v1', 'ConfigMap', 'platform-mesh-profile', NS],
      [
        admin.runtime,
        'core.platform-mesh.io/v1alpha1',
        'PlatformMesh',
        'platform-mesh',
        NS,
      ],
      [
        admin.runtime,
        'v1',
        'ServiceAccount',
        'platform-mesh-operator',
        OPERATOR_NS,
      ],
      [
        admin.infra,
        'v1',
        'ServiceAccount',
        'platform-mesh-operator',
        OPERATOR_NS,
      ],
      [
        admin.runtime,
        'rbac.authorization.k8s.io/v1',
        'ClusterRoleBinding',
        `platform-mesh-operator-runtime:${OPERATOR_NS}`,
      ],
    ];
    for (const [client, apiVersion, kind, name, namespace] of absent) {
      expect([
        kind,
        name,
        await exists(client, apiVersion, kind, name, namespace),
      ]).toEqual([kind, name, false]);
    }
    const visible = [...context.lines, message].join('\n');
    for (const secret of secretMaterial()) {
      expect(visible).not.toContain(secret);
    }
  });
});
