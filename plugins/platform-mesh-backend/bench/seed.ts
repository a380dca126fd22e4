/*
 * The benchmark's objects: N Platform Mesh instances, each with M operator-created HelmReleases,
 * written with the harness's admin identity, and removed again afterwards.
 *
 * Per instance `i` (namespace `pm-bench-<i>`, instance `platform-mesh`, target `bench`):
 *   runtime: the profile ConfigMap and the PlatformMesh, its conditions written through the status
 *            subresource as the operator writes them;
 *   infra:   the Flux kubeconfig Secret, M OCIRepositories and M HelmReleases (label
 *            `core.platform-mesh.io/operator-created=true`, `spec.kubeConfig.secretRef`, `chartRef`
 *            to their OCIRepository), Ready with a release history, through the status subresource;
 * and once, on the operator cluster (namespace `pm-bench-operator`): the operator's runtime and
 * infra kubeconfig Secrets.
 *
 * Every object also carries `backstage.io/kubernetes-id: pm-bench-<i>` (how Backstage's Kubernetes
 * plugin selects an entity's objects) and `platform-mesh.io/bench: status` (how the clean-up finds
 * them). No finalizers: the local clusters have no controller that would remove them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterClient } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  DEFAULT_SECRETS,
  OPERATOR_CREATED_LABEL,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Role } from '@internal/dev-clusters/lib/testing';

export const BENCH_LABEL = 'platform-mesh.io/bench';
export const BENCH_LABEL_VALUE = 'status';
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
export const NAMESPACE_PREFIX = 'pm-bench-';
export const OPERATOR_NAMESPACE = `${NAMESPACE_PREFIX}operator`;
export const INSTANCE_NAME = 'platform-mesh';
export const TARGET = 'bench';
const FIELD_MANAGER = 'pm-bench';

export type AdminClients = Record<Role, ClusterClient>;

/** The namespace (and Kubernetes plugin id) of instance `i`. */
export function instanceNamespace(i: number): string {
  return `${NAMESPACE_PREFIX}${i}`;
}

/** The services the operator deploys, as HelmRelease names; numbered beyond the list. */
const SERVICES = [
  'cert-manager',
  'traefik',
  'kcp-operator',
  'etcd-druid',
  'openfga',
  'keycloak',
  'iam-service',
  'iam-ui',
  'portal',
  'account-operator',
  'security-operator',
  'extension-manager-operator',
  'rebac-authz-webhook',
  'kubernetes-graphql-gateway',
  'virtual-workspaces',
  'infra',
  'crossplane',
  'gateway-api',
  'marketplace-ui',
  'observability',
];

export function releaseNames(m: number): string[] {
  return Array.from({ length: m }, (_, k) =>
    k < SERVICES.length
      ? SERVICES[k]
      : `${SERVICES[k % SERVICES.length]}-${Math.floor(k / SERVICES.length)}`,
  );
}

/** The kind references of everything the benchmark writes, in deletion order. */
export const BENCH_KINDS: Array<{
  role: Role;
  group: string;
  version: string;
  plural: string;
}> = [
  {
    role: 'infra',
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    plural: 'helmreleases',
  },
  {
    role: 'infra',
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    plural: 'ocirepositories',
  },
  { role: 'infra', group: '', version: 'v1', plural: 'secrets' },
  {
    role: 'runtime',
    group: 'core.platform-mesh.io',
    version: 'v1alpha1',
    plural: 'platformmeshes',
  },
  { role: 'runtime', group: '', version: 'v1', plural: 'configmaps' },
  { role: 'operator', group: '', version: 'v1', plural: 'secrets' },
];

function sharedFile(name: string, runtimeUrl: string): string {
  const dir = path.dirname(
    require.resolve('@internal/dev-clusters/package.json'),
  );
  return fs
    .readFileSync(path.join(dir, 'scenarios', '_shared', name), 'utf8')
    .replace(/\$\{RUNTIME_URL\}/g, runtimeUrl);
}

function labels(i: number, extra: Record<string, string> = {}) {
  return {
    [BENCH_LABEL]: BENCH_LABEL_VALUE,
    [KUBERNETES_ID_LABEL]: instanceNamespace(i),
    ...extra,
  };
}

function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

const HOUR = 3_600_000;

function condition(
  type: string,
  status: string,
  reason: string,
  message: string,
  generation: number,
  since = HOUR,
) {
  return {
    type,
    status,
    reason,
    message,
    lastTransitionTime: ago(since),
    observedGeneration: generation,
  };
}

/** A fake but well-formed sha256 digest derived from a string. */
function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** Limits concurrent calls of `fn` to `limit`; rejects with the first failure. */
export async function mapLimit<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, () =>
    (async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    })(),
  );
  await Promise.all(workers);
}

async function patchStatus(
  client: ClusterClient,
  group: string,
  version: string,
  plural: string,
  namespace: string,
  name: string,
  status: object,
) {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  await client.requestJson({
    method: 'PATCH',
    path: `${base}/namespaces/${namespace}/${plural}/${name}/status`,
    contentType: 'application/merge-patch+json',
    body: { status },
  });
}

async function apply(client: ClusterClient, object: any): Promise<any> {
  return client.apply(object, { fieldManager: FIELD_MANAGER, force: true });
}

export interface SeedOptions {
  instances: number;
  releases: number;
  concurrency: number;
  runtimeUrl: string;
  infraUrl: string;
}

/** Writes every benchmark object (idempotent: server-side apply). Returns the number of writes. */
export async function seedBench(
  admin: AdminClients,
  options: SeedOptions,
): Promise<number> {
  const { instances, releases, concurrency } = options;
  let writes = 0;
  const count = async <T>(p: Promise<T>): Promise<T> => {
    const result = await p;
    writes += 1;
    return result;
  };
  const runtimeKubeconfig = sharedFile(
    'kubeconfig-runtime.yaml',
    options.runtimeUrl,
  );
  const infraKubeconfig = sharedFile(
    'kubeconfig-infra.yaml',
    options.infraUrl,
  ).replace(/\$\{INFRA_URL\}/g, options.infraUrl);
  const profile = sharedFile('profile-remote-fluxcd.yaml', options.runtimeUrl);

  // namespaces (kept afterwards: nothing finalizes a deleted namespace here)
  const namespaces: Array<[Role, string]> = [['operator', OPERATOR_NAMESPACE]];
  for (let i = 0; i < instances; i++) {
    namespaces.push(['runtime', instanceNamespace(i)]);
    namespaces.push(['infra', instanceNamespace(i)]);
  }
  await mapLimit(namespaces, concurrency, ([role, name]) =>
    count(
      apply(admin[role], {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      }),
    ),
  );

  // the operator's Secrets (shared by every instance of the target)
  for (const [name, kubeconfig] of [
    [DEFAULT_SECRETS.operatorRuntimeKubeconfig.name, runtimeKubeconfig],
    [DEFAULT_SECRETS.operatorInfraKubeconfig.name, infraKubeconfig],
  ]) {
    await count(
      apply(admin.operator, {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: {
          name,
          namespace: OPERATOR_NAMESPACE,
          labels: { [BENCH_LABEL]: BENCH_LABEL_VALUE },
        },
        data: { kubeconfig: Buffer.from(kubeconfig).toString('base64') },
      } as any),
    );
  }

  const names = releaseNames(releases);
  const tasks: Array<() => Promise<void>> = [];
  for (let i = 0; i < instances; i++) {
    const ns = instanceNamespace(i);
    tasks.push(async () => {
      await count(
        apply(admin.runtime, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: `${INSTANCE_NAME}-profile`,
            namespace: ns,
            labels: labels(i),
          },
          data: { 'profile.yaml': profile },
        } as any),
      );
      const pm = await count(apply(admin.runtime, platformMesh(i, ns)));
      const g = pm.metadata.generation ?? 1;
      await count(
        patchStatus(
          admin.runtime,
          'core.platform-mesh.io',
          'v1alpha1',
          'platformmeshes',
          ns,
          INSTANCE_NAME,
          {
            observedGeneration: g,
            conditions: [
              condition('DeploymentSubroutine', 'True', 'Complete', '', g),
              condition('KcpsetupSubroutine', 'True', 'Complete', '', g),
              condition('ProvidersecretSubroutine', 'True', 'Complete', '', g),
              condition('FeatureToggleSubroutine', 'True', 'Complete', '', g),
              condition('WaitSubroutine', 'True', 'Complete', '', g),
              condition(
                'Ready',
                'True',
                'Complete',
                'all subroutines completed successfully',
                g,
              ),
            ],
            kcpWorkspaces: [
              { name: 'root:platform-mesh-system', phase: 'Ready' },
              { name: 'root:orgs', phase: 'Ready' },
            ],
          },
        ),
      );
    });
    tasks.push(() =>
      count(
        apply(admin.infra, {
          apiVersion: 'v1',
          kind: 'Secret',
          type: 'Opaque',
          metadata: {
            name: DEFAULT_SECRETS.fluxRuntimeKubeconfig.name,
            namespace: ns,
            labels: labels(i),
          },
          data: {
            [DEFAULT_SECRETS.fluxRuntimeKubeconfig.key]:
              Buffer.from(runtimeKubeconfig).toString('base64'),
          },
        } as any),
      ),
    );
    names.forEach((name, k) => {
      tasks.push(async () => {
        const version = `1.${k}.${i % 10}`;
        const chartDigest = digest(`${ns}/${name}/${version}`);
        const oci = await count(
          apply(admin.infra, ociRepository(i, ns, name, version)),
        );
        await count(
          patchStatus(
            admin.infra,
            'source.toolkit.fluxcd.io',
            'v1',
            'ocirepositories',
            ns,
            name,
            ociStatus(ns, name, version, chartDigest, oci.metadata.generation),
          ),
        );
        const hr = await count(apply(admin.infra, helmRelease(i, ns, name)));
        await count(
          patchStatus(
            admin.infra,
            'helm.toolkit.fluxcd.io',
            'v2',
            'helmreleases',
            ns,
            name,
            helmReleaseStatus(
              ns,
              name,
              version,
              chartDigest,
              hr.metadata.generation,
            ),
          ),
        );
      });
    });
  }
  await mapLimit(tasks, concurrency, task => task());
  return writes;
}

function platformMesh(i: number, ns: string) {
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: { name: INSTANCE_NAME, namespace: ns, labels: labels(i) },
    spec: {
      exposure: {
        baseDomain: `${ns}.portal.localhost`,
        port: 8443,
        protocol: 'https',
      },
      ocm: {
        repo: { name: 'platform-mesh' },
        component: { name: 'platform-mesh' },
        referencePath: [],
      },
      kcp: {},
      featureToggles: [
        { name: 'feature-enable-getting-started' },
        { name: 'feature-accounts-in-accounts' },
      ],
      wait: {
        resourceTypes: [
          {
            group: 'helm.toolkit.fluxcd.io',
            version: 'v2',
            kind: 'HelmRelease',
            namespace: ns,
            matchExpressions: [
              {
                key: OPERATOR_CREATED_LABEL,
                operator: 'In',
                values: ['true'],
              },
            ],
            conditionType: 'Ready',
            conditionStatus: 'True',
          },
        ],
      },
    },
  };
}

function ociRepository(i: number, ns: string, name: string, version: string) {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name, namespace: ns, labels: labels(i) },
    spec: {
      url: `oci://registry.example.com/platform-mesh/charts/${name}`,
      ref: { tag: version },
      provider: 'generic',
      interval: '1m0s',
      layerSelector: {
        mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
        operation: 'copy',
      },
    },
  };
}

function ociStatus(
  ns: string,
  name: string,
  version: string,
  chartDigest: string,
  generation = 1,
) {
  const message = `stored artifact for digest '${version}@sha256:${chartDigest}'`;
  const artifactPath = `ocirepository/${ns}/${name}/${chartDigest}.tar.gz`;
  return {
    observedGeneration: generation,
    conditions: [
      condition('Ready', 'True', 'Succeeded', message, generation, 2 * HOUR),
      condition(
        'ArtifactInStorage',
        'True',
        'Succeeded',
        message,
        generation,
        2 * HOUR,
      ),
    ],
    artifact: {
      digest: `sha256:${digest(artifactPath)}`,
      lastUpdateTime: ago(2 * HOUR),
      path: artifactPath,
      revision: `${version}@sha256:${chartDigest}`,
      size: 50_000 + name.length * 1_000,
      url: `http://source-controller.flux-system.svc.cluster.local./${artifactPath}`,
    },
    url: `http://source-controller.flux-system.svc.cluster.local./ocirepository/${ns}/${name}/latest.tar.gz`,
  };
}

function helmRelease(i: number, ns: string, name: string) {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name,
      namespace: ns,
      labels: labels(i, { [OPERATOR_CREATED_LABEL]: 'true' }),
    },
    spec: {
      releaseName: name,
      interval: '1m',
      timeout: '15m',
      install: { createNamespace: true, remediation: { retries: -1 } },
      upgrade: { remediation: { retries: 3 } },
      targetNamespace: 'default',
      kubeConfig: {
        secretRef: {
          name: DEFAULT_SECRETS.fluxRuntimeKubeconfig.name,
          key: DEFAULT_SECRETS.fluxRuntimeKubeconfig.key,
        },
      },
      values: { replicaCount: 1, fullnameOverride: name },
      chartRef: { kind: 'OCIRepository', name, namespace: ns },
    },
  };
}

/** A Ready HelmRelease status, as helm-controller writes it after an install. */
export function helmReleaseStatus(
  ns: string,
  name: string,
  version: string,
  chartDigest: string,
  generation = 1,
) {
  const chartVersion = `${version}+${chartDigest.slice(0, 12)}`;
  const message = `Helm install succeeded for release default/${name}.v1 with chart ${name}@${chartVersion}`;
  const configDigest = `sha256:${digest(`${ns}/${name}/values`)}`;
  return {
    observedGeneration: generation,
    lastAttemptedGeneration: generation,
    storageNamespace: ns,
    lastAttemptedRevision: version,
    lastAttemptedConfigDigest: configDigest,
    lastAttemptedRevisionDigest: `sha256:${chartDigest}`,
    lastAttemptedReleaseAction: 'install',
    history: [
      {
        name,
        namespace: 'default',
        version: 1,
        status: 'deployed',
        chartName: name,
        chartVersion,
        appVersion: version,
        configDigest,
        digest: `sha256:${digest(`${ns}/${name}/manifest`)}`,
        firstDeployed: ago(72 * HOUR),
        lastDeployed: ago(2 * HOUR),
        ociDigest: `sha256:${chartDigest}`,
      },
    ],
    conditions: [
      condition(
        'Ready',
        'True',
        'InstallSucceeded',
        message,
        generation,
        2 * HOUR,
      ),
      condition(
        'Released',
        'True',
        'InstallSucceeded',
        message,
        generation,
        2 * HOUR,
      ),
    ],
  };
}

/**
 * Writes the Ready condition of one HelmRelease (through the status subresource, replacing the
 * conditions), as helm-controller does after a failed upgrade or a recovery.
 */
export async function setReleaseReady(
  admin: AdminClients,
  ns: string,
  name: string,
  ready: boolean,
  message: string,
): Promise<void> {
  const reason = ready ? 'UpgradeSucceeded' : 'UpgradeFailed';
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const conditions = [
    {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      reason,
      message,
      lastTransitionTime: now,
      observedGeneration: 1,
    },
    {
      type: 'Released',
      status: ready ? 'True' : 'False',
      reason,
      message,
      lastTransitionTime: now,
      observedGeneration: 1,
    },
  ];
  await patchStatus(
    admin.infra,
    'helm.toolkit.fluxcd.io',
    'v2',
    'helmreleases',
    ns,
    name,
    { conditions },
  );
}

/**
 * Deletes every object the benchmark wrote (found by its label, in any `pm-bench-*` namespace, so
 * left-overs of an interrupted run go too). Namespaces stay. Returns the number of objects deleted.
 */
export async function cleanBench(
  admin: AdminClients,
  concurrency: number,
): Promise<number> {
  let deleted = 0;
  const selector = `${BENCH_LABEL}=${BENCH_LABEL_VALUE}`;
  for (const kind of BENCH_KINDS) {
    const client = admin[kind.role];
    const base = kind.group
      ? `/apis/${kind.group}/${kind.version}`
      : `/api/${kind.version}`;
    // page by page: at 1,000 instances one list of HelmReleases is larger than the client's cap
    const items: Array<{ metadata: { namespace: string } }> = [];
    let token: string | undefined;
    do {
      const page = await client.requestJson<{
        items: Array<{ metadata: { namespace: string } }>;
        metadata?: { continue?: string };
      }>({
        path: `${base}/${kind.plural}`,
        query: { labelSelector: selector, limit: '500', continue: token },
      });
      items.push(...page.items);
      token = page.metadata?.continue || undefined;
    } while (token);
    const list = { items };
    const namespaces = [
      ...new Set(
        list.items
          .map(o => o.metadata.namespace)
          .filter(ns => ns.startsWith(NAMESPACE_PREFIX)),
      ),
    ];
    await mapLimit(namespaces, concurrency, async ns => {
      await client.requestJson({
        method: 'DELETE',
        path: `${base}/namespaces/${ns}/${kind.plural}`,
        query: { labelSelector: selector },
      });
    });
    deleted += list.items.filter(o =>
      o.metadata.namespace.startsWith(NAMESPACE_PREFIX),
    ).length;
  }
  return deleted;
}
