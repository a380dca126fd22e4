/*
 * The benchmark's figures as a side-by-side table (console) and as bench/results.md.
 */
import type { MemoryFigures } from './backend';
import { median, type LoadResult } from './load';

export interface EndpointRun {
  load: LoadResult;
  /** Read requests the API servers served during the run (from their `/metrics`). */
  apiserverRequests: number;
  /** The largest contributors to `apiserverRequests`. */
  apiserverTop: string[];
  /** Requests the backend process sent to the API servers during the run (client side). */
  backendRequests: number;
  backendCpuMsPerRequest: number;
  /** CPU time of the three API servers and etcd during the run. */
  clustersCpuMs?: number;
}

export interface Results {
  command: string;
  options: {
    instances: number;
    releases: number;
    durationS: number;
    concurrency: number[];
    changeReps: number;
  };
  facts: {
    date: string;
    cores: number;
    cpu: string;
    memoryGiB: number;
    node: string;
    /** 1-minute load average when the run started (other work on the machine shows here). */
    loadAverage: number;
    kubeApiserver: string;
    kubernetesBackend: string;
    backendDefaults: string;
  };
  seed: { writes: number; ms: number };
  startup: {
    startedMs: number;
    oursCompleteMs: number;
    k8sCompleteMs: number;
    /** Requests the cache sent to fill itself (discovery, lists, watches). */
    oursFillRequests: number;
    oursWatches: number;
  };
  answers: { ours: string; k8s: string };
  runs: Array<{ concurrency: number; ours: EndpointRun; k8s: EndpointRun }>;
  change: { ours: number[]; k8s: number[] };
  /** In-process cost of one answer of the plugin's StatusCache (no HTTP). */
  compute: { memoHitMs: number; memoMissMs: number };
  memory: {
    afterWarmUp: MemoryFigures;
    afterRuns: MemoryFigures;
    oursOnly?: MemoryFigures;
    k8sOnly?: MemoryFigures;
    /** A backend with neither plugin (the baseline of the per-plugin figures). */
    none?: MemoryFigures;
  };
}

type Row = [string, string, string, string];

function num(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  return v.toFixed(digits);
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** "N× more/less" from the point of view of our plugin. */
function ratio(ours: number, k8s: number, better: 'higher' | 'lower'): string {
  if (!Number.isFinite(ours) || !Number.isFinite(k8s)) return '–';
  if (ours === k8s) return 'same';
  if (ours === 0) return better === 'lower' ? 'none vs some' : '–';
  if (k8s === 0) return better === 'higher' ? 'some vs none' : '–';
  const r = ours / k8s;
  if (r < 1 / 1000) return '> 1000× less';
  if (r > 1000) return '> 1000× more';
  const f = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
  return r >= 1 ? `${f(r)}× more` : `${f(1 / r)}× less`;
}

function rows(results: Results): Row[] {
  const out: Row[] = [];
  const perRun = (
    label: string,
    pick: (run: EndpointRun) => number,
    better: 'higher' | 'lower',
    digits = 1,
  ) => {
    for (const { concurrency, ours, k8s } of results.runs) {
      const a = pick(ours);
      const b = pick(k8s);
      out.push([
        `${label}, ${concurrency} client${concurrency === 1 ? '' : 's'}`,
        num(a, digits),
        num(b, digits),
        ratio(a, b, better),
      ]);
    }
  };
  perRun('throughput (req/s)', r => r.load.throughput, 'higher', 0);
  perRun('latency p50 (ms)', r => r.load.p50Ms, 'lower', 2);
  perRun('latency p99 (ms)', r => r.load.p99Ms, 'lower', 2);
  perRun(
    'API server reads during the run',
    r => r.apiserverRequests,
    'lower',
    0,
  );
  perRun(
    'requests the backend sent to the API servers',
    r => r.backendRequests,
    'lower',
    0,
  );
  perRun(
    'API server reads per answer',
    r => r.apiserverRequests / Math.max(1, r.load.requests + r.load.errors),
    'lower',
    2,
  );
  perRun(
    'backend CPU per answer (ms)',
    r => r.backendCpuMsPerRequest,
    'lower',
    2,
  );
  perRun(
    'API servers + etcd CPU per answer (ms)',
    r =>
      r.clustersCpuMs === undefined
        ? NaN
        : r.clustersCpuMs / Math.max(1, r.load.requests + r.load.errors),
    'lower',
    2,
  );
  const total = (pick: (r: EndpointRun) => number) =>
    results.runs.reduce(
      (acc, run) => [acc[0] + pick(run.ours), acc[1] + pick(run.k8s)],
      [0, 0],
    );
  const failed = total(r => r.load.errors);
  out.push([
    'failed requests (all runs)',
    String(failed[0]),
    String(failed[1]),
    '',
  ]);
  const partial = total(r => r.load.partial);
  out.push([
    'answers with a cluster error inside (all runs)',
    String(partial[0]),
    String(partial[1]),
    '',
  ]);
  const size = (r: EndpointRun) => r.load.meanBytes / 1024;
  const first = results.runs[0];
  out.push([
    'answer size (KiB)',
    num(size(first.ours)),
    num(size(first.k8s)),
    ratio(size(first.ours), size(first.k8s), 'lower'),
  ]);
  const co = median(results.change.ours);
  const ck = median(results.change.k8s);
  const span = (v: number[]) =>
    v.length > 1
      ? ` (${num(Math.min(...v), 0)}–${num(Math.max(...v), 0)})`
      : '';
  out.push([
    `change to answer, median of ${results.change.ours.length} (ms)`,
    `${num(co, 0)}${span(results.change.ours)}`,
    `${num(ck, 0)}${span(results.change.k8s)}`,
    ratio(co, ck, 'lower'),
  ]);
  out.push([
    'every instance answered completely, after start (s)',
    num(results.startup.oursCompleteMs / 1000, 2),
    num(results.startup.k8sCompleteMs / 1000, 2),
    '',
  ]);
  out.push([
    'plugin CPU per answer, memoized (ms, in-process)',
    num(results.compute.memoHitMs, 3),
    '– (no cache)',
    '',
  ]);
  out.push([
    'plugin CPU per answer, first after a change (ms, in-process)',
    num(results.compute.memoMissMs, 2),
    '– (no cache)',
    '',
  ]);
  out.push([
    'requests to the API servers to fill the cache (of them watches)',
    `${results.startup.oursFillRequests} (${results.startup.oursWatches})`,
    'none (no cache)',
    '',
  ]);
  const { oursOnly, k8sOnly, none, afterWarmUp, afterRuns } = results.memory;
  if (oursOnly && k8sOnly) {
    out.push([
      'backend with only this plugin: RSS',
      mib(oursOnly.rss),
      mib(k8sOnly.rss),
      ratio(oursOnly.rss, k8sOnly.rss, 'lower'),
    ]);
    out.push([
      'backend with only this plugin: heap used',
      mib(oursOnly.heapUsed),
      mib(k8sOnly.heapUsed),
      ratio(oursOnly.heapUsed, k8sOnly.heapUsed, 'lower'),
    ]);
  }
  if (oursOnly && k8sOnly && none) {
    const a = oursOnly.heapUsed - none.heapUsed;
    const b = k8sOnly.heapUsed - none.heapUsed;
    out.push([
      `heap of the plugin itself (minus a backend without either: ${mib(
        none.heapUsed,
      )})`,
      mib(a),
      mib(b),
      ratio(a, b, 'lower'),
    ]);
  }
  out.push([
    'backend with both plugins: RSS / heap after warm-up',
    `${mib(afterWarmUp.rss)} / ${mib(afterWarmUp.heapUsed)}`,
    '(same process)',
    '',
  ]);
  out.push([
    'backend with both plugins: RSS / heap after the runs',
    `${mib(afterRuns.rss)} / ${mib(afterRuns.heapUsed)}`,
    '(same process)',
    '',
  ]);
  return out;
}

const HEADER: Row = ['', 'platform-mesh', 'kubernetes-backend', 'ratio'];

function textTable(all: Row[]): string {
  const widths = HEADER.map((_, c) =>
    Math.max(...[HEADER, ...all].map(r => r[c].length)),
  );
  const line = (r: Row) =>
    r
      .map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]),
      )
      .join('   ');
  return [
    line(HEADER),
    widths.map(w => '-'.repeat(w)).join('   '),
    ...all.map(line),
  ].join('\n');
}

/** A Markdown table laid out as Prettier lays it out, so the written file passes `prettier --check`. */
function markdownTable(all: Row[]): string {
  const rowsWithHeader: Row[] = [['what', ...HEADER.slice(1)] as Row, ...all];
  const widths = HEADER.map((_, c) =>
    Math.max(3, ...rowsWithHeader.map(r => r[c].length)),
  );
  const line = (r: Row) =>
    `| ${r
      .map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`))
    .join(' | ')} |`;
  return [line(rowsWithHeader[0]), rule, ...all.map(line)].join('\n');
}

export function renderReport(results: Results): {
  table: string;
  markdown: string;
} {
  const all = rows(results);
  const { facts, options } = results;
  const setup = [
    `${options.instances} instances × ${options.releases} HelmReleases (with their OCIRepositories), ` +
      `${
        options.durationS
      } s per run, closed loop at ${options.concurrency.join(
        ' / ',
      )} concurrent clients; seeded with ${results.seed.writes} writes in ${(
        results.seed.ms / 1000
      ).toFixed(1)} s.`,
    `platform-mesh: \`GET /api/platform-mesh/instances/bench/<ns>/platform-mesh/status\`, rotating over the instances. ` +
      `Answer for one instance: ${results.answers.ours}.`,
    `kubernetes-backend: \`POST /api/kubernetes/services/<entity>\` with the entity, rotating over the same instances ` +
      `(objectTypes configmaps + secrets, customResources platformmeshes, helmreleases, ocirepositories, serviceLocatorMethod multiTenant). ` +
      `Answer for one instance: ${results.answers.k8s}.`,
    'One backend (`createBackend()` of @backstage/backend-defaults, a child process, info-level logs to a file) with both plugins, ' +
      'the three clusters configured once in `kubernetes.clusterLocatorMethods` (the `backstage` identity) and read by both; ' +
      "auth: a static token (`backend.auth.externalAccess`, type `static`); permission framework not enabled (both plugins' checks allow without a policy round trip); " +
      'catalog: the in-memory catalog service mock holding one Component per instance. ' +
      'Memory per plugin: a backend with only that plugin, warmed up the same way, after a forced GC.',
  ];
  const machine =
    `${facts.cores} CPU cores (${facts.cpu}), ${facts.memoryGiB} GiB RAM, Linux, ` +
    `1-minute load average ${facts.loadAverage.toFixed(
      1,
    )} when the run started; Node ${facts.node}; ` +
    `three kube-apiserver ${facts.kubeApiserver} and one etcd on the same machine (packages/dev-clusters), ` +
    `the backend and the load generator too; @backstage/plugin-kubernetes-backend ${facts.kubernetesBackend}, ` +
    `@backstage/backend-defaults ${facts.backendDefaults}.`;
  const markdown = `# Status benchmark: results

Written by \`yarn bench:status\` (\`plugins/platform-mesh-backend/bench/run.ts\`) on ${
    facts.date
  }.
How the figures are measured: see the plugin README, section "Benchmark".

Command: \`${results.command}\`

Machine: ${machine}

Setup: ${setup.join(' ')}

${markdownTable(all)}

Ratios are platform-mesh relative to kubernetes-backend ("more" or "less" of the figure in that row).
`;
  return {
    table: [
      textTable(all),
      '',
      `ratio: platform-mesh relative to kubernetes-backend ("more"/"less" of that row's figure)`,
      `platform-mesh answer: ${results.answers.ours}`,
      `kubernetes answer:    ${results.answers.k8s}`,
      `API server reads during the platform-mesh runs (the backend sent none: other clients of the shared servers): ${
        results.runs
          .flatMap(r => r.ours.apiserverTop)
          .slice(0, 6)
          .join('; ') || 'none'
      }`,
      `machine: ${
        results.facts.cores
      } cores, 1-minute load average ${results.facts.loadAverage.toFixed(
        1,
      )} at the start`,
      `largest API server read counters at ${
        results.runs[results.runs.length - 1].concurrency
      } clients, kubernetes-backend: ${results.runs[
        results.runs.length - 1
      ].k8s.apiserverTop.join('; ')}`,
    ].join('\n'),
    markdown,
  };
}
