'use strict';

// Records what the real controllers wrote on the live clusters into the -common health fixtures
// (plugins/platform-mesh-common/src/health/__fixtures__/recorded/live-*.json), through
// `devclusters record`. Run it after the live lane (the e2e test in packages/backend, or
// scripts/start.sh) has brought the live instance to Ready:
//   node packages/dev-clusters/scripts/record-fixtures.js
// The fixtures' tests then check the health rules against these objects.

const { runCli } = require('../lib/cli');

const NS = 'platform-mesh-system';
const RECORDS = [
  ['platformmesh', `${NS}/platform-mesh`, 'live-platformmesh-ready'],
  ['helmrelease', `${NS}/account-operator`, 'live-helmrelease-installed'],
  ['helmrelease', `${NS}/portal`, 'live-helmrelease-upgraded'],
  ['helmrepository', `${NS}/portal`, 'live-helmrepository-ready'],
];

let failed = 0;
for (const args of RECORDS) {
  const res = runCli(['record', ...args], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
