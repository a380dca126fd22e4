/*
 * Decommissioning against the real controllers (packages/dev-clusters/live/README.md): a second
 * instance is created on the live clusters through the example template, the real operator and
 * real Flux install its releases into the live runtime cluster, and the decommission template
 * (catalog:fetch on the entity the Platform Mesh catalog entity provider emits, then
 * platform-mesh:delete) removes it. Then: Helm uninstalled the releases from the runtime cluster,
 * the operator's sources and OCM Resources are gone, the per-target credentials stay because the
 * live instance still uses them (the output says so and the cluster agrees), the live instance
 * is untouched and healthy, and a second run is a no-op.
 *
 * Why a second instance in its own namespace, next to the live one (LIVE_NS, which the other
 * live-lane file and the demo use): the real operator serves it. It watches PlatformMeshes in
 * every namespace of its runtime cluster (no namespace restriction in its manager or caches); its
 * identities are bound cluster-wide (operator-identities.yaml: ClusterRoleBindings on runtime and
 * infra), and so is Flux's identity on the runtime cluster; every template it renders uses the
 * PlatformMesh's namespace as the release namespace; the one thing it keeps per process, its
 * kcp namespace (RootShard, FrontProxy), is the stand-ins' platform-mesh-system whatever the
 * instance. What one operator process cannot serve is a second runtime or infra cluster, so the
 * second instance is on target `live` too, and shares the target's credentials: the operator's
 * kubeconfig Secrets and the ServiceAccounts behind them. That is the case the action must keep.
 *
 * The lane's files take a lock (acquireLiveLane): the repository's test command runs two Jest
 * workers, and the other file breaks and restarts the one operator both instances depend on.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { PlatformMeshInstanceEntityProvider } from '@platform-mesh-backstage/plugin-catalog-backend-module-platform-mesh';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import {
  clusterEntry,
  eventually,
  LIVE_ROLES,
  operatorLog,
  operatorUp,
  secretMaterial,
} from '@internal/dev-clusters/lib/testing';
import { operatorValuesFromTaskOutput } from '@internal/dev-clusters/lib/live';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  acquireLiveLane,
  instanceStatus,
  LIVE_NS,
  livePlatformMeshConfig,
  liveStatus,
  liveValues,
  runTemplateTask,
  startLiveBackendWith,
} from '../__testUtils__/liveBackend';
import { namespaceContents } from '../__testUtils__/namespaceContents';

jest.setTimeout(900_000);

// One fixed namespace: the action never deletes namespaces, and these API servers run no
// namespace controller (a deleted namespace would stay Terminating). A run aborted before the
// decommission leaves the instance there; the next run re-applies it and removes it.
const NS = 'pm-e2e-decommission';
const NAME = 'platform-mesh'; // the template's default name, in another namespace
const NAMESPACES = [LIVE_NS, NS];
const ENTITY_NAME = `live-${NS}-${NAME}`; // formatInstanceEntityName's default pattern
const ENTITY_REF = `resource:default/${ENTITY_NAME}`;
const SERVICES = ['account-operator', 'iam-service', 'portal'];
const FLUX_SECRET = 'platform-mesh-runtime-secret'; // on infra, in the instance namespace
const admin = clientsFor(
  LIVE_ROLES.map(role => clusterEntry(role, role, 'admin')),
);
const byRole = {
  operator: admin['live-operator'],
  runtime: admin['live-runtime'],
  infra: admin['live-infra'],
} as const;
type Role = keyof typeof byRole;

const HELM_RELEASE = { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' };
const SOURCES = [
  { group: 'source.toolkit.fluxcd.io', kind: 'OCIRepository' },
  { group: 'source.toolkit.fluxcd.io', kind: 'HelmRepository' },
];
const OCM_RESOURCE = { group: 'delivery.ocm.software', kind: 'Resource' };
/** The operator's webhook Secrets in the instance namespace (runtime), in the plan's order. */
const WEBHOOK_SECRETS = ['kcp-webhook-secret', 'rebac-authz-webhook-cert'];
const PLATFORM_MESH = {
  apiVersion: 'core.platform-mesh.io/v1alpha1',
  kind: 'PlatformMesh',
};

interface Ref {
  kind: string;
  namespace?: string;
  name: string;
}

const names = async (role: Role, type: any, namespace: string) =>
  (await byRole[role].list(type, { namespace })).items.map(
    (i: any) => i.metadata.name as string,
  );

/** Helm's storage Secrets of the given releases in `namespace` on the runtime cluster. */
async function helmStorage(namespace: string, releases: string[]) {
  const list: any = await byRole.runtime.requestJson({
    path: `/api/v1/namespaces/${namespace}/secrets`,
    query: { fieldSelector: 'type=helm.sh/release.v1' },
  });
  return (list.items as any[])
    .map(s => s.metadata.name as string)
    .filter(n => releases.some(r => n.startsWith(`sh.helm.release.v1.${r}.v`)));
}

/** What says whether an object was touched: uid, generation, resourceVersion, deletion. */
async function identity(role: Role, ref: any) {
  const o: any = await byRole[role].get(ref);
  return {
    uid: o.metadata.uid as string,
    generation: o.metadata.generation as number | undefined,
    resourceVersion: o.metadata.resourceVersion as string,
    deleting: !!o.metadata.deletionTimestamp,
  };
}

/** The JSON the decommission template prints after `label`, in its "Removed" text. */
function printed(output: any, label: string): any {
  const text = output?.text?.find((t: any) => t.title === 'Removed')?.content;
  const json = String(text ?? '').match(
    new RegExp(`${label}: \`([^\`]*)\``),
  )?.[1];
  if (json === undefined) {
    throw new Error(`no "${label}" in the output: ${JSON.stringify(output)}`);
  }
  return JSON.parse(json);
}

function expectCompleted(run: { status: string; log: string }) {
  if (run.status !== 'completed') {
    throw new Error(
      `the template task ${run.status}:\n${
        run.log
      }\noperator log:\n${operatorLog(30)}`,
    );
  }
}

async function until<T>(
  read: () => Promise<T>,
  check: (s: T) => boolean,
  what: string,
  timeoutMs = 240_000,
): Promise<T> {
  let last: T | undefined;
  try {
    return await eventually(async () => {
      last = await read();
      return check(last) ? last : undefined;
    }, timeoutMs);
  } catch (e) {
    throw new Error(
      `${what}: ${e}\nlast: ${JSON.stringify(
        last,
        null,
        1,
      )}\noperator log:\n${operatorLog(30)}`,
    );
  }
}

const release = (s: any, name: string) =>
  s.releases.find((r: any) => r.name === name);
const healthy = (s: any) =>
  s.instance.overall === 'healthy' &&
  s.conditions.find((c: any) => c.step === 'Ready')?.status === 'True' &&
  SERVICES.every(n => release(s, n)?.health === 'healthy');

describe('decommissioning an instance with the real Platform Mesh operator and real Flux', () => {
  let releaseLane: () => void = () => {};
  let server: any;
  let provider: PlatformMeshInstanceEntityProvider;
  const catalog: object[] = [];
  const providerRemoved: string[] = [];
  // filled by the first test, checked by the next ones
  const installed = {
    releases: [] as string[],
    sources: [] as Ref[],
    ocmResources: [] as string[],
    helmStorage: [] as string[],
    pmFinalizers: [] as string[],
    fluxToken: '',
  };
  const live: Record<string, Awaited<ReturnType<typeof identity>>> = {};
  let liveHelmStorage: string[] = [];

  beforeAll(async () => {
    releaseLane = await acquireLiveLane();
    // The administrator's step: this version of examples/rbac (the applier's `delete` verbs and
    // admission policy) on the live clusters, as the scaffolder module's integration test does on
    // the seeded ones.
    const rbac = ['applier.yaml', 'applier-tokens.yaml'].flatMap(file =>
      parseAllDocuments(
        readFileSync(
          join(__dirname, '../../../../examples/rbac', file),
          'utf8',
        ),
      ).map(d => d.toJS()),
    );
    for (const client of Object.values(byRole)) {
      for (const object of rbac) {
        await client.apply(object, {
          fieldManager: 'pm-e2e-administrator',
          force: true,
        });
      }
    }
    server = await startLiveBackendWith({
      namespaces: NAMESPACES,
      entities: catalog,
    });
    // the catalog entity provider, as the catalog module runs it for target `live`
    const clusters = new DefaultPlatformMeshClustersService({
      config: readPlatformMeshConfig(
        mockServices.rootConfig({
          data: { platformMesh: livePlatformMeshConfig(NAMESPACES) },
        }),
      ),
    });
    provider = new PlatformMeshInstanceEntityProvider({
      target: clusters.getTarget('live'),
      clusters,
      logger: mockServices.logger.mock(),
      defaultOwner: 'group:default/guests',
    });
    const connection: EntityProviderConnection = {
      async applyMutation(mutation) {
        const added =
          mutation.type === 'full' ? mutation.entities : mutation.added;
        for (const { entity } of added) {
          const at = catalog.findIndex(
            (e: any) => e.metadata.name === entity.metadata.name,
          );
          if (at >= 0) catalog.splice(at, 1, entity);
          else catalog.push(entity);
        }
        // kept in this test's catalog (the second run needs it): recorded, checked below
        if (mutation.type === 'delta') {
          for (const r of mutation.removed) {
            providerRemoved.push(
              'entityRef' in r
                ? r.entityRef
                : `${r.entity.kind.toLowerCase()}:default/${
                    r.entity.metadata.name
                  }`,
            );
          }
        }
      },
      async refresh() {},
    };
    await provider.connect(connection);
  });

  afterAll(async () => {
    await provider?.stop();
    releaseLane();
  });

  it('the template creates a second instance in its own namespace; the real operator and Flux install its releases into the runtime cluster', async () => {
    // a fresh harness: the live instance exists once the lane's other file or the demo ran
    const liveInstance = await byRole.runtime.tryGet({
      ...PLATFORM_MESH,
      namespace: LIVE_NS,
      name: 'platform-mesh',
    });
    if (!liveInstance) {
      expectCompleted(
        await runTemplateTask(server, 'platform-mesh-remote', liveValues()),
      );
    }

    const started = Date.now();
    const run = await runTemplateTask(server, 'platform-mesh-remote', {
      ...liveValues(),
      namespace: NS,
    });
    expectCompleted(run);
    for (const secret of secretMaterial())
      expect(run.log).not.toContain(secret);
    const helmValues = operatorValuesFromTaskOutput(run.output)!;
    expect(helmValues).toContain('remoteRuntime:');
    // one operator per target: the same chart values serve both instances
    operatorUp(LIVE_NS, helmValues);

    const ready = await until(
      () => instanceStatus(server, NS, NAME),
      healthy,
      'the second instance reaches Ready',
    );
    // eslint-disable-next-line no-console
    console.log(
      `second instance: template to Ready in ${Date.now() - started} ms`,
    );
    for (const name of SERVICES) {
      expect(release(ready, name)).toMatchObject({
        health: 'healthy',
        chart: name,
        targetsRemoteCluster: true,
      });
      // Helm's storage and the chart's object, on the runtime cluster in the instance namespace
      const revision = release(ready, name).revision;
      const storage: any = await byRole.runtime.get({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: NS,
        name: `sh.helm.release.v1.${name}.v${revision}`,
      });
      expect(storage.type).toBe('helm.sh/release.v1');
      const cm: any = await byRole.runtime.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: NS,
        name: `${name}-stand-in`,
      });
      expect(cm.data.chart).toBe(`${name}-0.1.0`);
    }

    // what the operator and Flux wrote for it
    installed.releases = await names('infra', HELM_RELEASE, NS);
    expect(installed.releases.sort()).toEqual(SERVICES);
    for (const type of SOURCES) {
      for (const name of await names('infra', type, NS)) {
        installed.sources.push({ kind: type.kind, namespace: NS, name });
      }
    }
    expect(installed.sources.map(s => s.name).sort()).toEqual(SERVICES);
    installed.ocmResources = await names('runtime', OCM_RESOURCE, NS);
    expect(installed.ocmResources.sort()).toEqual(
      SERVICES.map(s => `${s}-chart`),
    );
    installed.helmStorage = await helmStorage(NS, SERVICES);
    expect(installed.helmStorage.length).toBeGreaterThanOrEqual(3);
    // the operator's webhook Secrets: its kcp-webhook-secret (field manager, no label) and
    // cert-manager's certificate (the stand-in writes it with cert-manager's annotations)
    for (const name of WEBHOOK_SECRETS) {
      const secret: any = await byRole.runtime.get({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: NS,
        name,
      });
      expect(secret.metadata.labels?.['app.kubernetes.io/managed-by']).toBe(
        undefined,
      );
    }
    const pm: any = await byRole.runtime.get({
      ...PLATFORM_MESH,
      namespace: NS,
      name: NAME,
    });
    // The operator's finalizer comes from its KcpSetup and ProviderSecret subroutines, which
    // are switched off here (kcp cannot run: operator-stand-in-values.yaml), so the real
    // operator writes none and the PlatformMesh goes as soon as it is deleted.
    installed.pmFinalizers = pm.metadata.finalizers ?? [];
    const flux: any = await byRole.infra.get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: NS,
      name: FLUX_SECRET,
    });
    installed.fluxToken =
      Buffer.from(flux.data.kubeconfig, 'base64')
        .toString('utf8')
        .match(/token: (\S+)/)?.[1] ?? '';
    expect(installed.fluxToken.length).toBeGreaterThan(20);

    // the live instance, healthy, as it is before the decommission
    await until(
      () => liveStatus(server),
      healthy,
      'the live instance is healthy',
    );
    live.pm = await identity('runtime', {
      ...PLATFORM_MESH,
      namespace: LIVE_NS,
      name: 'platform-mesh',
    });
    for (const name of SERVICES) {
      live[`release ${name}`] = await identity('infra', {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: LIVE_NS,
        name,
      });
    }
    for (const name of [FLUX_SECRET]) {
      live[`flux ${name}`] = await identity('infra', {
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: LIVE_NS,
        name,
      });
    }
    liveHelmStorage = await helmStorage(LIVE_NS, SERVICES);
    expect(liveHelmStorage.length).toBeGreaterThanOrEqual(3);

    // the catalog entity provider emits the instance's entity
    await eventually(
      async () =>
        catalog.some((e: any) => e.metadata.name === ENTITY_NAME)
          ? true
          : undefined,
      30_000,
    );
  });

  it('the decommission template removes the instance: Helm uninstalls its releases from the runtime cluster, the shared credentials stay, the live instance is untouched', async () => {
    // the credentials of the target, shared by both instances: kept, so unchanged
    const shared: Array<[Role, any]> = [
      ...['platform-mesh-kubeconfig', 'platform-mesh-infra-kubeconfig'].map(
        name =>
          [
            'operator',
            { apiVersion: 'v1', kind: 'Secret', namespace: LIVE_NS, name },
          ] as [Role, any],
      ),
      ...['platform-mesh-operator', 'platform-mesh-gitops'].map(
        name =>
          [
            'runtime',
            {
              apiVersion: 'v1',
              kind: 'ServiceAccount',
              namespace: LIVE_NS,
              name,
            },
          ] as [Role, any],
      ),
      [
        'infra',
        {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          namespace: LIVE_NS,
          name: 'platform-mesh-operator',
        },
      ],
    ];
    const sharedBefore = await Promise.all(
      shared.map(([role, ref]) => identity(role, ref)),
    );

    const started = Date.now();
    const run = await runTemplateTask(server, 'platform-mesh-decommission', {
      instance: ENTITY_REF,
      confirm: NAME,
      waitTimeoutSeconds: 180,
    });
    const ms = Date.now() - started;
    expectCompleted(run);
    // eslint-disable-next-line no-console
    console.log(`decommission with the real controllers: ${ms} ms`);

    // the output lists what was removed, per cluster role, in the order of the steps
    const removed = printed(run.output, 'Removed per cluster role');
    const kinds = (role: string) =>
      (removed[role] ?? []).map((o: Ref) => o.kind);
    expect(removed.operator).toBeUndefined();
    expect(removed.runtime).toEqual([
      { kind: 'PlatformMesh', namespace: NS, name: NAME },
      ...installed.ocmResources.map(name => ({
        kind: 'Resource',
        namespace: NS,
        name,
      })),
      // the operator's webhook Secrets (its own, and cert-manager's: the stand-in's here)
      ...WEBHOOK_SECRETS.map(name => ({ kind: 'Secret', namespace: NS, name })),
      { kind: 'ConfigMap', namespace: NS, name: `${NAME}-profile` },
    ]);
    expect(kinds('infra')).toEqual([
      ...installed.releases.map(() => 'HelmRelease'),
      ...installed.sources.map(s => s.kind),
      'Secret',
    ]);
    expect(removed.infra).toEqual(
      expect.arrayContaining([
        ...installed.releases.map(name => ({
          kind: 'HelmRelease',
          namespace: NS,
          name,
        })),
        ...installed.sources,
        { kind: 'Secret', namespace: NS, name: FLUX_SECRET },
      ]),
    );

    // ... and what it kept, and why: what the output says matches the clusters
    const kept = printed(run.output, 'Kept \\(and why\\)');
    expect(
      kept
        .map((k: any) => `${k.role} ${k.kind} ${k.namespace}/${k.name}`)
        .sort(),
    ).toEqual(
      shared
        .map(
          ([role, ref]) => `${role} ${ref.kind} ${ref.namespace}/${ref.name}`,
        )
        .sort(),
    );
    for (const k of kept) {
      expect(k.reason).toContain(`${LIVE_NS}/platform-mesh`);
    }
    expect(
      await Promise.all(shared.map(([role, ref]) => identity(role, ref))),
    ).toEqual(sharedBefore);

    // on the clusters: the PlatformMesh gone (no finalizer held it: see above)
    expect(installed.pmFinalizers).toEqual([]);
    expect(
      await byRole.runtime.tryGet({
        ...PLATFORM_MESH,
        namespace: NS,
        name: NAME,
      }),
    ).toBeUndefined();
    // Helm uninstalled every release from the runtime cluster: no storage Secret, no chart object
    expect(await names('infra', HELM_RELEASE, NS)).toEqual([]);
    expect(await helmStorage(NS, SERVICES)).toEqual([]);
    for (const name of SERVICES) {
      expect(
        await byRole.runtime.tryGet({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: NS,
          name: `${name}-stand-in`,
        }),
      ).toBeUndefined();
    }
    // the sources and OCM Resources gone, and still gone a moment later (the operator's Resource
    // controller writes the sources from the OCM Resources: none may come back)
    for (const wait of [0, 5000]) {
      await new Promise(resolve => setTimeout(resolve, wait));
      for (const type of SOURCES) {
        expect(await names('infra', type, NS)).toEqual([]);
      }
      expect(await names('runtime', OCM_RESOURCE, NS)).toEqual([]);
    }
    expect(
      await byRole.runtime.tryGet({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: NS,
        name: `${NAME}-profile`,
      }),
    ).toBeUndefined();
    expect(
      await byRole.infra.tryGet({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: NS,
        name: FLUX_SECRET,
      }),
    ).toBeUndefined();
    // Nothing of the instance is left in its namespace on any cluster, of any kind the clusters
    // serve (Events aside): the operator's kcp-webhook-secret and cert-manager's webhook
    // certificate went with it too
    for (const role of ['operator', 'runtime', 'infra'] as const) {
      expect({ role, left: await namespaceContents(byRole[role], NS) }).toEqual(
        {
          role,
          left: [],
        },
      );
    }
    // never a namespace
    for (const role of ['runtime', 'infra'] as const) {
      expect(
        await byRole[role].tryGet({
          apiVersion: 'v1',
          kind: 'Namespace',
          name: NS,
        }),
      ).toBeDefined();
    }

    // no credential in what the user sees
    const seen = JSON.stringify(run);
    for (const secret of [...secretMaterial(), installed.fluxToken]) {
      expect(seen).not.toContain(secret);
    }

    // the catalog entity provider drops the entity
    await eventually(
      async () => (providerRemoved.includes(ENTITY_REF) ? true : undefined),
      30_000,
    );

    // nothing of the live instance touched, and it is still healthy
    await until(
      () => liveStatus(server),
      healthy,
      'the live instance is still healthy',
      60_000,
    );
    const pmNow = await identity('runtime', {
      ...PLATFORM_MESH,
      namespace: LIVE_NS,
      name: 'platform-mesh',
    });
    // the operator may write its status: the same object, same spec, not deleted
    expect(pmNow).toMatchObject({
      uid: live.pm.uid,
      generation: live.pm.generation,
      deleting: false,
    });
    for (const name of SERVICES) {
      const now = await identity('infra', {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: LIVE_NS,
        name,
      });
      // Flux writes its status: same object, not deleted
      expect(now.uid).toBe(live[`release ${name}`].uid);
      expect(now.deleting).toBe(false);
    }
    expect(
      await identity('infra', {
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: LIVE_NS,
        name: FLUX_SECRET,
      }),
    ).toEqual(live[`flux ${FLUX_SECRET}`]);
    expect(await helmStorage(LIVE_NS, SERVICES)).toEqual(
      expect.arrayContaining(liveHelmStorage),
    );
  });

  it('a second run is a no-op that says so', async () => {
    const run = await runTemplateTask(server, 'platform-mesh-decommission', {
      instance: ENTITY_REF,
      confirm: NAME,
    });
    expectCompleted(run);
    expect(printed(run.output, 'Removed per cluster role')).toEqual({});
    expect(run.log).toContain('already decommissioned');
    for (const secret of secretMaterial())
      expect(run.log).not.toContain(secret);
  });
});
