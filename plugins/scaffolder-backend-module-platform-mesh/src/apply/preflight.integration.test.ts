/*
 * The preflight against a real API server: a CRD deleted after discovery cached it is reported
 * missing at once, not after the discovery lifetime. The CRD is this test's own (a group of its
 * own); nothing the other tests use is touched.
 */
import { eventually } from '@internal/dev-clusters/lib/testing';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { preflight } from './preflight';

jest.setTimeout(60_000);

const RUN = Date.now().toString(36);
const GROUP = `preflight-${RUN}.test.platform-mesh.io`;
const CRD = `gadgets.${GROUP}`;
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const TYPE = { group: GROUP, version: 'v1', kind: 'Gadget' };

const admin = adminClients();

/** Whether the server (not a cache) serves the group version. */
async function served(client: ClusterClient): Promise<boolean> {
  try {
    await client.requestJson({ path: `/apis/${GROUP}/v1` });
    return true;
  } catch (error: any) {
    if (error?.clusterError?.type === 'crd-missing') return false;
    throw error;
  }
}

describe('preflight against a real API server', () => {
  afterAll(async () => {
    await admin.runtime
      .requestJson({ method: 'DELETE', path: `${CRDS}/${CRD}` })
      .catch(() => undefined);
  });

  it('reports a CRD deleted after discovery cached it as crd-missing at once', async () => {
    await admin.runtime.requestJson({
      method: 'POST',
      path: CRDS,
      body: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: CRD },
        spec: {
          group: GROUP,
          scope: 'Namespaced',
          names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: 'object' } },
            },
          ],
        },
      },
    });
    await eventually(async () =>
      (await served(admin.runtime)) ? true : undefined,
    );

    const clusters = itClustersService('applier', {
      operatorNamespace: `pm-it-preflight-system-${RUN}`,
      namespace: `pm-it-preflight-${RUN}`,
    });
    const runtime = clusters.getClient('it-runtime');
    const input = {
      clusters,
      items: [],
      tokenRequests: [],
      requiredTypes: [
        {
          cluster: 'it-runtime',
          type: TYPE,
          what: `the Gadget CRD (${CRD})`,
          hint: 'install the test CRD',
        },
      ],
      optionalAccess: [],
    };
    // discovery caches the type, and the preflight passes
    await expect(runtime.discovery.resolve(TYPE)).resolves.toMatchObject({
      plural: 'gadgets',
    });
    expect((await preflight(input)).ok).toBe(true);

    await admin.runtime.requestJson({
      method: 'DELETE',
      path: `${CRDS}/${CRD}`,
    });
    await eventually(async () =>
      (await served(admin.runtime)) ? undefined : true,
    );
    // the cache still believes in it (its lifetime is minutes)...
    await expect(runtime.discovery.resolve(TYPE)).resolves.toMatchObject({
      plural: 'gadgets',
    });
    // ...the preflight asks the server and reports it missing
    const result = await preflight(input);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        cluster: 'it-runtime',
        type: 'crd-missing',
        message: expect.stringContaining(
          `the Gadget CRD (${CRD}) is not installed`,
        ),
      }),
    ]);
  });
});
