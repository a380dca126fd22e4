'use strict';

// Helpers for integration tests against the local API servers. Plain data and processes only:
// each package builds its own clients from these config entries.

const net = require('node:net');
const path = require('node:path');
const { loadDevClusters, stateDir } = require('./clusters');
const { runCli } = require('./cli');

const ROLES = ['operator', 'runtime', 'infra'];
/** The live clusters, where the real operator and real Flux run (live/README.md). */
const LIVE_ROLES = ['live-operator', 'live-runtime', 'live-infra'];

/** The three clusters of `.state/clusters.json`; throws when `yarn clusters start` has not run. */
function devClusters() {
  return loadDevClusters().clusters;
}

/** The app-config fragment `start` writes for the example app (platformMesh clusters and targets). */
function appConfigFile() {
  return path.join(stateDir, 'app-config.dev-clusters.yaml');
}

/** Seeds scenarios (idempotent). Tests share the servers, so they never reset. */
function seed(...scenarios) {
  const res = runCli(['seed', ...scenarios], { stdio: 'pipe', timeout: 60000 });
  if (res.status !== 0) {
    throw new Error(
      `dev-clusters seed ${scenarios.join(' ')} failed: ${String(
        res.stderr ?? '',
      ).trim()}`,
    );
  }
}

/** A `platformMesh.clusters` entry for one role with one of its identities. */
function clusterEntry(name, role, identity, url) {
  const cluster = devClusters()[role];
  return {
    name,
    url: url ?? cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.tokens[identity],
    caData: cluster.caData,
  };
}

/** Every token and CA of the three clusters: what must never appear in an answer or a log line. */
function secretMaterial() {
  const clusters = devClusters();
  return [...ROLES, ...LIVE_ROLES].flatMap(role => [
    ...Object.values(clusters[role].tokens),
    clusters[role].caData.slice(0, 40),
  ]);
}

/**
 * A loopback TCP proxy in front of an API server. `cut()` closes it and every open connection,
 * which a client sees as the server going away, without stopping the server other tests share.
 */
async function startProxy(targetUrl) {
  const target = new URL(targetUrl);
  const sockets = new Set();
  const server = net.createServer(client => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `https://127.0.0.1:${port}`,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise(resolve => server.close(() => resolve()));
    },
  };
}

/**
 * Installs the real operator chart on the live operator cluster with these Helm values (the YAML
 * platform-mesh:render produced) and (re)starts the launcher that runs the operator.
 */
function operatorUp(namespace, valuesYaml) {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-operator-values-'));
  const file = path.join(dir, 'values.yaml');
  fs.writeFileSync(file, valuesYaml, { mode: 0o600 });
  try {
    const res = runCli(
      ['operator', 'up', '--namespace', namespace, '--values', file],
      { stdio: 'pipe', timeout: 600000 },
    );
    if (res.status !== 0) {
      throw new Error(
        `dev-clusters operator up failed: ${String(res.stderr ?? '').trim()}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops the operator launcher (and the operator). */
function operatorDown() {
  const res = runCli(['operator', 'down'], { stdio: 'pipe', timeout: 60000 });
  if (res.status !== 0) {
    throw new Error(`dev-clusters operator down failed: ${res.stderr}`);
  }
}

/** The last `lines` lines of the real operator's log (.state/operator.log). */
function operatorLog(lines = 40) {
  const fs = require('node:fs');
  try {
    const text = fs.readFileSync(path.join(stateDir, 'operator.log'), 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Polls `check` until it returns something other than undefined, or fails after `timeoutMs`. */
async function eventually(check, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms${last ? `: ${last}` : ''}`,
  );
}

module.exports = {
  appConfigFile,
  ROLES,
  LIVE_ROLES,
  operatorUp,
  operatorDown,
  operatorLog,
  devClusters,
  seed,
  clusterEntry,
  secretMaterial,
  startProxy,
  eventually,
};
