'use strict';

// Creates the demo's live instance the way a user would: runs the example template
// (Create → Remote Platform Mesh) on target `live` through the running example backend's
// scaffolder API as the guest user, then installs the real operator chart with the Helm values
// the template printed (`devclusters operator up`). The real operator and real Flux then bring
// it to Ready. Safe to run again: the template re-applies (nothing changes) and the chart upgrades.
//   node scripts/live-instance.js [backendBaseUrl]   (default http://localhost:7007)

const fs = require('node:fs');
const path = require('node:path');
const { runCli } = require('../lib/cli');
const {
  LIVE_NAMESPACE,
  liveTemplateValues,
  operatorValuesFromTaskOutput,
} = require('../lib/live');

const backend = process.argv[2] || 'http://localhost:7007';
const log = msg => process.stderr.write(`[live-instance] ${msg}\n`);
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function waitForBackend(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${backend}/api/scaffolder/v2/actions`);
      if (res.status === 401 || res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(2000);
  }
  throw new Error(`the backend at ${backend} did not come up`);
}

async function guestToken() {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: HTTP ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function waitForTemplate(headers, deadline) {
  const url = `${backend}/api/catalog/entities/by-name/template/default/platform-mesh-remote`;
  while (Date.now() < deadline) {
    const res = await fetch(url, { headers });
    if (res.ok) return;
    await sleep(2000); // the catalog reads the example locations shortly after start-up
  }
  throw new Error('the catalog did not list the example template');
}

async function main() {
  await waitForBackend(Date.now() + 15 * 60_000);
  const token = await guestToken();
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  await waitForTemplate(headers, Date.now() + 5 * 60_000);
  const created = await fetch(`${backend}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      templateRef: 'template:default/platform-mesh-remote',
      values: liveTemplateValues(),
    }),
  });
  if (created.status !== 201) {
    throw new Error(
      `create task: HTTP ${created.status} ${await created.text()}`,
    );
  }
  const { id } = await created.json();
  log(`running the example template on target live (task ${id})`);
  for (;;) {
    const task = await (
      await fetch(`${backend}/api/scaffolder/v2/tasks/${id}`, { headers })
    ).json();
    if (task.status === 'failed') throw new Error(`task ${id} failed`);
    if (task.status === 'completed') break;
    await sleep(1000);
  }
  const events = await (
    await fetch(`${backend}/api/scaffolder/v2/tasks/${id}/events`, { headers })
  ).json();
  const output = events.find(e => e.type === 'completion')?.body?.output;
  const values = operatorValuesFromTaskOutput(output);
  if (!values) throw new Error('the task output has no operator Helm values');
  const file = path.join(
    __dirname,
    '..',
    '.state',
    'live-operator-values.yaml',
  );
  fs.writeFileSync(file, values, { mode: 0o600 });
  log(
    'installing the real operator chart with the values the template printed',
  );
  const res = runCli(
    ['operator', 'up', '--namespace', LIVE_NAMESPACE, '--values', file],
    { stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (res.status !== 0) throw new Error('operator up failed');
  log(
    'done: open resource:default/live-platform-mesh-system-platform-mesh in the catalog (emitted by the catalog entity provider from the PlatformMesh)',
  );
}

main().catch(e => {
  log(`failed: ${e.message}`);
  process.exit(1);
});
