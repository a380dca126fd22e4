/*
 * The client and the apply engine against the real local API servers (packages/dev-clusters):
 * real TLS with the dev CA, real RBAC, real server-side apply semantics.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import { devClustersService } from '../__testUtils__/devClusters';
import type { ClusterRequestError } from '../client/ClusterRequestError';
import type { ApplyItem } from './types';

jest.setTimeout(60_000);

const NS = 'pm-it-node';
/**
 * The applier identity of examples/rbac writes only objects carrying this product's label (an
 * admission policy refuses the rest), and Secrets and ServiceAccounts only by the names the setup
 * uses.
 */
const PRODUCT_LABEL = {
  'app.kubernetes.io/managed-by': 'backstage-platform-mesh',
};
const RUN = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;

describe('apply engine against real API servers', () => {
  const clusters = devClustersService(['admin', 'applier', 'reader']);
  const admin = clusters.getClient('runtime-admin');
  const applier = clusters.getClient('runtime-applier');
  const created: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
  }> = [];

  const configMap = (name: string, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace: NS,
      labels: { 'platform-mesh.io/test': 'node', ...PRODUCT_LABEL },
    },
    data,
  });
  const namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: NS },
  };

  beforeAll(async () => {
    await admin.apply(namespace);
  });

  afterAll(async () => {
    for (const ref of created) {
      const resource = await admin.discovery.resolve(ref);
      await admin
        .requestJson({
          method: 'DELETE',
          path: `${resource.group ? `/apis/${resource.group}` : '/api'}/${
            resource.version
          }/namespaces/${ref.namespace}/${resource.plural}/${ref.name}`,
        })
        .catch(() => undefined);
    }
    clusters.close();
  });

  it('applies a ConfigMap with server-side apply; the second run is unchanged', async () => {
    const name = `cm-${RUN}`;
    created.push({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: NS });
    const items: ApplyItem[] = [
      { cluster: 'runtime-applier', object: namespace },
      {
        cluster: 'runtime-applier',
        object: configMap(name, { 'profile.yaml': 'a: 1\n' }),
      },
    ];
    const first = await clusters.applyEngine.apply(items);
    expect(first.dryRun.failures).toEqual([]);
    expect(first.applied.map(r => r.action)).toEqual([
      expect.any(String),
      'created',
    ]);
    const stored = await admin.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name,
      namespace: NS,
    });
    expect(stored.data).toEqual({ 'profile.yaml': 'a: 1\n' });
    expect(
      (stored.metadata as any).managedFields.map((f: any) => f.manager),
    ).toContain('backstage-platform-mesh');

    const preview = await clusters.applyEngine.dryRun(items);
    expect(preview.results.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    const second = await clusters.applyEngine.apply(items);
    expect(second.applied.map(r => r.action)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    const again = await admin.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name,
      namespace: NS,
    });
    expect(again.metadata.resourceVersion).toBe(
      stored.metadata.resourceVersion,
    );

    const changedItems: ApplyItem[] = [
      items[0],
      {
        cluster: 'runtime-applier',
        object: configMap(name, { 'profile.yaml': 'a: 2\n' }),
      },
    ];
    const changedPreview = await clusters.applyEngine.dryRun(changedItems);
    const changed = await clusters.applyEngine.apply(changedItems, {
      verified: changedPreview,
    });
    expect(changedPreview.results[1].diff).toEqual([
      {
        path: 'data["profile.yaml"]',
        change: 'changed',
        before: 'a: 1\n',
        after: 'a: 2\n',
      },
    ]);
    expect(changed.applied.map(r => r.action)).toEqual([
      'unchanged',
      'configured',
    ]);
  });

  it('applies a Secret from stringData; the second run is unchanged', async () => {
    const name = 'platform-mesh-kubeconfig';
    created.push({ apiVersion: 'v1', kind: 'Secret', name, namespace: NS });
    await admin
      .requestJson({
        method: 'DELETE',
        path: `/api/v1/namespaces/${NS}/secrets/${name}`,
      })
      .catch(() => undefined);
    const secret: ApplyItem = {
      cluster: 'runtime-applier',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace: NS, labels: PRODUCT_LABEL },
        stringData: { kubeconfig: 'apiVersion: v1\nkind: Config\n' },
      },
    };
    const first = await clusters.applyEngine.apply([secret]);
    expect(first.applied.map(r => r.action)).toEqual(['created']);
    const preview = await clusters.applyEngine.dryRun([secret]);
    const second = await clusters.applyEngine.apply([secret], {
      verified: preview,
    });
    expect(preview.results[0]).toMatchObject({
      action: 'unchanged',
      diff: [],
    });
    expect(second.applied.map(r => r.action)).toEqual(['unchanged']);
  });

  it('leaves nothing behind after a dry run', async () => {
    const name = `dry-${RUN}`;
    const result = await clusters.applyEngine.dryRun([
      { cluster: 'runtime-applier', object: configMap(name, { x: 'y' }) },
    ]);
    expect(result).toMatchObject({
      ok: true,
      results: [{ action: 'created' }],
    });
    await expect(
      admin.tryGet({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name,
        namespace: NS,
      }),
    ).resolves.toBeUndefined();
    // a dry-run create has no resourceVersion (what the no-read-access path relies on)
    const dryCreated = await applier.apply(configMap(name, { x: 'y' }), {
      dryRun: true,
    });
    expect(dryCreated.metadata.resourceVersion ?? '').toBe('');
  });

  it('reports forbidden for the read-only identity and writes nothing', async () => {
    const name = `reader-${RUN}`;
    const result = await clusters.applyEngine.apply([
      { cluster: 'runtime-reader', object: configMap(name, { x: 'y' }) },
    ]);
    expect(result.ok).toBe(false);
    expect(result.dryRun.failures).toEqual([
      {
        cluster: 'runtime-reader',
        object: `ConfigMap ${NS}/${name}`,
        error: expect.objectContaining({ type: 'forbidden', statusCode: 403 }),
      },
    ]);
    await expect(
      admin.tryGet({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name,
        namespace: NS,
      }),
    ).resolves.toBeUndefined();
  });

  it('reports a conflict with the manager that owns the field, and forces only when asked', async () => {
    const name = `conflict-${RUN}`;
    created.push({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: NS });
    await admin.apply(configMap(name, { owned: 'by-someone-else' }), {
      fieldManager: 'someone-else',
    });
    const result = await clusters.applyEngine.apply([
      {
        cluster: 'runtime-applier',
        object: configMap(name, { owned: 'by-us' }),
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.dryRun.failures[0].error).toMatchObject({
      type: 'conflict',
      managers: ['someone-else'],
      conflicts: [{ field: '.data.owned', manager: 'someone-else' }],
    });
    const forced = await clusters.applyEngine.apply(
      [
        {
          cluster: 'runtime-applier',
          object: configMap(name, { owned: 'by-us' }),
        },
      ],
      { force: true },
    );
    expect(forced.applied.map(r => r.action)).toEqual(['configured']);
  });

  it('resolves real CRDs and types missing ones and missing objects', async () => {
    await expect(
      applier.discovery.resolve({
        group: 'core.platform-mesh.io',
        kind: 'PlatformMesh',
      }),
    ).resolves.toMatchObject({ plural: 'platformmeshes', namespaced: true });
    const missingCrd = (await applier
      .list({ group: 'example.invalid', kind: 'Nothing' })
      .catch(e => e)) as ClusterRequestError;
    expect(missingCrd.clusterError.type).toBe('crd-missing');
    const missingObject = (await applier
      .get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: `missing-${RUN}`,
        namespace: NS,
      })
      .catch(e => e)) as ClusterRequestError;
    expect(missingObject.clusterError).toMatchObject({
      type: 'not-found',
      statusCode: 404,
    });
  });

  it('asks what it may do and mints ServiceAccount tokens', async () => {
    const reader = clusters.getClient('runtime-reader');
    await expect(
      reader.selfSubjectAccessReview({
        verb: 'patch',
        resource: 'configmaps',
        namespace: NS,
      }),
    ).resolves.toMatchObject({ allowed: false });
    await expect(
      applier.selfSubjectAccessReview({
        verb: 'patch',
        resource: 'configmaps',
        namespace: NS,
      }),
    ).resolves.toMatchObject({ allowed: true });

    const sa = 'platform-mesh-operator';
    created.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      name: sa,
      namespace: NS,
    });
    await applier.apply({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: sa, namespace: NS, labels: PRODUCT_LABEL },
    });
    const { token } = await applier.requestServiceAccountToken(NS, sa, {
      expirationSeconds: 600,
    });
    expect(token.split('.')).toHaveLength(3);
  });

  it('never logs or throws the tokens', async () => {
    const logger = mockServices.logger.mock();
    const withLogger = devClustersService(['reader'], logger);
    const result = await withLogger.applyEngine.apply([
      {
        cluster: 'runtime-reader',
        object: configMap(`leak-${RUN}`, { x: 'y' }),
      },
    ]);
    const text =
      JSON.stringify(result) +
      JSON.stringify(logger.warn.mock.calls) +
      JSON.stringify(logger.info.mock.calls);
    for (const secret of secretMaterial()) {
      expect(text).not.toContain(secret);
    }
    withLogger.close();
  });
});
