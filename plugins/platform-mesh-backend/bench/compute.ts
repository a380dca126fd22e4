/*
 * The CPU cost of one status answer inside the plugin, without HTTP: the plugin's StatusCache on
 * the same informers as in the backend, measured in this process. `getStatus` answers from a memo
 * until anything in the cache changes (any event on any watched resource); `buildInstanceStatus`
 * over a fresh snapshot is what every answer costs right after a change.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { buildInstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { ClusterTransport } from '../src/cache/ClusterTransport';
import { InformerPool } from '../src/cache/InformerPool';
import { StatusCache } from '../src/cache/StatusCache';
import type { ConfigData } from './backend';
import { INSTANCE_NAME, TARGET, instanceNamespace } from './seed';

const silent: LoggerService = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silent,
};

/** Mean ms per answer with and without the memo, rotating over the instances. */
export async function statusComputeCost(options: {
  config: ConfigData;
  instances: number;
  releases: number;
  iterations?: number;
}): Promise<{ memoMissMs: number; memoHitMs: number }> {
  const iterations = options.iterations ?? 2000;
  const clusters = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(new ConfigReader(options.config)),
  });
  const pool = new InformerPool({
    logger: silent,
    transportFactory: (cluster, spec) =>
      new ClusterTransport(
        async () => clusters.getClient(cluster),
        cluster,
        spec,
      ),
  });
  const cache = new StatusCache({
    targets: clusters.listTargets(),
    pool,
    logger: silent,
  });
  const target = cache.getTarget(TARGET)!;
  const ref = (i: number) => ({
    target: TARGET,
    namespace: instanceNamespace(i % options.instances),
    name: INSTANCE_NAME,
  });
  cache.start();
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = cache.getStatus(target, ref(options.instances - 1));
      if (
        status.releases.length === options.releases &&
        !JSON.stringify(status.clusters).includes('waiting for the first list')
      ) {
        break;
      }
      if (Date.now() > deadline) throw new Error('the cache did not fill');
      await new Promise(r => setTimeout(r, 100));
    }
    const time = (fn: (i: number) => unknown) => {
      for (let i = 0; i < iterations / 10; i++) fn(i); // warm-up
      const started = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) fn(i);
      return Number(process.hrtime.bigint() - started) / 1e6 / iterations;
    };
    const memoMissMs = time(i =>
      buildInstanceStatus(cache.snapshot(target, ref(i))),
    );
    const memoHitMs = time(i => cache.getStatus(target, ref(i)));
    return { memoMissMs, memoHitMs };
  } finally {
    await cache.stop();
    clusters.close();
  }
}
