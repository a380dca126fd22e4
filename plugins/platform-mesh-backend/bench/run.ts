/*
 * `yarn bench:status`: the Platform Mesh status endpoint against Backstage's own Kubernetes plugin,
 * in one backend, on the local API servers (packages/dev-clusters). Prints the figures side by
 * side and writes them to bench/results.md. See the plugin README, section "Benchmark".
 *
 * Flags: --instances N (20) --releases M (30) --duration S (10, per run) --concurrency 1,10,50
 *        --scale 10,100,1000 (run the whole benchmark at each instance count, in one run)
 *        --change-reps R (5) --trickle C (changes per second during the change test, 5)
 *        --k8s-sample K (instances the Kubernetes backend must answer before its runs, 20)
 *        --write-concurrency W (16) --no-memory-split --keep (leave the objects) --no-write
 *        --smoke (2 instances x 2 releases, 1 s, 1 client, no results.md: proves that the benchmark
 *        still runs and prints every figure; the test command runs it)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  clusterEntry,
  devClusters,
  type DevCluster,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { adminClients } from './adminClients';
import {
  clustersCpuMs,
  requestDelta,
  scrapeAll,
  serverVersion,
} from './apiservers';
import type { MemoryFigures, PluginSet } from './backend';
import { BackendProcess } from './backendProcess';
import { FLOOR_PLUGIN_ID } from './floorPlugin';
import { statusComputeCost } from './compute';
import {
  median,
  runLoad,
  send,
  type BenchRequest,
  type LoadResult,
} from './load';
import {
  INSTANCE_NAME,
  OPERATOR_NAMESPACE,
  TARGET,
  cleanBench,
  instanceNamespace,
  releaseNames,
  seedBench,
  setReleaseReady,
} from './seed';
import {
  renderReport,
  renderScaleSummary,
  type Results,
  type EndpointRun,
} from './report';

// ---------------------------------------------------------------- flags

function parseArgs(argv: string[]) {
  const options = {
    instances: 20,
    releases: 30,
    duration: 10,
    concurrency: [1, 10, 50],
    changeReps: 5,
    writeConcurrency: 16,
    memorySplit: true,
    keep: false,
    write: true,
    smoke: false,
    scales: [] as number[],
    trickle: 5,
    trickleSamples: 20,
    k8sSample: 20,
  };
  const args = [...argv];
  const value = (flag: string) => {
    const v = args.shift();
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const positive = (flag: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${flag} must be a positive integer`);
    return n;
  };
  while (args.length) {
    const arg = args.shift()!;
    const [flag, inline] = arg.split('=', 2);
    if (inline !== undefined) args.unshift(inline);
    switch (flag) {
      case '--instances':
        options.instances = positive(flag, value(flag));
        break;
      case '--releases':
        options.releases = positive(flag, value(flag));
        break;
      case '--duration':
        options.duration = positive(flag, value(flag));
        break;
      case '--concurrency':
        options.concurrency = value(flag)
          .split(',')
          .map(v => positive(flag, v));
        break;
      case '--scale':
        options.scales = value(flag)
          .split(',')
          .map(v => positive(flag, v))
          .sort((a, b) => a - b);
        break;
      case '--trickle':
        options.trickle = positive(flag, value(flag));
        break;
      case '--k8s-sample':
        options.k8sSample = positive(flag, value(flag));
        break;
      case '--change-reps':
        options.changeReps = positive(flag, value(flag));
        break;
      case '--write-concurrency':
        options.writeConcurrency = positive(flag, value(flag));
        break;
      case '--no-memory-split':
        options.memorySplit = false;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--smoke':
        Object.assign(options, {
          instances: 2,
          releases: 2,
          duration: 1,
          concurrency: [1],
          changeReps: 1,
          trickle: 2,
          trickleSamples: 2,
          memorySplit: false,
          write: false,
          smoke: true,
        });
        break;
      case '--help':
        process.stdout.write(
          `${fs
            .readFileSync(__filename, 'utf8')
            .split('\n')
            .slice(1, 8)
            .map(l => l.replace(/^ \* ?/, ''))
            .join('\n')}\n`,
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown flag ${arg} (see --help)`);
    }
  }
  if (!options.scales.length) options.scales = [options.instances];
  return options;
}

type Options = ReturnType<typeof parseArgs>;

// ---------------------------------------------------------------- helpers

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The Backstage config of the benchmark backend. Clusters are configured once, for both plugins. */
function backendConfig(
  dev: Record<Role, DevCluster>,
  token: string,
  port: number,
) {
  const cluster = (name: string, role: Role) => ({
    ...clusterEntry(name, role, 'backstage'),
    skipMetricsLookup: true,
  });
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'pm-bench' } },
        ],
      },
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            cluster('pm-operator', 'operator'),
            cluster('pm-runtime', 'runtime'),
            cluster('pm-infra', 'infra'),
          ],
        },
      ],
      // the built-in kinds our answer covers (the profile ConfigMap, the Flux kubeconfig Secret)
      objectTypes: ['configmaps', 'secrets'],
      customResources: [
        {
          group: 'core.platform-mesh.io',
          apiVersion: 'v1alpha1',
          plural: 'platformmeshes',
        },
        {
          group: 'helm.toolkit.fluxcd.io',
          apiVersion: 'v2',
          plural: 'helmreleases',
        },
        {
          group: 'source.toolkit.fluxcd.io',
          apiVersion: 'v1',
          plural: 'ocirepositories',
        },
      ],
    },
    // no platformMesh.clusters: the plugin reads kubernetes.clusterLocatorMethods (type: config)
    platformMesh: {
      targets: [
        {
          name: TARGET,
          operatorCluster: 'pm-operator',
          runtimeCluster: 'pm-runtime',
          infraCluster: 'pm-infra',
          deploymentTechnology: 'fluxcd',
          namespace: instanceNamespace(0),
          namespaces: [`${instanceNamespace(0).replace(/0$/, '')}*`],
          operatorNamespace: OPERATOR_NAMESPACE,
          runtimeServerUrl: dev.runtime.url,
        },
      ],
    },
  };
}

/** One catalog Component per instance, annotated for both plugins. */
function entities(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: instanceNamespace(i),
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': instanceNamespace(i),
        'backstage.io/kubernetes-namespace': instanceNamespace(i),
        [PLATFORM_MESH_INSTANCE_ANNOTATION]: `${TARGET}/${instanceNamespace(
          i,
        )}/${INSTANCE_NAME}`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform-team' },
  }));
}

// ---------------------------------------------------------------- the two endpoints

interface Endpoint {
  name: 'ours' | 'k8s' | 'floor';
  request(i: number): BenchRequest;
  /** Whether an answer reports a cluster or resource error (a cheap check on the raw bytes). */
  partial(raw: Buffer): boolean;
  /** Objects in an answer (for the sanity check). */
  objects(body: any): number;
  /** Whether the answer is complete (every HelmRelease there, every watch listed). */
  complete(body: any, releases: number): boolean;
  /** The Ready message of a HelmRelease in the answer. */
  readyMessage(body: any, namespace: string, name: string): string | undefined;
}

function endpoints(
  token: string,
  all: Entity[],
): Record<'ours' | 'k8s' | 'floor', Endpoint> {
  const headers = { authorization: `Bearer ${token}` };
  const k8sResources = (body: any): any[] =>
    (body?.items ?? []).flatMap((cluster: any) =>
      (cluster.resources ?? []).flatMap((r: any) => r.resources ?? []),
    );
  return {
    ours: {
      name: 'ours',
      request: i => ({
        method: 'GET',
        path: `/api/platform-mesh/instances/${TARGET}/${instanceNamespace(
          i % all.length,
        )}/${INSTANCE_NAME}/status`,
        headers,
      }),
      partial: raw => raw.includes('"reachable":false'),
      objects: body =>
        1 +
        (body.releases?.length ?? 0) +
        (body.sources?.length ?? 0) +
        (body.secrets?.length ?? 0),
      complete: (body, releases) =>
        (['operator', 'runtime', 'infra'] as const).every(
          role => body.clusters?.[role]?.reachable,
        ) &&
        !JSON.stringify(body.clusters).includes('waiting for the first list') &&
        body.releases?.filter((r: any) => r.kind === 'HelmRelease').length ===
          releases,
      readyMessage: (body, namespace, name) =>
        body.releases?.find(
          (r: any) => r.namespace === namespace && r.name === name,
        )?.message,
    },
    floor: {
      name: 'floor',
      request: i => ({
        method: 'GET',
        path: `/api/${FLOOR_PLUGIN_ID}/instances/${TARGET}/${instanceNamespace(
          i % all.length,
        )}/${INSTANCE_NAME}/status`,
        headers,
      }),
      partial: () => false,
      objects: () => 0,
      complete: body => body?.decision === 'ALLOW',
      readyMessage: () => undefined,
    },
    k8s: {
      name: 'k8s',
      request: i => {
        const entity = all[i % all.length];
        return {
          method: 'POST',
          path: `/api/kubernetes/services/${entity.metadata.name}`,
          headers,
          body: JSON.stringify({ entity }),
        };
      },
      // per-cluster errors (e.g. 429 from an overloaded API server) come back inside a 200
      partial: raw => raw.includes('"errorType"'),
      objects: body => k8sResources(body).length,
      complete: (body, releases) =>
        k8sResources(body).filter((o: any) => o.kind === 'HelmRelease')
          .length === releases,
      readyMessage: (body, namespace, name) =>
        k8sResources(body)
          .find(
            (o: any) =>
              o.kind === 'HelmRelease' &&
              o.metadata?.namespace === namespace &&
              o.metadata?.name === name,
          )
          ?.status?.conditions?.find((c: any) => c.type === 'Ready')?.message,
    },
  };
}

async function ask(port: number, agent: http.Agent, request: BenchRequest) {
  const res = await send(port, agent, request);
  if (res.status !== 200) {
    throw new Error(
      `${request.method} ${request.path}: HTTP ${res.status} ${res.body
        .toString()
        .slice(0, 300)}`,
    );
  }
  return JSON.parse(res.body.toString());
}

/** Polls every instance until `endpoint` answers completely; returns the ms it took. */
async function waitComplete(
  backend: BackendProcess,
  endpoint: Endpoint,
  options: Options,
  timeoutMs = 180_000,
  count = options.instances,
): Promise<number> {
  const started = now();
  const agent = new http.Agent({ keepAlive: true });
  try {
    let pending = Array.from({ length: count }, (_, i) => i);
    let last: unknown;
    while (pending.length) {
      const still: number[] = [];
      for (const i of pending) {
        try {
          const body = await ask(backend.port, agent, endpoint.request(i));
          if (!endpoint.complete(body, options.releases)) still.push(i);
        } catch (error) {
          last = error;
          still.push(i);
        }
      }
      pending = still;
      if (!pending.length) break;
      if (now() - started > timeoutMs) {
        throw new Error(
          `${endpoint.name}: ${pending.length} instance(s) not complete after ${
            timeoutMs / 1000
          } s${last ? `: ${last}` : ''}`,
        );
      }
      await sleep(50);
    }
    return now() - started;
  } finally {
    agent.destroy();
  }
}

/** One measured run of one endpoint at one concurrency. */
async function measure(
  backend: BackendProcess,
  endpoint: Endpoint,
  concurrency: number,
  options: Options,
  dev: Record<Role, DevCluster>,
): Promise<EndpointRun> {
  const countersBefore = await backend.counters();
  const clustersCpuBefore = clustersCpuMs();
  const scrapeBefore = await scrapeAll(dev);
  const load: LoadResult = await runLoad({
    port: backend.port,
    concurrency,
    durationMs: options.duration * 1000,
    next: i => endpoint.request(i),
    partial: raw => endpoint.partial(raw),
  });
  const scrapeAfter = await scrapeAll(dev);
  const clustersCpuAfter = clustersCpuMs();
  const countersAfter = await backend.counters();
  const apiservers = requestDelta(scrapeBefore, scrapeAfter);
  const sent = (['operator', 'runtime', 'infra'] as const).reduce(
    (sum, role) => {
      const host = new URL(dev[role].url).host;
      return (
        sum +
        (countersAfter.requests[host] ?? 0) -
        (countersBefore.requests[host] ?? 0)
      );
    },
    0,
  );
  const served = load.requests + load.errors;
  return {
    load,
    apiserverRequests: apiservers.total,
    apiserverTop: apiservers.top,
    backendRequests: sent,
    backendCpuMsPerRequest:
      served > 0
        ? (countersAfter.cpuMicros - countersBefore.cpuMicros) / 1000 / served
        : NaN,
    clustersCpuMs:
      clustersCpuBefore !== undefined && clustersCpuAfter !== undefined
        ? clustersCpuAfter - clustersCpuBefore
        : undefined,
  };
}

/**
 * Time from the API server acknowledging a change of one HelmRelease (Ready -> False) until the
 * endpoint's answer shows it, polling with one client (5 ms between answers). The change is undone
 * afterwards and the endpoint is polled until it shows that too.
 */
async function changeToAnswer(
  backend: BackendProcess,
  endpoint: Endpoint,
  admin: ReturnType<typeof adminClients>,
  rep: number,
): Promise<number> {
  const namespace = instanceNamespace(0);
  const name = releaseNames(1)[0];
  const agent = new http.Agent({ keepAlive: true });
  const request = endpoint.request(0);
  const waitFor = async (text: string, since: number) => {
    for (;;) {
      const body = await ask(backend.port, agent, request);
      if (endpoint.readyMessage(body, namespace, name)?.includes(text)) {
        return now();
      }
      if (now() - since > 60_000) {
        throw new Error(
          `${endpoint.name}: the change did not show within 60 s`,
        );
      }
      await sleep(5);
    }
  };
  try {
    const marker = `pm-bench change ${endpoint.name} #${rep} ${Date.now()}`;
    await setReleaseReady(
      admin,
      namespace,
      name,
      false,
      `upgrade failed (${marker})`,
    );
    const acknowledged = now();
    const seen = await waitFor(marker, acknowledged);
    const restored = `restored ${marker}`;
    await setReleaseReady(admin, namespace, name, true, restored);
    await waitFor(restored, now());
    return seen - acknowledged;
  } finally {
    agent.destroy();
  }
}

/**
 * Change to answer while other instances change too: a background writer flips the Ready message
 * of a random HelmRelease of another instance `options.trickle` times a second (what a fleet of
 * live instances does to the cache), and `options.trickleSamples` changes of instance 0 are timed
 * as in {@link changeToAnswer}. Returns the samples (ms) and the writes the trickle made.
 */
async function changeUnderTrickle(
  backend: BackendProcess,
  endpoint: Endpoint,
  admin: ReturnType<typeof adminClients>,
  options: Options,
): Promise<{ samples: number[]; writes: number }> {
  let stop = false;
  let writes = 0;
  const names = releaseNames(options.releases);
  const others = Math.max(1, options.instances - 1);
  const writer = (async () => {
    let n = 0;
    while (!stop) {
      const started = now();
      const instance = 1 + (n % others);
      const name = names[(n * 7) % names.length];
      n += 1;
      if (options.instances > 1) {
        const wrote = await setReleaseReady(
          admin,
          instanceNamespace(instance),
          name,
          true,
          `trickle #${n}`,
        ).then(
          () => true,
          () => false,
        );
        if (wrote) writes += 1;
      }
      await sleep(Math.max(0, 1000 / options.trickle - (now() - started)));
    }
  })();
  try {
    const samples: number[] = [];
    for (let rep = 0; rep < options.trickleSamples; rep++) {
      samples.push(await changeToAnswer(backend, endpoint, admin, 1000 + rep));
    }
    return { samples, writes };
  } finally {
    stop = true;
    await writer;
  }
}

/**
 * What `GET /targets/:target/instances` costs next to one status answer: the list right after one
 * instance changed (the list memoized before) and memoized (median of 20), and the
 * median of 20 memoized status answers, one client.
 */
async function instanceListCost(
  backend: BackendProcess,
  token: string,
  admin: ReturnType<typeof adminClients>,
  options: Options,
): Promise<{
  afterChangeMs: number;
  memoizedMs: number;
  statusMs: number;
  items: number;
}> {
  const agent = new http.Agent({ keepAlive: true });
  const headers = { authorization: `Bearer ${token}` };
  const list: BenchRequest = {
    method: 'GET',
    path: `/api/platform-mesh/targets/${TARGET}/instances`,
    headers,
  };
  const status: BenchRequest = {
    method: 'GET',
    path: `/api/platform-mesh/instances/${TARGET}/${instanceNamespace(
      0,
    )}/${INSTANCE_NAME}/status`,
    headers,
  };
  const timed = async (request: BenchRequest) => {
    const res = await send(backend.port, agent, request);
    if (res.status !== 200) {
      throw new Error(`${request.path}: HTTP ${res.status}`);
    }
    return res;
  };
  try {
    // the list memoized first (earlier runs changed many instances): then ONE instance changes,
    // and the list after it costs what recomputing that one summary costs
    await timed(list);
    await timed(list);
    await setReleaseReady(
      admin,
      instanceNamespace(options.instances - 1),
      releaseNames(1)[0],
      true,
      `list cost ${Date.now()}`,
    );
    await sleep(300); // the watch event reaches the cache
    const first = await timed(list);
    const items = JSON.parse(first.body.toString()).items?.length ?? 0;
    const memo: number[] = [];
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) memo.push((await timed(list)).ms);
    for (let i = 0; i < 20; i++) answers.push((await timed(status)).ms);
    return {
      afterChangeMs: first.ms,
      memoizedMs: median(memo),
      statusMs: median(answers),
      items,
    };
  } finally {
    agent.destroy();
  }
}

/** Warms a backend up with `seconds` of load at 10 clients on each endpoint it serves. */
async function warmUp(
  backend: BackendProcess,
  eps: Endpoint[],
  seconds: number,
) {
  for (const endpoint of eps) {
    await runLoad({
      port: backend.port,
      concurrency: 10,
      durationMs: seconds * 1000,
      next: i => endpoint.request(i),
    });
  }
}

/** Starts a backend with only one plugin, warms it up the same way, and reads its memory. */
async function memoryOf(
  plugins: PluginSet,
  endpoint: Endpoint,
  start: (plugins: PluginSet) => Promise<BackendProcess>,
  options: Options,
): Promise<MemoryFigures> {
  const backend = await start(plugins);
  try {
    await waitComplete(backend, endpoint, options);
    await warmUp(backend, [endpoint], 3);
    return await backend.memory();
  } finally {
    await backend.stop();
  }
}

// ---------------------------------------------------------------- main

interface Context {
  options: Options;
  dev: Record<Role, DevCluster>;
  admin: ReturnType<typeof adminClients>;
  token: string;
  backends: BackendProcess[];
  command: string;
}

/** Seeds `instances` instances and measures everything at that scale. */
async function runScale(ctx: Context, instances: number): Promise<Results> {
  const { dev, admin, token } = ctx;
  const options: Options = { ...ctx.options, instances };
  const all = entities(instances);
  const eps = endpoints(token, all);
  const k8sSample = Math.min(instances, options.k8sSample);
  const start = async (plugins: PluginSet) => {
    const backend = await BackendProcess.start({
      plugins,
      config: port => backendConfig(dev, token, port),
      entities: all,
    });
    ctx.backends.push(backend);
    return backend;
  };
  const results: Partial<Results> = {
    command: ctx.command,
    options: {
      instances,
      releases: options.releases,
      durationS: options.duration,
      concurrency: options.concurrency,
      changeReps: options.changeReps,
    },
    facts: {
      date: new Date().toISOString().slice(0, 10),
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg()[0],
      kubeApiserver: await serverVersion(dev.infra),
      kubernetesBackend:
        require('@backstage/plugin-kubernetes-backend/package.json').version,
      backendDefaults: require('@backstage/backend-defaults/package.json')
        .version,
    },
  };

  log(
    `\n=== ${instances} instances x ${options.releases} HelmReleases, ` +
      `${options.duration} s per run at ${options.concurrency.join(
        ', ',
      )} clients (${
        results.facts!.cores
      } cores, load ${results.facts!.loadAverage.toFixed(1)})`,
  );
  let t = now();
  const writes = await seedBench(admin, {
    instances,
    releases: options.releases,
    concurrency: options.writeConcurrency,
    runtimeUrl: dev.runtime.url,
    infraUrl: dev.infra.url,
  });
  results.seed = { writes, ms: now() - t };
  log(`seeded: ${writes} writes in ${(results.seed.ms / 1000).toFixed(1)} s`);

  t = now();
  const backend = await start('both');
  const startedMs = now() - t;
  const oursCompleteMs = await waitComplete(
    backend,
    eps.ours,
    options,
    Math.max(180_000, instances * 300),
  );
  // the Kubernetes plugin has not sent anything yet: these are the cache's lists and watches
  const filled = await backend.counters();
  const clusterHosts = (['operator', 'runtime', 'infra'] as const).map(
    role => [role, new URL(dev[role].url).host] as const,
  );
  const sum = (counts: Record<string, number>) =>
    clusterHosts.reduce((acc, [, host]) => acc + (counts[host] ?? 0), 0);
  const k8sCompleteMs = await waitComplete(
    backend,
    eps.k8s,
    options,
    600_000,
    k8sSample,
  );
  results.startup = {
    startedMs,
    oursCompleteMs,
    k8sCompleteMs,
    k8sSample,
    oursFillRequests: sum(filled.requests),
    oursWatches: sum(filled.watches),
    watchesByCluster: Object.fromEntries(
      clusterHosts.map(([role, host]) => [role, filled.watches[host] ?? 0]),
    ),
  };
  log(
    `backend (both plugins and the floor) serving after ${(
      startedMs / 1000
    ).toFixed(
      1,
    )} s; platform-mesh answered all ${instances} instances completely ${(
      oursCompleteMs / 1000
    ).toFixed(2)} s later (cache filled; watches opened: ${clusterHosts
      .map(([role, host]) => `${role} ${filled.watches[host] ?? 0}`)
      .join(', ')})`,
  );
  await waitComplete(backend, eps.floor, options, 30_000, 1);

  // what each answer holds, for instance 0
  {
    const agent = new http.Agent({ keepAlive: true });
    const ours = await ask(backend.port, agent, eps.ours.request(0));
    const k8s = await ask(backend.port, agent, eps.k8s.request(0));
    agent.destroy();
    const health = (ours.releases as any[]).reduce(
      (acc: Record<string, number>, r: any) => {
        acc[r.health] = (acc[r.health] ?? 0) + 1;
        return acc;
      },
      {},
    );
    results.answers = {
      ours: `overall ${ours.instance.overall}; ${
        ours.conditions.length
      } conditions, ${ours.releases.length} releases (${Object.entries(health)
        .map(([h, n]) => `${n} ${h}`)
        .join(', ')}), ${ours.sources.length} sources, ${
        ours.secrets.length
      } secrets, ${ours.diagnostics.length} diagnostics`,
      k8s: `${eps.k8s.objects(k8s)} objects from ${
        k8s.items.length
      } clusters (${(k8s.items as any[])
        .map(
          c =>
            `${c.cluster.name}: ${(c.resources as any[])
              .filter(r => r.resources.length)
              .map(
                r =>
                  `${r.resources.length} ${
                    r.type === 'customresources' ? r.resources[0].kind : r.type
                  }`,
              )
              .join(', ')}${
              c.errors.length ? `, ${c.errors.length} errors` : ''
            }`,
        )
        .join('; ')})`,
    };
    log(
      `answer for ${instanceNamespace(0)}: platform-mesh: ${
        results.answers.ours
      }`,
    );
    log(
      `answer for ${instanceNamespace(0)}: kubernetes:    ${
        results.answers.k8s
      }`,
    );
  }

  await warmUp(backend, [eps.ours, eps.k8s, eps.floor], 2);
  const afterWarmUp = await backend.memory();
  log(
    `backend memory after warm-up: RSS ${mib(afterWarmUp.rss)}, heap ${mib(
      afterWarmUp.heapUsed,
    )}`,
  );

  results.runs = [];
  for (const concurrency of options.concurrency) {
    const ours = await measure(backend, eps.ours, concurrency, options, dev);
    log(`  ${summary('platform-mesh', ours)}`);
    const k8s = await measure(backend, eps.k8s, concurrency, options, dev);
    log(`  ${summary('kubernetes   ', k8s)}`);
    const floor = await measure(backend, eps.floor, concurrency, options, dev);
    log(`  ${summary('no-op floor  ', floor)}`);
    results.runs.push({ concurrency, ours, k8s, floor });
  }

  const ours: number[] = [];
  const k8s: number[] = [];
  for (let rep = 0; rep < options.changeReps; rep++) {
    ours.push(await changeToAnswer(backend, eps.ours, admin, rep));
    k8s.push(await changeToAnswer(backend, eps.k8s, admin, rep));
  }
  const trickle = await changeUnderTrickle(backend, eps.ours, admin, options);
  results.change = {
    ours,
    k8s,
    oursUnderTrickle: trickle.samples,
    trickle: { perSecond: options.trickle, writes: trickle.writes },
  };
  log(
    `change to answer (ms): platform-mesh ${ours
      .map(v => v.toFixed(0))
      .join(', ')}; kubernetes ${k8s.map(v => v.toFixed(0)).join(', ')}`,
  );
  log(
    `change to answer under a trickle of ${
      options.trickle
    } changes/s (ms): ${trickle.samples.map(v => v.toFixed(0)).join(', ')}`,
  );
  results.list = await instanceListCost(backend, token, admin, options);
  log(
    `GET /targets/${TARGET}/instances: ${
      results.list.items
    } items, ${results.list.afterChangeMs.toFixed(
      1,
    )} ms after a change, ${results.list.memoizedMs.toFixed(
      1,
    )} ms memoized; one status answer ${results.list.statusMs.toFixed(1)} ms`,
  );

  const afterRuns = await backend.memory();
  results.memory = { afterWarmUp, afterRuns };
  await backend.stop();

  if (options.memorySplit) {
    const empty = await start('none');
    results.memory.none = await empty.memory();
    await empty.stop();
    results.memory.k8sOnly = await memoryOf('kubernetes', eps.k8s, start, {
      ...options,
      instances: k8sSample,
    });
    results.memory.oursOnly = await memoryOf(
      'platform-mesh',
      eps.ours,
      start,
      options,
    );
  }

  results.compute = await statusComputeCost({
    config: backendConfig(dev, token, 0),
    instances,
    releases: options.releases,
  });
  return results as Results;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let dev: Record<Role, DevCluster>;
  try {
    dev = devClusters();
  } catch {
    throw new Error(
      'the local API servers are not running: run `yarn clusters start` first',
    );
  }
  const argv = process.argv.slice(2).join(' ');
  const ctx: Context = {
    options,
    dev,
    admin: adminClients(),
    token: randomBytes(24).toString('base64url'),
    backends: [],
    command: `yarn bench:status${argv ? ` ${argv}` : ''}`,
  };
  const interrupted = () => {
    for (const b of ctx.backends) b.kill();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    log(
      `Platform Mesh status benchmark at ${options.scales.join(
        ', ',
      )} instances x ${options.releases} HelmReleases`,
    );
    // a freshly started API server answers 503 "storage is (re)initializing" for a while after
    // its CRDs are established: wait for it instead of failing the run
    let removed = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        removed = await cleanBench(ctx.admin, options.writeConcurrency);
        break;
      } catch (error) {
        if (attempt >= 20 || !/\(re\)initializing/.test(String(error))) throw error;
        await sleep(3000);
      }
    }
    if (removed) log(`removed ${removed} objects left by an earlier run`);
    const all: Results[] = [];
    for (const instances of options.scales) {
      const results = await runScale(ctx, instances);
      all.push(results);
      const report = renderReport(results);
      log('');
      log(report.table);
      if (options.smoke) assertFigures(report.table);
    }
    const scales = renderScaleSummary(all);
    log('');
    log(scales.table);
    if (options.write) {
      const file = path.join(__dirname, 'results.md');
      fs.writeFileSync(file, scales.markdown);
      log(`\nwrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    for (const b of ctx.backends) await b.stop().catch(() => b.kill());
    if (!options.keep) {
      const removed = await cleanBench(ctx.admin, options.writeConcurrency);
      log(`cleaned up: deleted ${removed} benchmark objects (namespaces kept)`);
    }
  }
}

/**
 * The smoke run's check: every row of the table has a figure (a number) for platform-mesh, so a
 * refactoring that leaves a measurement empty fails the test command instead of rotting quietly.
 */
function assertFigures(table: string): void {
  const rows = table
    .split('\n')
    .filter(line => /\S {3,}\S/.test(line) && !/^-+/.test(line.trim()));
  // cells are separated by three or more spaces; the second one is platform-mesh's figure
  const empty = rows.filter(line => {
    if (line.startsWith(' ') || /platform-mesh\s+kubernetes-backend/.test(line))
      return false;
    const cells = line.trim().split(/ {3,}/);
    return !/\d/.test(cells[1] ?? '');
  });
  if (rows.length < 15 || empty.length) {
    throw new Error(
      `smoke run: the table lacks figures (${
        rows.length
      } rows; without a figure: ${empty.join(' | ') || 'none'})`,
    );
  }
  log(`smoke run: ${rows.length} rows of figures printed`);
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function summary(name: string, run: EndpointRun): string {
  const l = run.load;
  return `${name} c=${String(l.concurrency).padStart(
    2,
  )}: ${l.throughput.toFixed(0)} req/s, p50 ${l.p50Ms.toFixed(
    1,
  )} ms, p99 ${l.p99Ms.toFixed(1)} ms, ${l.errors} errors${
    l.firstError ? ` (${l.firstError})` : ''
  }, ${l.partial} incomplete, ${
    run.apiserverRequests
  } API server reads (backend sent ${run.backendRequests})`;
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench:status failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
