/*
 * Fuzz suite of the action inputs: 1,000 generated bad inputs per action (platform-mesh:render,
 * platform-mesh:apply), from a seeded generator. Each must fail with an InputError that names
 * every broken field by its path, is bounded in size and holds no secret; and nothing may reach a
 * cluster: zero HTTP requests and zero clients taken from the clusters service during the runs,
 * and every object of the test's namespaces on the three real dev clusters keeps its
 * resourceVersion. Own namespaces (pm-fuzz-*).
 */
import http from 'node:http';
import https from 'node:https';
import { readdirSync } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { ROLES, secretMaterial } from '@internal/dev-clusters/lib/testing';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { actionContext, permissions } from '../__testUtils__/fakeClusters';
import { adminClients, itClustersService } from '../__testUtils__/devClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';
import { createPlatformMeshRenderAction } from '../actions/render';
import { topLevelField } from '../input/inputProblems';
import {
  badInput,
  TASK_SECRET_TOKEN,
  TASK_SECRETS,
} from './__testUtils__/badInputs';
import { snapshotObjects } from './__testUtils__/clusterSnapshot';

jest.setTimeout(60_000);

const RUNS = 1000;
/** The longest error message allowed (50 listed problems of bounded size). */
const MAX_MESSAGE = 45_000;

const RUN = Date.now().toString(36);
const PREFIX = 'pm-fuzz-';
const NS = `${PREFIX}${RUN}`;
const OPERATOR_NS = `${PREFIX}system-${RUN}`;
const admin = adminClients();

/** The clusters service, counting every client and apply engine it hands out. */
function countingService(service: PlatformMeshClustersService) {
  const counter = { uses: 0 };
  const proxy = new Proxy(service, {
    get(target, property, receiver) {
      if (property === 'getClient' || property === 'applyEngine') {
        counter.uses++;
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { service: proxy, counter };
}

/** The field paths the error lists (`<path>: <message>` parts). */
function listedFields(message: string): string[] {
  return message
    .replace(/^Invalid input \([^)]*\): /, '')
    .split('; ')
    .map(part => part.split(': ')[0]);
}

function headerFields(message: string): string[] {
  const match = /^Invalid input \(([^)]*)\)/.exec(message);
  return match ? match[1].split(', ') : [];
}

describe('fuzz: bad action inputs', () => {
  const workspace = createMockDirectory();
  const { service, counter } = countingService(
    itClustersService('applier', {
      operatorNamespace: OPERATOR_NS,
      namespace: NS,
    }),
  );
  const actions = {
    apply: createPlatformMeshApplyAction({
      clusters: service,
      permissions: permissions('ALLOW'),
    }),
    render: createPlatformMeshRenderAction({ clusters: service }),
  };
  const secrets = [...secretMaterial(), TASK_SECRET_TOKEN];
  const outgoing = { requests: 0 };

  /** Counts every outgoing HTTP(S) request of this process (the cluster client uses node:https). */
  function countRequests() {
    for (const module of [http, https]) {
      for (const method of ['request', 'get'] as const) {
        const original = module[method] as (...args: any[]) => any;
        jest.spyOn(module, method).mockImplementation(((...args: any[]) => {
          outgoing.requests++;
          return original.apply(module, args);
        }) as any);
      }
    }
  }
  const measured: Record<string, { maxMessage: number; ms: number }> = {};

  beforeAll(async () => {
    for (const role of ROLES) {
      for (const ns of [NS, OPERATOR_NS]) {
        await admin[role].requestJson({
          method: 'POST',
          path: '/api/v1/namespaces',
          body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
        });
        await admin[role].requestJson({
          method: 'POST',
          path: `/api/v1/namespaces/${ns}/configmaps`,
          body: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'fuzz-marker' },
            data: { run: RUN },
          },
        });
      }
    }
  });

  afterAll(() => {
    jest.restoreAllMocks();
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${JSON.stringify(measured)}`);
  });

  it.each(['apply', 'render'] as const)(
    `platform-mesh:%s refuses ${RUNS} generated bad inputs, naming every broken field, without a cluster call`,
    async name => {
      jest.restoreAllMocks();
      const before = await snapshotObjects(admin, [NS, OPERATOR_NS], PREFIX);
      expect(Object.keys(before).length).toBeGreaterThan(0);
      countRequests();
      // The counter sees cluster calls: one through a client of the clusters service.
      outgoing.requests = 0;
      await service.getClient('it-runtime').requestJson({ path: '/version' });
      expect(outgoing.requests).toBeGreaterThan(0);
      outgoing.requests = 0;
      counter.uses = 0;
      const started = Date.now();
      let maxMessage = 0;
      for (let i = 0; i < RUNS; i++) {
        const seed = (name === 'apply' ? 1 : 2) * 100_000 + i;
        const { input, broken } = badInput(seed, name, {
          target: 'it',
          name: 'platform-mesh',
        });
        const context = actionContext({
          input,
          workspacePath: workspace.path,
          secrets: TASK_SECRETS,
        });
        let error: unknown;
        try {
          await actions[name].handler(context.ctx);
        } catch (e) {
          error = e;
        }
        const where = `seed ${seed}, broken ${broken.join(', ')}`;
        if (!(error instanceof InputError)) {
          throw new Error(`${where}: expected an InputError, got ${error}`);
        }
        const message = error.message;
        maxMessage = Math.max(maxMessage, message.length);
        expect({ where, long: message.length > MAX_MESSAGE }).toEqual({
          where,
          long: false,
        });
        const header = headerFields(message);
        const listed = listedFields(message);
        const complete = !/; and \d+ more problems$/.test(message);
        for (const path of broken) {
          const named =
            header.includes(topLevelField(path)) &&
            (!complete ||
              listed.some(
                f =>
                  f === path ||
                  f.startsWith(`${path}.`) ||
                  f.startsWith(`${path}[`),
              ));
          if (!named) {
            throw new Error(
              `${where}: ${path} is not named in: ${message.slice(0, 2000)}`,
            );
          }
        }
        for (const secret of secrets) {
          if (message.includes(secret)) {
            throw new Error(`${where}: the error holds secret material`);
          }
        }
        expect(context.outputs).toEqual({});
      }
      measured[name] = { maxMessage, ms: Date.now() - started };
      expect(outgoing.requests).toBe(0);
      expect(counter.uses).toBe(0);
      expect(readdirSync(workspace.path)).toEqual([]);
      jest.restoreAllMocks();
      const after = await snapshotObjects(admin, [NS, OPERATOR_NS], PREFIX);
      expect(after).toEqual(before);
    },
  );
});
