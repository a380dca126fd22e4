/*
 * What the benchmark reads from the local API servers: the read requests they served
 * (`apiserver_request_total` from `/metrics`), and the CPU time of their processes.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { DevCluster, Role } from '@internal/dev-clusters/lib/testing';

/** Verbs of requests that read; neither plugin writes. */
const READ_VERBS = new Set(['GET', 'LIST', 'WATCH']);

/**
 * Non-resource paths that are not the plugins' traffic: our own scrapes, the harness's health
 * probes and OpenAPI downloads (neither plugin fetches OpenAPI).
 */
const EXCLUDED_PATHS = new Set([
  '/metrics',
  '/readyz',
  '/livez',
  '/healthz',
  'openapi/v2',
  'openapi/v3',
]);

export type RequestCounts = Record<Role, Map<string, number>>;

function get(cluster: DevCluster, urlPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${cluster.url}${urlPath}`,
      {
        ca: Buffer.from(cluster.caData, 'base64'),
        headers: { authorization: `Bearer ${cluster.tokens.admin}` },
      },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(body)
            : reject(new Error(`GET ${urlPath}: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
  });
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const match of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
    labels[match[1]] = match[2];
  }
  return labels;
}

/**
 * The read-request counters of one API server, by series (`verb resource subresource scope`),
 * with our scrapes, health probes and OpenAPI downloads left out.
 */
async function scrape(cluster: DevCluster): Promise<Map<string, number>> {
  const text = await get(cluster, '/metrics');
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const close = line.lastIndexOf('}');
    const labels = parseLabels(line.slice(0, close));
    if (!READ_VERBS.has(labels.verb)) continue;
    if (!labels.resource && EXCLUDED_PATHS.has(labels.subresource)) continue;
    const key = [
      labels.verb,
      labels.group ? `${labels.resource}.${labels.group}` : labels.resource,
      labels.subresource,
      labels.scope,
    ].join(' ');
    series.set(
      key,
      (series.get(key) ?? 0) + Number(line.slice(close + 1).trim()),
    );
  }
  return series;
}

export async function scrapeAll(
  clusters: Record<Role, DevCluster>,
): Promise<RequestCounts> {
  const [operator, runtime, infra] = await Promise.all(
    (['operator', 'runtime', 'infra'] as const).map(r => scrape(clusters[r])),
  );
  return { operator, runtime, infra };
}

/** Requests served between two scrapes, in all and per series (largest first). */
export function requestDelta(
  before: RequestCounts,
  after: RequestCounts,
): { total: number; byRole: Record<Role, number>; top: string[] } {
  const byRole = { operator: 0, runtime: 0, infra: 0 } as Record<Role, number>;
  const series: Array<[string, number]> = [];
  for (const role of Object.keys(byRole) as Role[]) {
    for (const [key, value] of after[role]) {
      const delta = value - (before[role].get(key) ?? 0);
      if (delta > 0) {
        byRole[role] += delta;
        series.push([`${role}: ${key}`, delta]);
      }
    }
  }
  series.sort((a, b) => b[1] - a[1]);
  return {
    total: byRole.operator + byRole.runtime + byRole.infra,
    byRole,
    top: series.slice(0, 6).map(([k, v]) => `${v} ${k}`),
  };
}

/** CPU time (ms) used so far by the three kube-apiservers and etcd (from `/proc`). */
export function clustersCpuMs(): number | undefined {
  const state = path.join(
    path.dirname(require.resolve('@internal/dev-clusters/package.json')),
    '.state',
  );
  let total = 0;
  try {
    for (const name of [
      'apiserver-operator',
      'apiserver-runtime',
      'apiserver-infra',
      'etcd',
    ]) {
      const pid = fs
        .readFileSync(path.join(state, `${name}.pid`), 'utf8')
        .trim();
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // fields after the command name (which may contain spaces): state is field 3
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const utime = Number(fields[11]);
      const stime = Number(fields[12]);
      total += ((utime + stime) * 1000) / 100; // USER_HZ is 100 on Linux
    }
    return total;
  } catch {
    return undefined;
  }
}

/** The API servers' version (for the results' machine facts). */
export async function serverVersion(cluster: DevCluster): Promise<string> {
  try {
    return JSON.parse(await get(cluster, '/version')).gitVersion;
  } catch {
    return 'unknown';
  }
}
