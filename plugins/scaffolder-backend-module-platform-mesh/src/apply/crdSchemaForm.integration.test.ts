/*
 * The installed PlatformMesh CRD generation, read from the real local API servers
 * (packages/dev-clusters), whose runtime cluster has the operator v0.81.14 CRD: from the CRD as the
 * applier identity, from the OpenAPI v3 document as an identity that may not read CRDs, and a dry
 * run of the apply that the real server only passes once the form is converted. Everything lives
 * in this test's own namespace; the dry run writes nothing.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import {
  adminClients,
  clientWithToken,
  itClustersService,
} from '../__testUtils__/devClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';
import { readInstalledProviderConnectionForms } from './crdSchemaForm';

jest.setTimeout(60_000);

// Fixed names: Namespaces cannot be deleted on the dev clusters, and applying them again is a no-op.
const NS = 'pm-it-scaffolder-crd-form';
const READER = 'crd-form-no-rbac';
const V0_81_14 = {
  providerConnections: ['apiExportName'],
  extraProviderConnections: ['apiExportName'],
};

const admin = adminClients();
const clusters = itClustersService('applier', {
  operatorNamespace: `${NS}-system`,
  namespace: NS,
});

beforeAll(async () => {
  await admin.runtime.apply(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    { fieldManager: 'pm-it-crd-form' },
  );
  await admin.runtime.apply(
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: READER, namespace: NS },
    },
    { fieldManager: 'pm-it-crd-form' },
  );
});

describe('reading the installed PlatformMesh CRD generation from a real API server', () => {
  it('finds apiExportName in the CRD (operator v0.81.14) as the applier', async () => {
    const read = await readInstalledProviderConnectionForms(
      clusters.getClient('it-runtime'),
    );
    expect(read).toEqual({ forms: V0_81_14, source: 'crd' });
  });

  it('finds apiExportName in the OpenAPI v3 document when the identity may not read CRDs', async () => {
    const { token } = await admin.runtime.requestServiceAccountToken(
      NS,
      READER,
      { expirationSeconds: 600 },
    );
    const client = clientWithToken('runtime', token);
    // this identity has no RBAC: the CRD itself is forbidden
    await expect(
      client.requestJson({
        path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/platformmeshes.core.platform-mesh.io',
      }),
    ).rejects.toMatchObject({ clusterError: { type: 'forbidden' } });
    const read = await readInstalledProviderConnectionForms(client);
    expect(read).toEqual({ forms: V0_81_14, source: 'openapi-v3' });
  });

  it('dry-runs an apply with apiExportNames (a list of one) by writing apiExportName, which the real server accepts', async () => {
    const action = createPlatformMeshApplyAction({
      clusters,
      permissions: permissions('ALLOW'),
    });
    const run = async (kcp: object) => {
      const context = actionContext({
        input: {
          target: 'it',
          name: 'platform-mesh',
          namespace: NS,
          baseDomain: 'portal.localhost',
          port: 8443,
          kcp,
        },
        workspacePath: createMockDirectory().path,
        isDryRun: true,
      });
      let error: Error | undefined;
      try {
        await action.handler(context.ctx);
      } catch (e) {
        error = e as Error;
      }
      return { ...context, error };
    };
    const connection = {
      secret: 'orchestrate-kubeconfig',
      path: 'root:providers:orchestrate',
    };

    const converted = await run({
      providerConnections: [
        { ...connection, apiExportNames: ['orchestrate.platform-mesh.io'] },
      ],
    });
    expect(converted.error).toBeUndefined();
    expect(converted.lines).toContainEqual(
      expect.stringContaining(
        'converted spec.kcp.providerConnections[0]: apiExportNames (a list of one) → apiExportName',
      ),
    );
    // the real server's dry run passed, with the form its CRD declares
    expect(converted.lines).toContainEqual(
      `info: Dry run: runtime/PlatformMesh ${NS}/platform-mesh on cluster "it-runtime": created`,
    );
    expect(converted.lines).toContainEqual(
      expect.stringContaining(
        '+ spec.kcp.providerConnections: [{"apiExportName":"orchestrate.platform-mesh.io",',
      ),
    );

    const refused = await run({
      providerConnections: [
        { ...connection, apiExportNames: ['a.platform-mesh.io', 'b.io'] },
      ],
    });
    expect(refused.error?.name).toBe('InputError');
    expect(refused.error?.message).toContain(
      'declares apiExportName (one name; operator v0.81.14 and older), not apiExportNames',
    );

    const visible = [
      ...converted.lines,
      ...refused.lines,
      refused.error?.message ?? '',
    ].join('\n');
    for (const secret of secretMaterial()) {
      expect(visible).not.toContain(secret);
    }
    // nothing was written: the instance does not exist
    await expect(
      admin.runtime.tryGet({
        apiVersion: 'core.platform-mesh.io/v1alpha1',
        kind: 'PlatformMesh',
        name: 'platform-mesh',
        namespace: NS,
      }),
    ).resolves.toBeUndefined();
  });
});
