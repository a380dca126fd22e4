/*
 * The benchmark's backend, run as a child process of `run.ts` (so the load generator does not
 * share its event loop): Backstage's production backend (`createBackend` from
 * `@backstage/backend-defaults`) with the Platform Mesh plugin and/or Backstage's Kubernetes
 * plugin, an in-memory catalog holding the instances' entities, and the config sent by the parent
 * over IPC (so no token is written to disk or put in the environment).
 *
 * Messages from the parent: `start` { config, entities, plugins }, `memory` (forces a GC first),
 * `counters` (requests this process sent to the API servers, by host:port, and its CPU time),
 * `stop`. Answers carry the `id` of the question.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { floorPlugin } from './floorPlugin';

/** Config data as `ConfigReader` takes it. */
export type ConfigData = NonNullable<
  ConstructorParameters<typeof ConfigReader>[0]
>;

/** Which plugins the backend runs; `none` is the baseline for the memory figures. */
export type PluginSet = 'both' | 'platform-mesh' | 'kubernetes' | 'none';

export type ParentMessage =
  | {
      type: 'start';
      id: number;
      config: ConfigData;
      entities: Entity[];
      plugins: PluginSet;
    }
  | { type: 'memory'; id: number }
  | { type: 'counters'; id: number }
  | { type: 'stop'; id: number };

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface Counters {
  /** Requests sent to each `host:port`, since the process started. */
  requests: Record<string, number>;
  /** Of those, watch requests (`watch=true`). */
  watches: Record<string, number>;
  /** CPU time of this process (user + system), microseconds. */
  cpuMicros: number;
}

// every request this process sends over node:http(s) (both plugins' clients use it)
const requests: Record<string, number> = {};
const watches: Record<string, number> = {};
diagnosticsChannel.subscribe('http.client.request.start', message => {
  const request = (message as { request: ClientRequest }).request;
  const host = String(request.getHeader('host') ?? request.host);
  requests[host] = (requests[host] ?? 0) + 1;
  if (/[?&]watch=(true|1)/.test(request.path)) {
    watches[host] = (watches[host] ?? 0) + 1;
  }
});

let backend: ReturnType<typeof createBackend> | undefined;

function reply(id: number, body: object) {
  process.send?.({ id, ...body });
}

async function start(message: Extract<ParentMessage, { type: 'start' }>) {
  backend = createBackend();
  const config = new ConfigReader(message.config, 'bench');
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(catalogServiceMock.factory({ entities: message.entities }));
  if (message.plugins === 'both' || message.plugins === 'kubernetes') {
    backend.add(import('@backstage/plugin-kubernetes-backend'));
  }
  if (message.plugins === 'both' || message.plugins === 'platform-mesh') {
    backend.add(import('../src'));
  }
  if (message.plugins === 'both') {
    // the no-op floor: same auth and permission decision, constant answer (floorPlugin.ts)
    backend.add(floorPlugin);
  }
  await backend.start();
}

process.on('message', async (message: ParentMessage) => {
  try {
    switch (message.type) {
      case 'start':
        await start(message);
        reply(message.id, { ok: true });
        break;
      case 'memory': {
        (global as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        const figures: MemoryFigures = {
          rss: m.rss,
          heapUsed: m.heapUsed,
          heapTotal: m.heapTotal,
          external: m.external,
        };
        reply(message.id, { ok: true, memory: figures });
        break;
      }
      case 'counters': {
        const cpu = process.cpuUsage();
        const counters: Counters = {
          requests: { ...requests },
          watches: { ...watches },
          cpuMicros: cpu.user + cpu.system,
        };
        reply(message.id, { ok: true, counters });
        break;
      }
      case 'stop':
        await backend?.stop();
        reply(message.id, { ok: true });
        setTimeout(() => process.exit(0), 100);
        break;
      default:
        break;
    }
  } catch (error) {
    reply((message as { id: number }).id, {
      ok: false,
      error:
        error instanceof Error ? error.stack ?? error.message : String(error),
    });
  }
});

process.on('disconnect', () => process.exit(0));
