/*
 * `yarn bench:apply`: what `platform-mesh:apply` costs on the local API servers
 * (packages/dev-clusters) next to the floor of any apply, a plain script that sends one
 * server-side-apply PATCH per object with the same least-privileged identity. Prints, for the
 * first install and for the re-run, the requests per cluster (discovery, permission reviews,
 * tokens, dry runs, writes, reads) and the wall time, side by side, and checks the bound
 * (requests ≤ 2 × objects + tokens + discovery).
 *
 * Flags: --reps N (3: first install + re-run, each on fresh namespaces; medians are printed)
 *        --smoke (1 rep: proves the benchmark runs and prints every figure; the test command runs it)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterEntry,
  devClusters,
  ROLES,
  type Role,
} from '@internal/dev-clusters/lib/testing';
import {
  DefaultPlatformMeshClustersService,
  readPlatformMeshConfig,
  type ClusterClient,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { createPlatformMeshApplyAction } from '../src/actions/apply';
import { operatorIdentityRbac } from '../src/credentials/serviceAccountRbac';
import {
  RequestLog,
  requestsOfKind,
  totalRequests,
  type RequestCounts,
  type RequestKind,
} from './requestLog';

const log = (line: string) => process.stdout.write(`${line}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function parseArgs(argv: string[]) {
  const options = { reps: 3, smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke') Object.assign(options, { reps: 1, smoke: true });
    else if (arg === '--reps') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1)
        throw new Error('--reps must be a positive integer');
      options.reps = n;
    } else throw new Error(`unknown flag ${arg} (flags: --reps N, --smoke)`);
  }
  return options;
}

const silent: LoggerService = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silent,
};

const allow: PermissionsService = {
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
} as PermissionsService;

/** The clusters service of the scaffolder module, as the least-privileged applier identity. */
function applierClusters(operatorNamespace: string, namespace: string) {
  const dev = devClusters();
  return new DefaultPlatformMeshClustersService({
    config: readPlatformMeshConfig(
      mockServices.rootConfig({
        data: {
          platformMesh: {
            clusters: ROLES.map(role =>
              clusterEntry(`bench-${role}`, role, 'applier'),
            ),
            targets: [
              {
                name: 'bench',
                operatorCluster: 'bench-operator',
                runtimeCluster: 'bench-runtime',
                infraCluster: 'bench-infra',
                deploymentTechnology: 'fluxcd',
                runtimeServerUrl: dev.runtime.url,
                operatorNamespace,
                namespace,
                namespaces: ['pm-bench-apply-*'],
              },
            ],
            requestTimeoutSeconds: 10,
          },
        },
      }),
    ),
  });
}

const INPUT = {
  target: 'bench',
  name: 'platform-mesh',
  baseDomain: 'portal.localhost',
  port: 8443,
};

/** One run of the action as the scaffolder runs it (no dry run, no wait). */
async function runAction(
  action: ReturnType<typeof createPlatformMeshApplyAction>,
  workspace: string,
) {
  const outputs: Record<string, any> = {};
  const ctx: any = {
    input: INPUT,
    workspacePath: workspace,
    logger: silent,
    secrets: {},
    isDryRun: false,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async (opts: { fn: () => Promise<unknown> }) => opts.fn(),
    getInitiatorCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
    user: { ref: 'user:default/bench' },
    task: { id: 'bench' },
    step: { id: 'apply', name: 'apply' },
  };
  await action.handler(ctx);
  return outputs;
}

const API_VERSION: Record<string, string> = {
  Namespace: 'v1',
  Secret: 'v1',
  ConfigMap: 'v1',
  ServiceAccount: 'v1',
  PlatformMesh: 'core.platform-mesh.io/v1alpha1',
};

/** The objects the action wrote, read back with the admin identity, as plain apply bodies. */
async function appliedObjects(
  admin: Record<Role, ClusterClient>,
  outputs: Record<string, any>,
): Promise<Array<{ role: Role; object: any }>> {
  const listed = Object.values(
    outputs.appliedObjects as Record<string, any[]>,
  ).flat();
  const out: Array<{ role: Role; object: any }> = [];
  for (const entry of listed) {
    const [kind, ref] = String(entry.object).split(' ');
    const [namespace, name] = ref.includes('/')
      ? ref.split('/')
      : [undefined, ref];
    const apiVersion = API_VERSION[kind];
    if (!apiVersion)
      throw new Error(`bench:apply does not know the kind ${kind}`);
    const live: any = await admin[entry.role as Role].get({
      apiVersion,
      kind,
      namespace,
      name,
    });
    // an apply body: no server-set fields, no status
    const metadata = { ...live.metadata } as Record<string, unknown>;
    for (const field of [
      'managedFields',
      'resourceVersion',
      'uid',
      'creationTimestamp',
      'generation',
    ]) {
      delete metadata[field];
    }
    const rest = { ...live } as Record<string, unknown>;
    delete rest.status;
    out.push({ role: entry.role as Role, object: { ...rest, metadata } });
  }
  return out;
}

/** The floor: one server-side apply PATCH per object, in order, with the applier identity. */
async function plainApply(
  clients: Record<Role, ClusterClient>,
  objects: Array<{ role: Role; object: any }>,
) {
  for (const { role, object } of objects) {
    await clients[role].apply(object, {
      fieldManager: 'pm-bench-plain',
      force: true,
    });
  }
}

/** The same objects moved to other namespaces (the plain script's own first install). */
function renamespaced(
  objects: Array<{ role: Role; object: any }>,
  names: Record<string, string>,
) {
  return objects.map(({ role, object }) => {
    let text = JSON.stringify(object);
    for (const [from, to] of Object.entries(names))
      text = text.split(from).join(to);
    return { role, object: JSON.parse(text) };
  });
}

interface Phase {
  ms: number;
  counts: RequestCounts;
}

const KINDS: RequestKind[] = [
  'discovery',
  'review',
  'token',
  'dry-run',
  'write',
  'read',
];

function describeCounts(counts: RequestCounts): string {
  return ROLES.map(role => {
    const byKind = counts[role];
    if (!byKind) return `${role} 0`;
    const parts = KINDS.filter(k => byKind[k]).map(k => `${byKind[k]} ${k}`);
    return `${role} ${parts.join(', ') || '0'}`;
  }).join('; ');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dev = devClusters();
  const hosts = Object.fromEntries(
    ROLES.map(role => [role, new URL(dev[role].url).host]),
  );
  const requests = new RequestLog(hosts);
  const admin = clientsFor(
    ROLES.map(role => clusterEntry(role, role, 'admin')),
  );
  const applier = clientsFor(
    ROLES.map(role => clusterEntry(role, role, 'applier')),
  );
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-bench-apply-'));
  const phases: Record<
    'actionFirst' | 'actionRerun' | 'plainFirst' | 'plainRerun',
    Phase[]
  > = {
    actionFirst: [],
    actionRerun: [],
    plainFirst: [],
    plainRerun: [],
  };
  let objectCount = 0;
  const measure = async (fn: () => Promise<unknown>): Promise<Phase> => {
    requests.start();
    const started = now();
    await fn();
    const ms = now() - started;
    return { ms, counts: requests.stop() };
  };
  log(
    `platform-mesh:apply benchmark: ${options.reps} rep(s), load average ${os
      .loadavg()[0]
      .toFixed(1)}, ${os.cpus().length} cores`,
  );
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const run = `${Date.now().toString(36)}${rep}`;
      const operatorNamespace = `pm-bench-apply-system-${run}`;
      const namespace = `pm-bench-apply-${run}`;
      // the administrator's one-time step for the operator namespace (examples/rbac/operator-identities.yaml)
      for (const client of [admin.runtime, admin.infra]) {
        for (const object of operatorIdentityRbac(operatorNamespace)) {
          await client.apply(object, {
            fieldManager: 'pm-bench-administrator',
            force: true,
          });
        }
      }
      const action = createPlatformMeshApplyAction({
        clusters: applierClusters(operatorNamespace, namespace),
        permissions: allow,
      });
      let outputs: Record<string, any> = {};
      phases.actionFirst.push(
        await measure(async () => {
          outputs = await runAction(action, workspace);
        }),
      );
      phases.actionRerun.push(
        await measure(() => runAction(action, workspace)),
      );
      const objects = await appliedObjects(admin, outputs);
      objectCount = objects.length;
      const moved = renamespaced(objects, {
        [operatorNamespace]: `pm-bench-apply-plain-system-${run}`,
        [namespace]: `pm-bench-apply-plain-${run}`,
      });
      phases.plainFirst.push(await measure(() => plainApply(applier, moved)));
      phases.plainRerun.push(await measure(() => plainApply(applier, moved)));
      log(
        `rep ${rep + 1}: action ${phases.actionFirst[rep].ms.toFixed(
          0,
        )} ms / re-run ${phases.actionRerun[rep].ms.toFixed(0)} ms; ` +
          `plain SSA ${phases.plainFirst[rep].ms.toFixed(
            0,
          )} ms / re-run ${phases.plainRerun[rep].ms.toFixed(0)} ms (${
            objects.length
          } objects, namespaces included)`,
      );
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }

  const last = (name: keyof typeof phases) =>
    phases[name][phases[name].length - 1];
  const row = (label: string, action: Phase[], plain: Phase[]) => {
    const a = median(action.map(p => p.ms));
    const b = median(plain.map(p => p.ms));
    const counts = action[action.length - 1].counts;
    const total = totalRequests(counts);
    const bound =
      2 * objectCount +
      requestsOfKind(counts, 'token') +
      requestsOfKind(counts, 'discovery');
    return [
      `${label}: wall time (median ms)   action ${a.toFixed(
        0,
      )}   plain SSA ${b.toFixed(0)}   ratio ${(a / b).toFixed(
        1,
      )}× (goal ≤ 2×: ${a / b <= 2 ? 'met' : 'MISSED'})`,
      `${label}: API requests            action ${total}   plain SSA ${totalRequests(
        plain[plain.length - 1].counts,
      )}   bound 2×${objectCount} objects + tokens + discovery = ${bound} (${
        total <= bound ? 'met' : 'MISSED'
      })`,
      `${label}: action requests by cluster   ${describeCounts(counts)}`,
      `${label}: plain requests by cluster    ${describeCounts(
        plain[plain.length - 1].counts,
      )}`,
    ];
  };
  const lines = [
    '',
    `objects written by the action: ${objectCount} (namespaces included)`,
    ...row('first install', phases.actionFirst, phases.plainFirst),
    ...row('re-run', phases.actionRerun, phases.plainRerun),
  ];
  for (const line of lines) log(line);
  if (options.smoke) {
    const figures = lines.filter(l => /\d/.test(l)).length;
    if (
      figures < 9 ||
      !last('actionFirst') ||
      totalRequests(last('actionFirst').counts) === 0
    ) {
      throw new Error(
        `smoke run: figures missing (${figures} lines with figures)`,
      );
    }
    log(`smoke run: ${figures} lines of figures printed`);
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench:apply failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
