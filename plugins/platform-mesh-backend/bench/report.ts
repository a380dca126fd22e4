/*
 * The benchmark's figures as a side-by-side table (console) and as bench/results.md.
 */
import type { MemoryFigures } from './backend';
import { median, quantile, type LoadResult } from './load';

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
    /** Instances the Kubernetes backend had to answer completely (a sample at large scales). */
    k8sSample?: number;
    /** Requests the cache sent to fill itself (discovery, lists, watches). */
    oursFillRequests: number;
    oursWatches: number;
    /** Watch requests the cache opened per cluster role while filling. */
    watchesByCluster?: Record<string, number>;
  };
  answers: { ours: string; k8s: string };
  runs: Array<{
    concurrency: number;
    ours: EndpointRun;
    k8s: EndpointRun;
    /** The no-op floor: same auth and permission decision, constant answer. */
    floor?: EndpointRun;
  }>;
  change: {
    ours: number[];
    k8s: number[];
    /** platform-mesh's change to answer while other instances' releases change steadily. */
    oursUnderTrickle?: number[];
    trickle?: { perSecond: number; writes: number };
  };
  /** `GET /targets/:target/instances` next to one status answer (one client, ms). */
  list?: {
    afterChangeMs: number;
    memoizedMs: number;
    statusMs: number;
    items: number;
  };
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
  for (const { concurrency, ours, floor } of results.runs) {
    if (!floor) continue;
    out.push([
      `share of the no-op floor's throughput (floor ${num(
        floor.load.throughput,
        0,
      )} req/s), ${concurrency} client${concurrency === 1 ? '' : 's'}`,
      `${num((100 * ours.load.throughput) / floor.load.throughput, 0)} %`,
      '–',
      '',
    ]);
  }
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
  const trickle = results.change.oursUnderTrickle;
  if (trickle?.length) {
    const sorted = [...trickle].sort((a, b) => a - b);
    out.push([
      `change to answer under ${
        results.change.trickle?.perSecond ?? '?'
      } other changes/s, p50 / p99 / max of ${sorted.length} (ms)`,
      `${num(quantile(sorted, 0.5), 0)} / ${num(
        quantile(sorted, 0.99),
        0,
      )} / ${num(sorted[sorted.length - 1], 0)}`,
      '–',
      '',
    ]);
  }
  out.push([
    'every instance answered completely, after start (s)',
    num(results.startup.oursCompleteMs / 1000, 2),
    `${num(results.startup.k8sCompleteMs / 1000, 2)}${
      results.startup.k8sSample !== undefined &&
      results.startup.k8sSample < results.options.instances
        ? ` (${results.startup.k8sSample} of them)`
        : ''
    }`,
    '',
  ]);
  out.push([
    'first correct answer for every instance, from process start (s)',
    num((results.startup.startedMs + results.startup.oursCompleteMs) / 1000, 2),
    '–',
    '',
  ]);
  if (results.list) {
    out.push([
      `instance list (${results.list.items} items): after a change / memoized (ms)`,
      `${num(results.list.afterChangeMs, 1)} / ${num(
        results.list.memoizedMs,
        1,
      )}`,
      '– (no such route)',
      `${num(results.list.afterChangeMs / results.list.statusMs, 1)}× / ${num(
        results.list.memoizedMs / results.list.statusMs,
        1,
      )}× one status`,
    ]);
  }
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
  const byCluster = results.startup.watchesByCluster;
  if (byCluster) {
    out.push([
      'watches opened per cluster: operator / runtime / infra',
      `${byCluster.operator ?? 0} / ${byCluster.runtime ?? 0} / ${
        byCluster.infra ?? 0
      }`,
      'none (no cache)',
      '',
    ]);
  }
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
function markdownTable(
  all: Row[],
  header: Row = ['what', ...HEADER.slice(1)] as Row,
): string {
  const rowsWithHeader: Row[] = [header, ...all];
  const widths = header.map((_, c) =>
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

function describe(results: Results): { setup: string[]; machine: string } {
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
      'no-op floor: a plugin in the same backend whose route does the same `httpAuth.credentials` and `platform-mesh.status.read` decision and answers a constant (bench/floorPlugin.ts). ' +
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
  return { setup, machine };
}

export function renderReport(results: Results): {
  table: string;
  markdown: string;
} {
  const all = rows(results);
  const { facts } = results;
  const { setup, machine } = describe(results);
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

type Goal = { goal: string; figure: string; met: boolean | undefined };

/** The issue's goals, checked against the figures of every scale. */
function goals(all: Results[]): Goal[] {
  const at = (c: number) => (r: Results) =>
    r.runs.find(run => run.concurrency === c) ?? r.runs[r.runs.length - 1];
  const tenClients = at(10);
  const small = all[0];
  const large = all[all.length - 1];
  const out: Goal[] = [];
  for (const r of all) {
    const run = tenClients(r);
    const vsK8s = run.ours.load.throughput / run.k8s.load.throughput;
    out.push({
      goal: `${r.options.instances} instances: throughput ≥ 50× the Kubernetes backend (${run.concurrency} clients)`,
      figure: `${num(vsK8s, 0)}×`,
      met: Number.isFinite(vsK8s) ? vsK8s >= 50 : undefined,
    });
    if (run.floor) {
      const share = run.ours.load.throughput / run.floor.load.throughput;
      out.push({
        goal: `${r.options.instances} instances: throughput ≥ 80 % of the no-op floor (${run.concurrency} clients)`,
        figure: `${num(100 * share, 0)} %`,
        met: share >= 0.8,
      });
    }
  }
  if (all.length > 1) {
    const cpu = (r: Results) => tenClients(r).ours.backendCpuMsPerRequest;
    const growth = cpu(large) / cpu(small);
    out.push({
      goal: `backend CPU per answer ≤ 1.5× from ${small.options.instances} to ${large.options.instances} instances`,
      figure: `${num(cpu(small), 2)} → ${num(cpu(large), 2)} ms (${num(
        growth,
        2,
      )}×)`,
      met: growth <= 1.5,
    });
    const p50 = (r: Results) => at(1)(r).ours.load.p50Ms;
    out.push({
      goal: `latency p50 at 1 client ≤ 1.5× from ${small.options.instances} to ${large.options.instances} instances`,
      figure: `${num(p50(small), 2)} → ${num(p50(large), 2)} ms (${num(
        p50(large) / p50(small),
        2,
      )}×)`,
      met: p50(large) / p50(small) <= 1.5,
    });
    const watches = all.map(r =>
      Math.max(...Object.values(r.startup.watchesByCluster ?? { x: NaN })),
    );
    out.push({
      goal: 'watches per cluster independent of the instance count',
      figure: all
        .map((r, i) => `${r.options.instances}: ${watches[i]}`)
        .join(', '),
      met: watches.every(w => w === watches[0]),
    });
  }
  const first = (large.startup.startedMs + large.startup.oursCompleteMs) / 1000;
  out.push({
    goal: `${large.options.instances} instances: first correct answer ≤ 15 s after start`,
    figure: `${num(first, 1)} s`,
    met: first <= 15,
  });
  const { oursOnly, k8sOnly } = large.memory;
  if (oursOnly && k8sOnly) {
    const extra = (oursOnly.rss - k8sOnly.rss) / 1e6;
    out.push({
      goal: `${large.options.instances} instances: extra RSS ≤ 150 MB over a Kubernetes-only backend`,
      figure: `${num(extra, 0)} MB`,
      met: extra <= 150,
    });
  }
  const trickle = [...(large.change.oursUnderTrickle ?? [])].sort(
    (a, b) => a - b,
  );
  if (trickle.length) {
    const p99 = quantile(trickle, 0.99);
    out.push({
      goal: `${large.options.instances} instances: change → visible p99 ≤ 1 s under a trickle of changes`,
      figure: `${num(p99, 0)} ms (${trickle.length} samples)`,
      met: p99 <= 1000,
    });
  }
  if (large.list) {
    const r = large.list.afterChangeMs / large.list.statusMs;
    out.push({
      goal: `${large.options.instances} instances: instance list ≤ 10× one status answer`,
      figure: `${num(r, 1)}× after a change, ${num(
        large.list.memoizedMs / large.list.statusMs,
        1,
      )}× memoized`,
      met: r <= 10,
    });
  }
  return out;
}

function verdict(met: boolean | undefined): string {
  if (met === undefined) return 'not measured';
  return met ? 'met' : 'MISSED';
}

/**
 * Every scale of one run: the goals with their figures, then each scale's side-by-side table.
 * This is what `bench/results.md` holds.
 */
export function renderScaleSummary(all: Results[]): {
  table: string;
  markdown: string;
} {
  const checked = goals(all);
  const width = Math.max(...checked.map(g => g.goal.length));
  const table = [
    `goals (${all
      .map(r => r.options.instances)
      .join(' / ')} instances, one run):`,
    ...checked.map(
      g =>
        `  ${g.goal.padEnd(width)}   ${g.figure.padStart(28)}   ${verdict(
          g.met,
        )}`,
    ),
  ].join('\n');
  const { machine } = describe(all[0]);
  const goalRows: Row[] = checked.map(g => [
    g.goal,
    g.figure,
    verdict(g.met),
    '',
  ]);
  const goalTable = markdownTable(goalRows, ['goal', 'figure', 'verdict', '']);
  const sections = all.map(r => {
    const { setup } = describe(r);
    return `## ${
      r.options.instances
    } instances\n\nLoad average when this scale started: ${r.facts.loadAverage.toFixed(
      1,
    )}.\n\nSetup: ${setup.join(' ')}\n\n${markdownTable(rows(r))}\n`;
  });
  const markdown = `# Status benchmark: results

Written by \`yarn bench:status\` (\`plugins/platform-mesh-backend/bench/run.ts\`) on ${
    all[0].facts.date
  }.
How the figures are measured: see the plugin README, section "Benchmark".

Command: \`${all[0].command}\`

Machine: ${machine}

## Goals

${goalTable}

${sections.join('\n')}
Ratios are platform-mesh relative to kubernetes-backend ("more" or "less" of the figure in that row).
`;
  return { table, markdown };
}
