/*
 * `yarn bench:cache-cost [--scale 10,100,1000]`: an in-process measurement (no API server) of the
 * status cache's CPU per answer (memo miss, memoized) and per instance list (cold, warm), at each
 * scale of synthetic instances with 30 releases each. Prints figures; the test command runs it at
 * `--scale 10,100` so it cannot rot.
 */
import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';
import { FakeClusters } from '../src/__testUtils__/StaticTransport';
import {
  instanceNamespace,
  manyInstances,
  manyTarget,
} from '../src/__testUtils__/manyInstances';
import { InformerPool } from '../src/cache/InformerPool';
import { StatusCache } from '../src/cache/StatusCache';

const RELEASES = 30;

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise(r => setImmediate(r));
}

/** CPU microseconds (user + system) per call of `fn`, over `calls` calls. */
function cpuPerCall(calls: number, fn: (i: number) => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

async function measure(instances: number) {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(
    manyInstances(instances, RELEASES),
  ))
    clusters.set(cluster, objects);
  const logger = mockServices.rootLogger({ level: 'error' });
  const cache = new StatusCache({
    targets: [manyTarget],
    pool: new InformerPool({
      transportFactory: clusters.transportFactory,
      logger,
      backoffMs: () => 60_000,
    }),
    logger,
  });
  cache.start();
  await settle();
  const ref = (i: number) => ({
    target: manyTarget.name,
    namespace: instanceNamespace(i % instances),
    name: 'platform-mesh',
  });
  const sample = Math.min(instances, 50);
  const coldUs = cpuPerCall(sample, i => cache.requireAnswer(ref(i)));
  const warmUs = cpuPerCall(5_000, i => cache.requireAnswer(ref(i % sample)));
  const listColdUs = cpuPerCall(1, () => cache.listInstances(manyTarget));
  const listWarmUs = cpuPerCall(200, () => cache.listInstances(manyTarget));
  const bytes = cache.requireAnswer(ref(0)).body.length;
  await cache.stop();
  return { instances, coldUs, warmUs, listColdUs, listWarmUs, bytes };
}

async function main() {
  const at = process.argv.indexOf('--scale');
  const scales = (at > 0 ? process.argv[at + 1] : '10,100,1000')
    .split(',')
    .map(Number);
  if (scales.some(n => !Number.isInteger(n) || n < 1)) {
    throw new Error('--scale takes positive integers, e.g. 10,100,1000');
  }
  const rows = [];
  for (const n of scales) rows.push(await measure(n));
  const fmt = (us: number) => `${(us / 1000).toFixed(3)} ms`;
  process.stdout.write(
    `CPU per status answer (in process, FakeClusters), 1-minute load average ${os
      .loadavg()[0]
      .toFixed(1)} on ${os.cpus().length} cores:\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${String(r.instances).padStart(5)} instances x ${RELEASES}: ` +
        `memo miss ${fmt(r.coldUs)}, memoized ${fmt(r.warmUs)} ` +
        `(${r.bytes} B), list cold ${fmt(r.listColdUs)}, list warm ${fmt(
          r.listWarmUs,
        )}\n`,
    );
  }
  if (!rows.every(r => r.warmUs > 0 && r.bytes > 0)) {
    throw new Error('nothing was measured');
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench:cache-cost failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
