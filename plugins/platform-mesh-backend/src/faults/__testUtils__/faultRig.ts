import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { RoleRead } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { clusterEntry, devClusters } from '@internal/dev-clusters/lib/testing';
import {
  startFaultProxy,
  type FaultProxy,
} from '@internal/dev-clusters/lib/faultProxy';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import {
  ClusterTransport,
  type ClusterTransportOptions,
} from '../../cache/ClusterTransport';
import { InformerPool } from '../../cache/InformerPool';
import { roleRead } from '../../cache/roleRead';
import type { ResourceTransport } from '../../cache/transport';
import { configMaps, type WatchSpec } from '../../cache/watchSpecs';

/** The cluster name the backend knows the proxied runtime cluster by. */
const FAULTY = 'pm-runtime-faulty';

/** What a user of the status API sees of the proxied cluster: its role read and profile names. */
interface UserView {
  read: RoleRead;
  names: string[];
}

/** Options of {@link faultRig}. */
interface FaultRigOptions {
  /** This test's own namespace on the runtime cluster (created if missing). */
  namespace: string;
  /** Transport settings; omit for the production defaults. */
  transport?: ClusterTransportOptions;
  /** Wraps the real transport, e.g. to start from a stale resourceVersion. */
  wrap?: (transport: ResourceTransport) => ResourceTransport;
  requestTimeoutSeconds?: number;
}

/**
 * The backend's real cache (InformerPool, ClusterTransport, the -node client, roleRead) watching
 * profile ConfigMaps of one namespace on the real runtime API server, through a fault proxy; the
 * harness's admin identity writes objects directly, past the proxy.
 */
export async function faultRig(options: FaultRigOptions) {
  const dev = devClusters();
  const proxy: FaultProxy = await startFaultProxy(dev.runtime.url);
  const admin = clientsFor([clusterEntry('admin', 'runtime', 'admin')]).admin;
  await admin.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: options.namespace },
  });
  const clusters = new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: [clusterEntry(FAULTY, 'runtime', 'backstage', proxy.url)],
          requestTimeoutSeconds: options.requestTimeoutSeconds ?? 2,
        },
      }),
    ),
  });
  const logger = mockServices.logger.mock();
  const pool = new InformerPool({
    logger,
    transportFactory: (cluster, spec) => {
      const real = new ClusterTransport(
        async () => clusters.getClient(cluster),
        cluster,
        spec,
        options.transport,
      );
      return options.wrap ? options.wrap(real) : real;
    },
  });
  const spec: WatchSpec = { ...configMaps, namespace: options.namespace };

  const view = (): UserView => {
    const state = pool.state<any>(FAULTY, spec);
    return {
      read: roleRead(FAULTY, [{ resource: spec.resource, state }]),
      names: state.items.map(i => i.metadata.name).sort(),
    };
  };

  const written: string[] = [];
  /** Writes a profile ConfigMap directly on the cluster (not through the proxy). */
  const writeProfile = async (name: string) => {
    written.push(name);
    await admin.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: options.namespace },
      data: { 'profile.yaml': `name: ${name}\n` },
    } as any);
  };

  /** Polls the view every 25 ms until `check` holds; returns the view and the milliseconds waited. */
  const waitFor = async (
    check: (v: UserView) => boolean,
    timeoutMs = 15_000,
  ): Promise<{ view: UserView; ms: number }> => {
    const started = Date.now();
    for (;;) {
      const v = view();
      if (check(v)) return { view: v, ms: Date.now() - started };
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `not within ${timeoutMs} ms; last view: ${JSON.stringify(v)}`,
        );
      }
      await new Promise(r => setTimeout(r, 25));
    }
  };

  return {
    proxy,
    logger,
    view,
    waitFor,
    writeProfile,
    async close() {
      await pool.stop();
      clusters.close();
      await proxy.close();
      for (const name of written) {
        await admin
          .requestJson({
            method: 'DELETE',
            path: `/api/v1/namespaces/${options.namespace}/configmaps/${name}`,
          })
          .catch(() => undefined);
      }
    },
  };
}

/** A unique object name per run, so reruns against the shared servers never see old objects. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(
    Math.random() * 1e4,
  )}`;
}

/** Prints a measured figure in one greppable line: `FAULT <fault>: <what> <ms> ms`. */
export function report(fault: string, what: string, ms: number): void {
  // eslint-disable-next-line no-console
  console.log(`FAULT ${fault}: ${what} ${ms} ms`);
}
